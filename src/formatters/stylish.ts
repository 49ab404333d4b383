/**
 * Human output, in actionlint's manner: `file:line:col: severity message [rule-id]`, then the
 * offending line with a `^~~~` marker under the reported span, then an ESLint-style summary.
 */
import path from 'node:path';
import { LineIndex } from '../model/positions';
import type { LintMessage, LintResult } from '../engine/types';

export interface StylishOptions {
  readonly color: boolean;
  /** Paths are printed relative to this folder. */
  readonly cwd: string;
}

const paint = (on: boolean, code: number) => (text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/**
 * Renders results for a terminal, in pieces: one per file with problems, then the summary; the
 * report is their concatenation. The CLI writes each piece as it is made: at 10,000
 * definitions the whole report is a 6-million-character string (two bytes a character, because
 * of the summary's ✖) plus the lines it is joined from, ~50 MB of peak RSS (issue 8).
 */
export function* stylishChunks(results: readonly LintResult[], options: StylishOptions): Generator<string> {
  const red = paint(options.color, 31);
  const yellow = paint(options.color, 33);
  const dim = paint(options.color, 2);
  const bold = paint(options.color, 1);
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  // The counts come first: a run whose counts are all zero prints nothing, not even its files.
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
  }
  const total = errors + warnings;
  if (total === 0) return;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    const file = displayPath(result.filePath, options.cwd);
    const lines = result.source === undefined ? undefined : new LineIndex(result.source);
    const out: string[] = [];
    for (const m of result.messages) {
      const severity = m.severity === 2 ? red('error') : yellow('warning');
      const rule = m.ruleId ? dim(` [${m.ruleId}]`) : '';
      out.push(`${bold(`${file}:${m.line}:${m.column}:`)} ${severity} ${m.message}${rule}`);
      if (lines) out.push(...codeFrame(lines, m, dim));
    }
    yield `${out.join('\n')}\n`;
  }
  const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  const out = ['', (errors > 0 ? red : yellow)(bold(summary))];
  if (fixableErrors + fixableWarnings > 0) {
    out.push(
      (errors > 0 ? red : yellow)(
        `  ${fixableErrors} error${fixableErrors === 1 ? '' : 's'} and ${fixableWarnings} warning${fixableWarnings === 1 ? '' : 's'} potentially fixable with the \`--fix\` option.`,
      ),
    );
  }
  yield `${out.join('\n')}\n`;
}

function codeFrame(lines: LineIndex, m: LintMessage, dim: (text: string) => string): string[] {
  const text = lines.lineText(m.line);
  if (text.length > 300) return [];
  const gutter = String(m.line).padStart(5);
  const width = m.endLine === m.line && m.endColumn !== undefined ? Math.max(1, m.endColumn - m.column) : Math.max(1, text.length - m.column + 1);
  const pad = text.slice(0, m.column - 1).replace(/[^\t]/g, ' ');
  return [`${dim(`${gutter} |`)} ${text}`, `${dim(`${' '.repeat(5)} |`)} ${pad}^${'~'.repeat(Math.max(0, width - 1))}`];
}

/** Paths relative to the working folder (as actionlint prints them); absolute when that is shorter. */
function displayPath(filePath: string, cwd: string): string {
  if (!path.isAbsolute(filePath)) return filePath;
  const relative = path.relative(cwd, filePath);
  return relative.length < filePath.length ? relative : filePath;
}
