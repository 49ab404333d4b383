/**
 * GitHub Actions workflow commands, one annotation per message:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule id>::message` (`::warning` for
 * warnings). Escaping follows the Actions toolkit (`@actions/core` command.ts): in the message
 * `%`, `\r`, `\n` become `%25`, `%0D`, `%0A`; in property values also `:` and `,` become `%3A`, `%2C`.
 */
import type { LintResult } from '../engine/types';
import { effectiveRuleId, relativePosix, type FormatterContext } from './context';

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(results: readonly LintResult[], context: FormatterContext): string {
  const out: string[] = [];
  for (const result of results) {
    const file = relativePosix(result.filePath, context.cwd) ?? result.filePath;
    for (const m of result.messages) {
      const properties: [string, string | number][] = [
        ['file', file],
        ['line', m.line],
        ['col', m.column],
      ];
      if (m.endLine !== undefined) properties.push(['endLine', m.endLine]);
      if (m.endColumn !== undefined) properties.push(['endColumn', m.endColumn]);
      properties.push(['title', effectiveRuleId(m)]);
      const command = m.severity === 2 ? 'error' : 'warning';
      out.push(`::${command} ${properties.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(m.message)}`);
    }
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
