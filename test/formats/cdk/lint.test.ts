/**
 * The `batch/*` rules on CDK apps, through the real path (a `.ts` file → the TypeScript adapter →
 * the construct reader): each problem is reported at the construct id of the state it concerns
 * (line and column of the id's opening quote).
 */
import { fixture, lintCdk, located } from './cdk-harness';

/** The 1-based line and column of the first `needle` in `text`. */
function at(text: string, needle: string): string {
  const offset = text.indexOf(needle);
  expect(offset).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

test('the canonical batch group written with constructs draws no report, nor does a machine without Batch', () => {
  expect(lintCdk(fixture('compliant-group.ts'), 'compliant-group.ts')).toEqual([]);
  expect(lintCdk(fixture('other-states.ts'), 'other-states.ts')).toEqual([]);
});

test('a job chained between pre- and post-batch without a Parallel draws the group and catch reports at its id', () => {
  const text = fixture('flat-triad.ts');
  const messages = lintCdk(text, 'flat-triad.ts');
  expect(at(text, "'copy-assets-batch'")).toBe('15:48');
  expect(located(messages)).toEqual(['batch/require-catch-to-post-batch 15:48', 'batch/require-parallel-group 15:48']);
  expect(messages[1].message).toBe('Expected Batch task "copy-assets-batch" and its pre/post-batch tasks to be wrapped in a single-branch "Parallel" (a batch group).');
  expect(messages[0].message).toBe(
    'Missing a "Catch" of "States.ALL" with "ResultPath": "$.error" in Batch task "copy-assets-batch", going to post-batch task "copy-assets-post-batch".',
  );
});

test('a naked BatchSubmitJob draws every missing part of the contract', () => {
  const text = fixture('naked-job.ts');
  const where = at(text, "'thumbnails', {");
  expect(located(lintCdk(text, 'naked-job.ts'))).toEqual([
    `batch/require-catch-to-post-batch ${where}`,
    `batch/require-parallel-group ${where}`,
    `batch/require-post-batch ${where}`,
    `batch/require-pre-batch ${where}`,
  ]);
  const post = lintCdk(text, 'naked-job.ts', ['batch/require-post-batch']);
  expect(post[0].message).toBe('Expected the "Next" of Batch task "thumbnails" to be a post-batch task but got "done".');
});

test('REQUEST_RESPONSE on a BatchSubmitJob is a job without .sync', () => {
  const text = fixture('request-response.ts');
  const messages = lintCdk(text, 'request-response.ts');
  expect(located(messages)).toEqual([`batch/require-sync ${at(text, "'copy-assets-batch'")}`]);
  expect(messages[0].message).toMatch(/^Expected Batch task "copy-assets-batch" to use "batch:submitJob\.sync"\./);
});

test('attempts on a BatchSubmitJob is a Batch-native retry', () => {
  const text = fixture('native-retry.ts');
  const messages = lintCdk(text, 'native-retry.ts');
  expect(located(messages)).toEqual([`batch/no-native-retry ${at(text, "'copy-assets-batch'")}`]);
  expect(messages[0].message).toMatch(/^Unexpected "RetryStrategy" in the "Parameters" of Batch task "copy-assets-batch"\./);
});

test('a Parallel group without outputPath is reported at the Parallel id', () => {
  const text = fixture('parallel-without-output-path.ts');
  const messages = lintCdk(text, 'parallel-without-output-path.ts');
  expect(located(messages)).toEqual([`batch/require-output-path ${at(text, "'copy-assets-group'")}`]);
  expect(messages[0].message).toBe('Missing "OutputPath": "$[0]" on batch group "copy-assets-group". A "Parallel" outputs an array of branch results.');
});

test('named and renamed imports, `this.` functions and the `definition` prop are read', () => {
  const text = fixture('named-imports.ts');
  const where = at(text, '"ingest-batch"');
  expect(located(lintCdk(text, 'named-imports.ts'))).toEqual([`batch/require-catch-to-post-batch ${where}`, `batch/require-parallel-group ${where}`]);
});

test('a triad chained across statements is still read and reported', () => {
  const text = fixture('split-chain.ts');
  expect(located(lintCdk(text, 'split-chain.ts'))).toEqual([`batch/require-parallel-group ${at(text, "'mosaic-batch'")}`]);
});

test('a chain built in a loop is not read: no guess, no crash', () => {
  const messages = lintCdk(fixture('dynamic-loop.ts'), 'dynamic-loop.ts');
  // Named explicitly, the file is reported as holding no machine we could read.
  expect(messages.map((m) => [m.ruleId, m.message])).toEqual([[null, 'No state machine found in this file.']]);
});

test('a disable comment on the line before the construct suppresses its report', () => {
  const text = fixture('request-response.ts').replace(
    "    const job = new tasks.BatchSubmitJob(this, 'copy-assets-batch', {",
    "    // wf-lint-disable-next-line batch/require-sync -- the job's result is not needed\n    const job = new tasks.BatchSubmitJob(this, 'copy-assets-batch', {",
  );
  expect(text).not.toBe(fixture('request-response.ts'));
  expect(lintCdk(text, 'request-response.ts')).toEqual([]);
});
