/**
 * `wf-lint init` on temporary repositories: the written `.wflintrc.yaml` (exact text), that it
 * loads and steers `--fix`, and that an existing configuration is never overwritten.
 */
import fs from 'node:fs';
import path from 'node:path';
import { WfLint } from '../../src/api/wf-lint';
import { COMPLIANT_YAML, NAKED_SYNC_YAML, makeFixture, removeFixture, runCliFresh } from './run-cli';

/** A Cirrus workflow whose pre/post-batch tasks call `!GetAtt pre-batch.Arn` / `!GetAtt post-batch.Arn`. */
const CIRRUS = (name: string) => `name: ${name}
definition:
  StartAt: ${name}-group
  States:
    ${name}-group:
      Type: Parallel
      Branches:
        - StartAt: pre
          States:
            pre:
              Type: Task
              Resource: !GetAtt pre-batch.Arn
              Next: job
            job:
              Type: Task
              Resource: arn:aws:states:::batch:submitJob.sync
              Parameters:
                JobName: job
                JobQueue: queue
                JobDefinition: jobdef
                Parameters:
                  url.$: $.url
                  url_out.$: $.url_out
              Next: post
              Catch:
                - ErrorEquals: [States.ALL]
                  ResultPath: $.error
                  Next: post
            post:
              Type: Task
              Resource: !GetAtt post-batch.Arn
              End: true
      OutputPath: $[0]
      Retry:
        - ErrorEquals: [States.ALL]
          MaxAttempts: 2
      End: true
`;

/** A Terraform-templated ASL file with `${tasks.…}` Resources. */
const TERRAFORM = JSON.stringify({
  StartAt: 'pre',
  States: {
    pre: { Type: 'Task', Resource: '${tasks.pre-batch.lambda.function_arn}', Next: 'post' },
    post: { Type: 'Task', Resource: '${tasks.post-batch.lambda.function_arn}', End: true },
  },
});

let dir: string | undefined;
afterEach(() => removeFixture(dir));

test('a Cirrus repository: the !GetAtt form becomes the fix default, build output is ignored', () => {
  dir = makeFixture({
    'workflows/mirror/definition.yml': CIRRUS('mirror'),
    'workflows/cog/definition.yml': CIRRUS('cog'),
    'workflows/naked.asl.yaml': NAKED_SYNC_YAML,
    // A copy in build output must not count.
    'cdk.out/definition.yml': CIRRUS('copy').replace(/pre-batch\.Arn/g, 'Other.Arn'),
  });
  const run = runCliFresh(dir, ['init']);
  expect([run.status, run.stderr]).toEqual([0, '']);
  expect(run.stdout).toBe('Wrote .wflintrc.yaml: 3 state machines in 3 files: 2 Cirrus definition.yml (YAML), 1 plain ASL (YAML).\n');
  expect(fs.readFileSync(path.join(dir, '.wflintrc.yaml'), 'utf8')).toBe(`# wf-lint configuration, written by \`wf-lint init\`.
# Found 3 state machines in 3 files: 2 Cirrus definition.yml (YAML), 1 plain ASL (YAML).
# ignores: build output (cdk.out) holds copies of the real definitions.
# preBatchResource: what --fix inserts where a file shows no pre-batch task; used by 2 of the 2 pre-batch tasks found.
# postBatchResource: what --fix inserts where a file shows no post-batch task; used by 2 of the 2 post-batch tasks found.
extends: wf-lint:recommended
ignores:
  - cdk.out/**
settings:
  batch:
    fix:
      preBatchResource:
        Fn::GetAtt: pre-batch.Arn
      postBatchResource:
        Fn::GetAtt: post-batch.Arn
`);
  const config = new WfLint({ cwd: dir }).calculateConfigForFile('workflows/naked.asl.yaml');
  expect(config.settings.batch).toEqual({ fix: { preBatchResource: { 'Fn::GetAtt': 'pre-batch.Arn' }, postBatchResource: { 'Fn::GetAtt': 'post-batch.Arn' } } });
  expect(config.rules.get('batch/require-sync')).toEqual({ severity: 2, options: [] });
});

test('the written fix default is what --fix inserts in a file that shows no pre/post-batch task', () => {
  dir = makeFixture({ 'a/definition.yml': CIRRUS('a'), 'naked.asl.yaml': NAKED_SYNC_YAML });
  expect(runCliFresh(dir, ['init']).status).toBe(0);
  const fixed = runCliFresh(dir, ['--fix', 'naked.asl.yaml']);
  expect(fixed.status).toBe(0);
  const text = fs.readFileSync(path.join(dir, 'naked.asl.yaml'), 'utf8');
  expect(text).toContain('            Resource:\n              Fn::GetAtt: [pre-batch, Arn]\n');
  expect(text).toContain('            Resource:\n              Fn::GetAtt: [post-batch, Arn]\n');
});

test('a Terraform repository gets the ${tasks.…} form; no build folder, no ignores', () => {
  dir = makeFixture({ 'workflows/batch/state-machine.json.tmpl': TERRAFORM, 'workflows/ok.asl.yaml': COMPLIANT_YAML });
  expect(runCliFresh(dir, ['init']).status).toBe(0);
  expect(fs.readFileSync(path.join(dir, '.wflintrc.yaml'), 'utf8')).toBe(`# wf-lint configuration, written by \`wf-lint init\`.
# Found 2 state machines in 2 files: 1 plain ASL (JSON), 1 plain ASL (YAML).
# preBatchResource: what --fix inserts where a file shows no pre-batch task; used by 1 of the 2 pre-batch tasks found.
# postBatchResource: what --fix inserts where a file shows no post-batch task; used by 1 of the 2 post-batch tasks found.
extends: wf-lint:recommended
settings:
  batch:
    fix:
      preBatchResource: \${tasks.pre-batch.lambda.function_arn}
      postBatchResource: \${tasks.post-batch.lambda.function_arn}
`);
});

test('a repository without state machines gets the preset only', () => {
  dir = makeFixture({ 'config.yaml': 'a: 1\n' });
  const run = runCliFresh(dir, ['init']);
  expect([run.status, run.stdout]).toEqual([0, 'Wrote .wflintrc.yaml: no state machines.\n']);
  expect(fs.readFileSync(path.join(dir, '.wflintrc.yaml'), 'utf8')).toBe(
    '# wf-lint configuration, written by `wf-lint init`.\n# Found no state machines.\nextends: wf-lint:recommended\n',
  );
});

test.each([
  ['.wflintrc.json', '{}\n', '.wflintrc.json'],
  ['.wflintrc.yaml', 'rules: {}\n', '.wflintrc.yaml'],
  ['package.json', '{ "name": "x", "wflint": { "rules": {} } }\n', 'package.json#wflint'],
])('refuses to overwrite an existing configuration (%s)', (name, text, shown) => {
  dir = makeFixture({ [name]: text, 'a/definition.yml': CIRRUS('a') });
  const run = runCliFresh(dir, ['init']);
  expect([run.status, run.stdout, run.stderr]).toEqual([2, '', `wf-lint: A configuration already exists (${shown}); init does not overwrite it.\n`]);
  expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe(text);
  if (name !== '.wflintrc.yaml') expect(fs.existsSync(path.join(dir, '.wflintrc.yaml'))).toBe(false);
});

test('--help explains the command and writes nothing; other arguments are refused', () => {
  dir = makeFixture();
  const help = runCliFresh(dir, ['init', '--help']);
  expect([help.status, help.stdout]).toEqual([0, 'wf-lint init\n\nWrite a starter .wflintrc.yaml from what the repository holds; an existing configuration is never overwritten.\n']);
  const extra = runCliFresh(dir, ['init', 'workflows']);
  expect([extra.status, extra.stderr]).toEqual([2, 'wf-lint: init takes no arguments (got "workflows").\n']);
  expect(fs.existsSync(path.join(dir, '.wflintrc.yaml'))).toBe(false);
});
