/**
 * Small variations of the CDK fixtures, each one problem away from the compliant group, shared
 * by the fix tests (expected output) and the type-check test (the fixed code compiles).
 */
import { fixture } from './cdk-harness';

/** `text` with `from`, which must occur exactly once, replaced by `to`. */
export function replaceOnce(text: string, from: string, to: string): string {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`Expected exactly one "${from}" in the text, found ${parts.length - 1}.`);
  return parts.join(to);
}

const CATCH_ALL = "job.addCatch(post, { errors: [sfn.Errors.ALL], resultPath: '$.error' });";
const GROUP_RETRY = "\n      .addRetry({ errors: [sfn.Errors.ALL], interval: Duration.seconds(3), maxAttempts: 2 })";

/** Each variant's text, built from `compliant-group.ts` on first use. */
export const VARIANTS: Readonly<Record<string, () => string>> = {
  'no-group-retry': () => replaceOnce(fixture('compliant-group.ts'), GROUP_RETRY, ''),
  'parallel-without-props': () => replaceOnce(fixture('compliant-group.ts'), "'copy-assets-group', { outputPath: '$[0]' })", "'copy-assets-group')"),
  'wrong-output-path': () => replaceOnce(fixture('compliant-group.ts'), "{ outputPath: '$[0]' }", "{ outputPath: '$' }"),
  'payload-not-unwrapped': () => replaceOnce(fixture('compliant-group.ts'), '{ lambdaFunction: preBatchFn, payloadResponseOnly: true }', '{ lambdaFunction: preBatchFn }'),
  'catch-wrong-result-path': () => replaceOnce(fixture('compliant-group.ts'), CATCH_ALL, "job.addCatch(post, { errors: [sfn.Errors.ALL], resultPath: '$.failure' });"),
  'catch-without-props': () => replaceOnce(fixture('compliant-group.ts'), CATCH_ALL, 'job.addCatch(post);'),
  'catch-wrong-target': () => replaceOnce(fixture('compliant-group.ts'), 'job.addCatch(post, {', 'job.addCatch(pre, {'),
  'catch-missing': () => replaceOnce(fixture('compliant-group.ts'), `    ${CATCH_ALL}\n`, ''),
  'triad-job-catches-to-failure': () => replaceOnce(fixture('flat-triad.ts'), '    const check = ', "    job.addCatch(failure, { resultPath: '$.error' });\n    const check = "),
  'triad-fail-inline': () =>
    replaceOnce(
      replaceOnce(fixture('flat-triad.ts'), "    const failure = new sfn.Fail(this, 'failure', { error: 'CopyAssetsFailed' });\n", ''),
      '.otherwise(failure)',
      ".otherwise(new sfn.Fail(this, 'failure', { error: 'CopyAssetsFailed' }))",
    ),
};

/** The text of variant `name`. */
export function variant(name: keyof typeof VARIANTS): string {
  return VARIANTS[name]();
}
