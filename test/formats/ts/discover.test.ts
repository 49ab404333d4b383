/**
 * TypeScript/JavaScript sources in a real run (Node API, a folder on disk): which files a folder
 * walk lints (a cheap text check first; never `node_modules`, `cdk.out` or declaration files),
 * that a file named explicitly is always read, and that `--fix` writes TypeScript in place but
 * never touches a file that does not parse.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WfLint } from '../../../src';

const NAKED = "export const flow = {\n  StartAt: 'job-batch',\n  States: {\n    'job-batch': { Type: 'Task', Resource: 'arn:aws:states:::batch:submitJob', End: true },\n  },\n};\n";
const BROKEN = "export const flow = {\n  StartAt: 'job-batch',\n  States: {\n    'job-batch': { Type: 'Task', Resource: 'arn:aws:states:::batch:submitJob' End: true },\n  },\n};\n";

let dir: string;
beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'wf-lint-ts-')));
  const files: Record<string, string> = {
    'lib/stack.ts': NAKED,
    'lib/legacy.mjs': NAKED,
    'lib/flow.cjs': NAKED.replace('export const flow =', 'module.exports ='),
    'lib/view.tsx': NAKED,
    'lib/util.ts': 'export const answer = 42;\n',
    'lib/types.d.ts': "export declare const flow: { StartAt: 'a'; States: {} };\n",
    'node_modules/dep/index.js': NAKED,
    'cdk.out/Stack.template.json': JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:states:::batch:submitJob', End: true } } }),
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const relative = (file: string) => path.relative(dir, file);

test('a folder walk lints the sources that mention a state machine, and nothing generated or installed', async () => {
  const results = await new WfLint({ cwd: dir }).lintFiles(['.']);
  const sync = (r: (typeof results)[number]) => r.messages.filter((m) => m.ruleId === 'batch/require-sync').map((m) => [m.ruleId, m.line, m.column]);
  expect(results.map((r) => [relative(r.filePath), sync(r)])).toEqual([
    ['lib/flow.cjs', [['batch/require-sync', 4, 5]]],
    ['lib/legacy.mjs', [['batch/require-sync', 4, 5]]],
    ['lib/stack.ts', [['batch/require-sync', 4, 5]]],
    ['lib/view.tsx', [['batch/require-sync', 4, 5]]],
  ]);
});

test('a file named explicitly is read whatever it holds', async () => {
  const results = await new WfLint({ cwd: dir }).lintFiles(['lib/util.ts', 'lib/types.d.ts']);
  expect(results.map((r) => [relative(r.filePath), r.messages.map((m) => m.message)])).toEqual([
    ['lib/types.d.ts', ['No state machine found in this file.']],
    ['lib/util.ts', ['No state machine found in this file.']],
  ]);
});

test('--fix rewrites a TypeScript file in place and leaves one that does not parse byte for byte', async () => {
  fs.writeFileSync(path.join(dir, 'lib/broken.ts'), BROKEN);
  const linter = new WfLint({ cwd: dir, fix: (m) => m.ruleId === 'batch/require-sync' });
  const results = await linter.outputFixes(await linter.lintFiles(['lib/stack.ts', 'lib/broken.ts']));
  expect(fs.readFileSync(path.join(dir, 'lib/stack.ts'), 'utf8')).toBe(NAKED.replace('submitJob', 'submitJob.sync'));
  expect(fs.readFileSync(path.join(dir, 'lib/broken.ts'), 'utf8')).toBe(BROKEN);
  const broken = results.find((r) => r.filePath.endsWith('broken.ts'))!;
  // The compiler's position: the `End` where it expected a comma.
  expect(broken.messages).toEqual([{ ruleId: null, severity: 2, fatal: true, message: "Parsing error: ',' expected.", line: 4, column: 79 }]);
});
