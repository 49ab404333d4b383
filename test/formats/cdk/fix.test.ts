/**
 * `--fix` on CDK apps: each fix is an edit of the construct code (a prop set, added or removed,
 * an `addRetry`, the Parallel group around a flat triad) and the fixed app lints clean for the
 * rule. Shapes the rewrite does not cover keep their report, without a fix.
 */
import { fixCdk, fixture, lintCdk } from './cdk-harness';
import { replaceOnce, variant } from './variants';

test('a flat triad is wrapped in a Parallel group with outputPath, addRetry and addCatch to the Fail state', () => {
  const text = fixture('flat-triad.ts');
  const run = fixCdk(text, 'flat-triad.ts');
  expect(run.warnings).toEqual([]);
  expect(run.messages).toEqual([]);
  expect(run.output).toBe(
    replaceOnce(
      text,
      "new sfn.Pass(this, 'prepare').next(pre).next(job).next(post).next(check),",
      [
        "new sfn.Pass(this, 'prepare').next(new sfn.Parallel(this, 'copy-assets-group', { outputPath: '$[0]' })",
        "          .branch(pre.next(job.addCatch(post, { errors: ['States.ALL'], resultPath: '$.error' })).next(post))",
        "          .addRetry({ errors: ['States.ALL'], interval: Duration.seconds(3), maxAttempts: 2 })",
        "          .addCatch(failure, { errors: ['States.ALL'], resultPath: '$.error' })).next(check),",
      ].join('\n'),
    ),
  );
});

test('the group rewrite keeps a Chain.start head, spells named imports and adds the ones it needs', () => {
  const text = fixture('named-imports.ts');
  const run = fixCdk(text, 'named-imports.ts');
  expect(run.messages).toEqual([]);
  let expected = replaceOnce(text, "import { Stack, type StackProps } from 'aws-cdk-lib/core';", "import { Stack, type StackProps, Duration } from 'aws-cdk-lib/core';");
  expected = replaceOnce(expected, 'StateMachine, Succeed, TaskInput }', 'StateMachine, Succeed, TaskInput, Parallel }');
  expected = replaceOnce(
    expected,
    'definition: Chain.start(pre).next(job).next(post).next(',
    [
      'definition: Chain.start(new Parallel(this, "ingest-group", { outputPath: "$[0]" })',
      '        .branch(pre.next(job.addCatch(post, { errors: ["States.ALL"], resultPath: "$.error" })).next(post))',
      '        .addRetry({ errors: ["States.ALL"], interval: Duration.seconds(3), maxAttempts: 2 })).next(',
    ].join('\n'),
  );
  expect(run.output).toBe(expected);
});

test('REQUEST_RESPONSE becomes RUN_JOB', () => {
  const text = fixture('request-response.ts');
  const run = fixCdk(text, 'request-response.ts');
  expect(run.messages).toEqual([]);
  expect(run.output).toBe(replaceOnce(text, 'sfn.IntegrationPattern.REQUEST_RESPONSE', 'sfn.IntegrationPattern.RUN_JOB'));
});

test('attempts moves to the group: the prop goes, the group retrier takes attempts - 1', () => {
  const text = fixture('native-retry.ts');
  const run = fixCdk(text, 'native-retry.ts');
  expect(run.messages).toEqual([]);
  const expected = replaceOnce(replaceOnce(text, '      attempts: 3,\n', ''), 'maxAttempts: 1 })', 'maxAttempts: 2 })');
  expect(run.output).toBe(expected);
});

test('a group without a States.ALL retrier gets an addRetry after its construction', () => {
  const text = variant('no-group-retry');
  const run = fixCdk(text, 'group-retry.ts', ['batch/require-group-retry']);
  expect(run.messages).toEqual([]);
  expect(run.output).toBe(
    replaceOnce(
      text,
      "{ outputPath: '$[0]' })",
      "{ outputPath: '$[0]' }).addRetry({ errors: ['States.ALL'], interval: Duration.seconds(3), maxAttempts: 2 })",
    ),
  );
});

test('outputPath is added to the Parallel props, on its own line like the others', () => {
  const text = fixture('parallel-without-output-path.ts');
  const run = fixCdk(text, 'parallel-without-output-path.ts');
  expect(run.messages).toEqual([]);
  expect(run.output).toBe(replaceOnce(text, "comment: 'Copies the assets with AWS Batch',", "comment: 'Copies the assets with AWS Batch',\n      outputPath: '$[0]',"));
});

test('a Parallel without props gets a props argument; a wrong outputPath is replaced', () => {
  const base = fixture('compliant-group.ts');
  expect(fixCdk(variant('parallel-without-props'), 'bare.ts').output).toBe(base);
  expect(fixCdk(variant('wrong-output-path'), 'wrong.ts').output).toBe(base);
});

test('a pre-batch LambdaInvoke that does not unwrap Payload gets outputPath $.Payload', () => {
  const text = variant('payload-not-unwrapped');
  const messages = lintCdk(text, 'unwrap.ts');
  expect(messages.map((m) => m.ruleId)).toEqual(['batch/unwrap-lambda-payload']);
  const run = fixCdk(text, 'unwrap.ts');
  expect(run.messages).toEqual([]);
  expect(run.output).toBe(replaceOnce(text, '{ lambdaFunction: preBatchFn }', "{ lambdaFunction: preBatchFn, outputPath: '$.Payload' }"));
});

test('shapes the rewrite does not cover are reported without a fix', () => {
  // Split across statements; no pre/post-batch to move; a job catcher the group would take over;
  // a Fail state the group catcher could not name.
  const cases: [string, string][] = [
    ['split-chain.ts', fixture('split-chain.ts')],
    ['naked-job.ts', fixture('naked-job.ts')],
    ['catches-to-failure.ts', variant('triad-job-catches-to-failure')],
    ['fail-inline.ts', variant('triad-fail-inline')],
  ];
  for (const [name, text] of cases) {
    const messages = lintCdk(text, name);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.filter((m) => m.fix !== undefined)).toEqual([]);
    expect(fixCdk(text, name).output).toBe(text);
  }
});

test("the job's catcher is corrected in its addCatch call: resultPath set or added", () => {
  const base = fixture('compliant-group.ts');
  expect(fixCdk(variant('catch-wrong-result-path'), 'wrong-path.ts').output).toBe(base);
  const noPath = variant('catch-without-props');
  expect(lintCdk(noPath, 'no-path.ts').map((m) => m.ruleId)).toEqual(['batch/require-catch-to-post-batch']);
  expect(fixCdk(noPath, 'no-path.ts').output).toBe(replaceOnce(noPath, 'job.addCatch(post);', "job.addCatch(post, { resultPath: '$.error' });"));
});

test('a catcher to the wrong state is pointed at post-batch through its variable', () => {
  expect(fixCdk(variant('catch-wrong-target'), 'wrong-target.ts').output).toBe(fixture('compliant-group.ts'));
});

test('a missing catcher that would refer to post-batch before its declaration is reported without a fix', () => {
  const messages = lintCdk(variant('catch-missing'), 'missing-catch.ts');
  expect(messages.map((m) => [m.ruleId, m.fix])).toEqual([['batch/require-catch-to-post-batch', undefined]]);
});
