/**
 * JUnit XML: one `<testsuite>` per file, one `<testcase>` per message. A rule's message is a
 * `<failure type="<rule id>">` (warnings too, as in ESLint's junit format); a fatal message (the file
 * could not be parsed or read) is an `<error type="wf-lint/parse-error">`. A file without messages
 * gets one passing testcase named after the file, so it is counted as passed.
 */
import type { LintMessage, LintResult } from '../engine/types';
import { effectiveRuleId, relativePosix, type FormatterContext } from './context';

/** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

const attrs = (pairs: [string, string | number][]): string => pairs.map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`).join('');

export function formatJunit(results: readonly LintResult[], context: FormatterContext): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<testsuites>'];
  for (const result of results) {
    const file = relativePosix(result.filePath, context.cwd) ?? result.filePath;
    const errors = result.messages.filter((m) => m.fatal).length;
    const failures = result.messages.length - errors;
    const tests = Math.max(1, result.messages.length);
    out.push(`  <testsuite${attrs([['name', file], ['tests', tests], ['failures', failures], ['errors', errors], ['skipped', 0], ['time', 0]])}>`);
    if (result.messages.length === 0) out.push(`    <testcase${attrs([['name', file], ['classname', file], ['time', 0]])} />`);
    for (const m of result.messages) out.push(...testcase(file, m));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function testcase(file: string, m: LintMessage): string[] {
  const ruleId = effectiveRuleId(m);
  const where = `${file}:${m.line}:${m.column}`;
  const severity = m.severity === 2 ? 'error' : 'warning';
  const element = m.fatal ? 'error' : 'failure';
  return [
    `    <testcase${attrs([['name', `${where} ${ruleId}`], ['classname', file], ['time', 0]])}>`,
    `      <${element}${attrs([['type', ruleId], ['message', m.message]])}>${escapeXml(`${where}: ${severity} ${m.message} [${ruleId}]`)}</${element}>`,
    '    </testcase>',
  ];
}
