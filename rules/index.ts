/**
 * The rule registry: id → module. The id is the module's path under `rules/` (checked by
 * test/meta.test.ts), so it is never typed twice.
 */
import type { RuleModule } from '../src/engine/define-rule';
import aslNoPathInPlainField from './asl/no-path-in-plain-field';
import aslValidChoiceRules from './asl/valid-choice-rules';
import aslValidJsonata from './asl/valid-jsonata';
import aslValidPaths from './asl/valid-paths';
import aslNoDeadStates from './asl/no-dead-states';
import aslNoInfiniteLoop from './asl/no-infinite-loop';
import aslNoUnreachableStates from './asl/no-unreachable-states';
import aslRequireNextOrEnd from './asl/require-next-or-end';
import aslRequireTerminalState from './asl/require-terminal-state';
import aslUniqueStateNames from './asl/unique-state-names';
import aslValidStateNames from './asl/valid-state-names';
import aslValidTransitionTarget from './asl/valid-transition-target';
import aslValidMachineFields from './asl/valid-machine-fields';
import aslValidStateFields from './asl/valid-state-fields';
import aslValidQueryLanguage from './asl/valid-query-language';
import aslValidRetryCatch from './asl/valid-retry-catch';
import aslValidWait from './asl/valid-wait';
import aslValidFail from './asl/valid-fail';
import aslValidResource from './asl/valid-resource';
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
  'asl/valid-paths': aslValidPaths,
  'asl/valid-jsonata': aslValidJsonata,
  'asl/no-path-in-plain-field': aslNoPathInPlainField,
  'asl/valid-choice-rules': aslValidChoiceRules,
  'asl/valid-transition-target': aslValidTransitionTarget,
  'asl/no-unreachable-states': aslNoUnreachableStates,
  'asl/no-dead-states': aslNoDeadStates,
  'asl/require-next-or-end': aslRequireNextOrEnd,
  'asl/require-terminal-state': aslRequireTerminalState,
  'asl/no-infinite-loop': aslNoInfiniteLoop,
  'asl/unique-state-names': aslUniqueStateNames,
  'asl/valid-state-names': aslValidStateNames,
  'asl/valid-machine-fields': aslValidMachineFields,
  'asl/valid-state-fields': aslValidStateFields,
  'asl/valid-query-language': aslValidQueryLanguage,
  'asl/valid-retry-catch': aslValidRetryCatch,
  'asl/valid-wait': aslValidWait,
  'asl/valid-fail': aslValidFail,
  'asl/valid-resource': aslValidResource,
};

/** Where a rule's documentation lives, relative to the package root; derived from its id. */
export function ruleDocsPath(id: string): string {
  return `docs/rules/${id}.md`;
}
