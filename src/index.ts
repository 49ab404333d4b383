/** The package's public API. */
export { WfLint, type WfLintOptions } from './api/wf-lint';
export type { LintMessage, LintResult } from './engine/types';
export type { RuleModule, RuleContext, RuleMeta, Visitors } from './engine/define-rule';
export { defineRule } from './engine/define-rule';
export { rules } from '../rules';
