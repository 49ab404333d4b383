/** What every formatter receives besides the results (formatters are pure: no I/O, no clock). */
import path from 'node:path';
import type { RuleModule } from '../engine/define-rule';
import type { LintMessage } from '../engine/types';

export interface FormatterContext {
  /** Paths are printed relative to this folder. */
  readonly cwd: string;
  /** Colour for terminal formats. */
  readonly color: boolean;
  /** The rule registry (id → module), for formats that describe rules (SARIF). */
  readonly rules: Readonly<Record<string, RuleModule>>;
  /** The tool's name and version (from package.json), and an absolute information URI if the package has one. */
  readonly tool: { readonly name: string; readonly version: string; readonly informationUri?: string };
}

export type Formatter = (results: readonly import('../engine/types').LintResult[], context: FormatterContext) => string;

/** A formatter whose report is made in pieces (their concatenation), to be written as they come. */
export type ChunkedFormatter = (results: readonly import('../engine/types').LintResult[], context: FormatterContext) => Iterable<string>;

/** The id reported for a fatal message (the file could not be parsed or read). */
export const PARSE_ERROR_ID = 'wf-lint/parse-error';
/** The id reported for any other message without a rule (no state machine found, a fix that could not be written). */
export const FILE_PROBLEM_ID = 'wf-lint/file-problem';

/** A message's rule id, with the pseudo-rule ids above for messages that have none. */
export function effectiveRuleId(m: LintMessage): string {
  if (m.ruleId) return m.ruleId;
  return m.fatal ? PARSE_ERROR_ID : FILE_PROBLEM_ID;
}

/** `filePath` relative to `cwd` with `/` separators, or undefined when it lies outside `cwd` (or is not absolute). */
export function relativePosix(filePath: string, cwd: string): string | undefined {
  if (!path.isAbsolute(filePath)) return filePath.split(path.sep).join('/');
  const relative = path.relative(cwd, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}
