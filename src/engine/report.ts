/** Turns a rule's report into a located message (placeholders filled, positions computed). */
import type { LineIndex } from '../model/positions';
import type { ReportDescriptor, RuleModule } from './define-rule';
import type { LintMessage, Severity } from './types';

/** Fills `{{name}}` placeholders; an unknown placeholder is a bug in the rule, so it throws. */
export function interpolate(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    if (!data || !(name in data)) throw new Error(`Missing data for placeholder "${name}" in message "${template}".`);
    return String(data[name]);
  });
}

/** A located message for `descriptor`, reported by rule `ruleId`. */
export function toMessage(
  ruleId: string,
  rule: RuleModule,
  severity: Severity,
  descriptor: ReportDescriptor<string>,
  lines: LineIndex,
): { message: LintMessage; offset: number } {
  const template = rule.meta.messages[descriptor.messageId];
  if (template === undefined) throw new Error(`Rule "${ruleId}" reported unknown messageId "${descriptor.messageId}".`);
  const [start, end] = descriptor.node.range;
  const from = lines.locate(start);
  const to = lines.locate(end);
  return {
    offset: start,
    message: {
      ruleId,
      severity,
      message: interpolate(template, descriptor.data),
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      messageId: descriptor.messageId,
    },
  };
}

/**
 * A copy of `text` that shares no memory with the file's text. A fix's text is built from
 * slices of the file, and V8 keeps the whole file alive for as long as one slice lives: copied,
 * a result holds its few bytes, not the file it came from (issue 8, peak RSS at scale).
 */
export function detached(text: string): string {
  // Concatenating then slicing makes V8 flatten the pair into a new string and slice that.
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** Sorts messages by position, then rule id, as ESLint does. */
export function compareMessages(a: LintMessage, b: LintMessage): number {
  return a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId));
}
