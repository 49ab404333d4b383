/** The package's public API (docs/api.md). */
export { WfLint, type WfLintOptions, type LoadedFormatter } from './api/wf-lint';
export type { LintMessage, LintResult } from './engine/types';
export type { ResolvedConfig, RuleEntry, RuleSetting } from './config/types';
export type { RuleModule, RuleContext, RuleMeta, Visitors } from './engine/define-rule';
export { defineRule } from './engine/define-rule';
export { rules } from '../rules';
