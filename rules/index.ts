/**
 * The rule registry: id → module. The id is the module's path under `rules/` (checked by
 * test/meta.test.ts), so it is never typed twice.
 */
import type { RuleModule } from '../src/engine/define-rule';
import noNativeRetry from './batch/no-native-retry';
import noResultOverride from './batch/no-result-override';
import requireCatchToPostBatch from './batch/require-catch-to-post-batch';
import requireGroupRetry from './batch/require-group-retry';
import requireOutputPath from './batch/require-output-path';
import requireParallelGroup from './batch/require-parallel-group';
import requirePayloadUrls from './batch/require-payload-urls';
import requirePostBatch from './batch/require-post-batch';
import requirePreBatch from './batch/require-pre-batch';
import requireSync from './batch/require-sync';
import unwrapLambdaPayload from './batch/unwrap-lambda-payload';

export const rules: Readonly<Record<string, RuleModule>> = {
  'batch/require-pre-batch': requirePreBatch,
  'batch/require-post-batch': requirePostBatch,
  'batch/require-parallel-group': requireParallelGroup,
  'batch/require-output-path': requireOutputPath,
  'batch/no-native-retry': noNativeRetry,
  'batch/require-catch-to-post-batch': requireCatchToPostBatch,
  'batch/require-sync': requireSync,
  'batch/require-payload-urls': requirePayloadUrls,
  'batch/no-result-override': noResultOverride,
  'batch/unwrap-lambda-payload': unwrapLambdaPayload,
  'batch/require-group-retry': requireGroupRetry,
};

/** Where a rule's documentation lives, relative to the package root; derived from its id. */
export function ruleDocsPath(id: string): string {
  return `docs/rules/${id}.md`;
}
