/**
 * ESLint's fix loop: lint, apply the fixes that do not overlap, re-parse, lint again — up to
 * ten passes, since one fix can enable another. A pass whose output would not parse is never
 * kept (its fixes are retried one by one and the breaking ones dropped with a warning), a
 * circular fix (the output of two passes ago comes back) stops the loop with a warning, and the
 * returned messages always describe the final text.
 */
import { parseSource, type SourceFile } from '../sources/parse-source';
import { applyFixes } from './apply-edits';
import type { LintMessage, LintResult } from './types';

export const MAX_FIX_PASSES = 10;

export interface FixOptions {
  /** Which messages' fixes to apply (ESLint's `fix` predicate); every fix by default. */
  readonly shouldFix?: (message: LintMessage) => boolean;
  /** Told about circular fixes and fixes dropped because the fixed text would not parse. */
  readonly onWarning?: (warning: string) => void;
}

/**
 * Lints `text` (the content of `filePath`) with `lint` and fixes it; the result describes the
 * fixed text and carries it in `output` when it differs. A file that does not parse is
 * linted, never fixed.
 */
export function lintAndFix(
  text: string,
  filePath: string,
  lint: (source: SourceFile) => LintResult | undefined,
  options: FixOptions = {},
): LintResult | undefined {
  const shouldFix = options.shouldFix ?? (() => true);
  const warn = options.onWarning ?? (() => undefined);
  let source = parseSource(text, filePath);
  let result = lint(source);
  if (!result || source.errors.length > 0) return result;
  const history = [text];
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const candidates = result.messages.filter((m) => m.fix !== undefined && shouldFix(m));
    const next = candidates.length > 0 ? applyParsable(source, candidates, warn) : undefined;
    if (!next) break;
    const relinted = lint(next);
    if (!relinted) break;
    source = next;
    result = relinted;
    if (history.length >= 2 && next.text === history[history.length - 2]) {
      warn(`Circular fixes detected while fixing ${filePath}. It is likely that you have conflicting rules in your configuration.`);
      break;
    }
    history.push(next.text);
  }
  if (source.text !== text) result.output = source.text;
  return result;
}

/** The file after this pass's fixes, keeping only fixes whose output still parses. */
function applyParsable(source: SourceFile, candidates: readonly LintMessage[], warn: (warning: string) => void): SourceFile | undefined {
  const { output, applied } = applyFixes(source.text, candidates);
  if (applied.length === 0) return undefined;
  const whole = parseSource(output, source.filePath);
  if (parsesLike(whole, source)) return whole;
  // Some fix breaks the file: keep the others, one at a time.
  const kept: LintMessage[] = [];
  let best: SourceFile | undefined;
  for (const message of applied) {
    const attempt = parseSource(applyFixes(source.text, [...kept, message]).output, source.filePath);
    if (parsesLike(attempt, source)) {
      kept.push(message);
      best = attempt;
    } else {
      warn(`Skipped the fix of ${message.ruleId ?? 'a rule'} at ${source.filePath}:${message.line}:${message.column}: the fixed text would not parse or would repeat a state name.`);
    }
  }
  return best;
}

/**
 * The fixed file parses, still holds every machine, and has no state name twice that was once:
 * a duplicate key parses (the last one wins) but silently drops a state.
 */
function parsesLike(fixed: SourceFile, original: SourceFile): boolean {
  return fixed.errors.length === 0 && fixed.machines.length >= original.machines.length && duplicateNames(fixed) <= duplicateNames(original);
}

function duplicateNames(source: SourceFile): number {
  let duplicates = 0;
  for (const machine of source.machines) {
    const seen = new Set<string>();
    for (const state of machine.states()) {
      if (seen.has(state.name)) duplicates++;
      seen.add(state.name);
    }
  }
  return duplicates;
}
