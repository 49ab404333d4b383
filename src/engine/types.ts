/** The engine's public result shapes; `LintResult` is ESLint's JSON result shape (DESIGN §4). */

export type Severity = 1 | 2;

export interface LintMessage {
  ruleId: string | null;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  messageId?: string;
  fatal?: true;
  /** Present when the problem can be fixed by `--fix`. */
  fix?: { range: [number, number]; text: string };
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  suppressedMessages?: LintMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The fixed text, when a fix changed the file. */
  output?: string;
  /** The text that was linted (kept for formatters that print code frames; not serialised). */
  source?: string;
}

/** Counts the messages of a result, as ESLint does. */
export function summarise(filePath: string, messages: LintMessage[], extra: Partial<LintResult> = {}): LintResult {
  const { suppressedMessages = [], ...rest } = extra;
  // Key order is ESLint's, so the JSON output reads the same as `eslint -f json`.
  const result: LintResult = {
    filePath,
    messages,
    suppressedMessages,
    errorCount: 0,
    fatalErrorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    ...rest,
  };
  for (const m of messages) {
    if (m.severity === 2) {
      result.errorCount++;
      if (m.fatal) result.fatalErrorCount++;
      if (m.fix) result.fixableErrorCount++;
    } else {
      result.warningCount++;
      if (m.fix) result.fixableWarningCount++;
    }
  }
  return result;
}
