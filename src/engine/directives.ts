/**
 * Inline suppressions (DESIGN §4): `# wf-lint-disable-next-line ids`, `# wf-lint-disable-line`,
 * `# wf-lint-disable` / `# wf-lint-enable` blocks in YAML, and `wf-lint-disable ids` inside a
 * state's (or the machine's) `Comment`, which covers that state in any format.
 */
import { stringValue, type Range } from '../model/ast';
import type { StateMachine } from '../model/types';
import type { DirectiveComment } from '../formats/parse-result';
import { parseRuleList } from '../formats/yaml/directives';
import type { LintMessage } from './types';

/** A `Comment`-based suppression: every message inside `range` for the named rules (all when empty). */
export interface RangeSuppression {
  readonly range: Range;
  readonly ruleIds: readonly string[];
}

const COMMENT_DIRECTIVE = /wf-lint-disable(?![-\w])([^\n]*)/;

/** Suppressions written in the `Comment` of states and machines. */
export function commentSuppressions(machines: readonly StateMachine[]): RangeSuppression[] {
  const out: RangeSuppression[] = [];
  for (const machine of machines) {
    const top = stringValue(machine.root.node.properties.find((p) => p.key.value === 'Comment')?.value);
    const topMatch = top === undefined ? null : COMMENT_DIRECTIVE.exec(top);
    if (topMatch) out.push({ range: machine.root.node.range, ruleIds: parseRuleList(topMatch[1]) });
    for (const state of machine.states()) {
      const comment = stringValue(state.field('Comment'));
      const match = comment === undefined ? null : COMMENT_DIRECTIVE.exec(comment);
      if (match) out.push({ range: state.property.range, ruleIds: parseRuleList(match[1]) });
    }
  }
  return out;
}

interface Located {
  readonly message: LintMessage;
  readonly offset: number;
}

/** Splits messages into those kept and those suppressed by directives. */
export function applySuppressions(
  messages: readonly Located[],
  comments: readonly DirectiveComment[],
  ranges: readonly RangeSuppression[],
): { kept: LintMessage[]; suppressed: LintMessage[] } {
  const kept: LintMessage[] = [];
  const suppressed: LintMessage[] = [];
  for (const { message, offset } of messages) {
    const covered =
      message.ruleId !== null &&
      (byComments(message.ruleId, message.line, comments) ||
        ranges.some((r) => offset >= r.range[0] && offset < r.range[1] && names(r.ruleIds, message.ruleId as string)));
    (covered ? suppressed : kept).push(message);
  }
  return { kept, suppressed };
}

function byComments(ruleId: string, line: number, comments: readonly DirectiveComment[]): boolean {
  let disabled = false;
  for (const c of comments) {
    if (!names(c.ruleIds, ruleId)) continue;
    if (c.kind === 'disable-line' && c.line === line) return true;
    if (c.kind === 'disable-next-line' && c.line === line - 1) return true;
    if (c.line > line) continue;
    if (c.kind === 'disable') disabled = true;
    else if (c.kind === 'enable') disabled = false;
  }
  return disabled;
}

function names(ruleIds: readonly string[], ruleId: string): boolean {
  return ruleIds.length === 0 || ruleIds.includes(ruleId);
}
