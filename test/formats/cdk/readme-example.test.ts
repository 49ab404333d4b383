/**
 * The README's CDK example is true: its stack, linted in a project with the default
 * configuration, gives the reports shown (the stylish formatter's location lines), `--fix` gives
 * the fixed stack shown, and CDK synthesises that fixed stack into the batch group.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ts } from 'ts-morph';
import { WfLint } from '../../../src';
import { readmeBlock } from '../../harness/readme-blocks';

let dir: string;
beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'wf-lint-readme-cdk-')));
  fs.mkdirSync(path.join(dir, 'lib'));
  fs.writeFileSync(path.join(dir, 'lib/copy-assets-stack.ts'), readmeBlock('cdk-example'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the reports are the ones shown', async () => {
  const linter = new WfLint({ cwd: dir });
  const report = (await linter.loadFormatter('stylish')).format(await linter.lintFiles(['lib/copy-assets-stack.ts']));
  const locations = String(report).split('\n').filter((line) => line.startsWith('lib/copy-assets-stack.ts:'));
  expect(locations.join('\n') + '\n').toBe(readmeBlock('cdk-example-output'));
});

test('the fixed stack is the one shown, and CDK synthesises it into the batch group', async () => {
  const [result] = await new WfLint({ cwd: dir, fix: true }).lintFiles(['lib/copy-assets-stack.ts']);
  expect(result.output).toBe(readmeBlock('cdk-example-fixed'));
  expect(result.messages).toEqual([]);

  process.env.JSII_DEPRECATED = 'quiet';
  const js = ts.transpileModule(result.output!, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const module = { exports: {} as Record<string, new (scope: unknown, id: string) => unknown> };
  new Function('require', 'module', 'exports', js)(createRequire(__filename), module, module.exports);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { App } = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
  const app = new App();
  new module.exports.CopyAssetsStack(app, 'Test');
  const resources = Object.values(app.synth().getStackByName('Test').template.Resources as Record<string, { Type: string; Properties: { DefinitionString: { 'Fn::Join': [string, unknown[]] } } }>);
  const machine = resources.find((r) => r.Type === 'AWS::StepFunctions::StateMachine')!;
  const definition = JSON.parse(machine.Properties.DefinitionString['Fn::Join'][1].map((p) => (typeof p === 'string' ? p : 'TOKEN')).join(''));
  expect(definition.StartAt).toBe('copy-assets-group');
  expect(definition.States['copy-assets-group']).toMatchObject({
    Type: 'Parallel',
    OutputPath: '$[0]',
    End: true,
    Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 3, MaxAttempts: 2 }],
    Branches: [{ StartAt: 'copy-assets-pre-batch' }],
  });
  expect(definition.States['copy-assets-group'].Branches[0].States['copy-assets-batch'].Catch).toEqual([
    { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'copy-assets-post-batch' },
  ]);
}, 60_000);
