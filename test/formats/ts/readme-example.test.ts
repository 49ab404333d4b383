/**
 * The README's "TypeScript and CDK" example is true: its file, linted in a project with the
 * default configuration, gives the report shown (the stylish formatter's location lines), and
 * `--fix` gives the fixed file shown.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WfLint } from '../../../src';
import { readmeBlock } from '../../harness/readme-blocks';

let dir: string;
beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'wf-lint-readme-ts-')));
  fs.mkdirSync(path.join(dir, 'lib'));
  fs.writeFileSync(path.join(dir, 'lib/publish.ts'), readmeBlock('readme-example'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the report is the one shown', async () => {
  const linter = new WfLint({ cwd: dir });
  const report = (await linter.loadFormatter('stylish')).format(await linter.lintFiles(['lib/publish.ts']));
  const locations = String(report).split('\n').filter((line) => line.startsWith('lib/publish.ts:'));
  expect(locations.join('\n') + '\n').toBe(readmeBlock('readme-example-output'));
});

test('the fixed file is the one shown', async () => {
  const [result] = await new WfLint({ cwd: dir, fix: true }).lintFiles(['lib/publish.ts']);
  expect(result.output).toBe(readmeBlock('readme-example-fixed'));
  expect(result.messages).toEqual([]);
});
