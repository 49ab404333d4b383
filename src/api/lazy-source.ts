/**
 * A linted file's text, read again from disk when a formatter asks for it (`result.source`,
 * for code frames) instead of being held by every result: a run over 10,000 definitions keeps
 * tens of megabytes less alive (issue 8, peak RSS under 200 MB).
 */
import fs from 'node:fs';
import type { LintMessage, LintResult } from '../engine/types';

/** What the file looked like when it was linted: a re-read that differs is not that text. */
export interface LintedFile {
  readonly filePath: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface Linted extends LintedFile {
  readonly length: number;
}

/**
 * `result` with its `source` text replaced by a getter that re-reads `file` on each access.
 * The getter gives undefined (so no code frame, never a wrong one) when the file changed since
 * it was linted or cannot be read. A result carrying a fix's `output` describes that text,
 * not the file's, and is returned as it is. Assigning `source` stores the value as usual.
 * The property stays enumerable, like the plain one it stands for: object spreads still carry
 * the text. Worker threads send results through `toTransfer`/`fromTransfer`, without it.
 */
export function sourceFromDisk(result: LintResult | undefined, file: LintedFile): LintResult | undefined {
  if (!result || result.output !== undefined || typeof result.source !== 'string') return result;
  detachFixTexts(result.messages);
  if (result.suppressedMessages) detachFixTexts(result.suppressedMessages);
  const { source, ...rest } = result;
  return withLazySource(rest, { filePath: file.filePath, size: file.size, mtimeMs: file.mtimeMs, length: source.length });
}

/**
 * A fix's text is often cut from the file's text, and V8 keeps the whole file alive behind such
 * a slice: at 10,000 definitions the fixes held 8 MB of file texts that `source` no longer did,
 * and V8 lets the heap grow to a multiple of what is alive (heap snapshot after lintFiles, issue 8).
 * The copy goes through JSON, which keeps every UTF-16 code unit, lone surrogates included.
 */
function detachFixTexts(messages: readonly LintMessage[]): void {
  for (const m of messages) if (m.fix) m.fix.text = JSON.parse(JSON.stringify(m.fix.text)) as string;
}

/** A result on its way to another thread: without its text, with what lets that thread re-read it. */
export interface TransferredResult {
  readonly result: LintResult;
  readonly linted?: Linted;
}

const lintedFiles = new WeakMap<LintResult, Linted>();

/**
 * `result` made ready for `postMessage`: a lazy `source` is left behind (structured clone would
 * read the file and copy its text) and restored by `fromTransfer` on the other side.
 */
export function toTransfer(result: LintResult): TransferredResult {
  const linted = lintedFiles.get(result);
  if (!linted) return { result };
  const { source: _text, ...rest } = Object.getOwnPropertyDescriptors(result);
  return { result: Object.defineProperties({}, rest) as LintResult, linted };
}

/** The result `toTransfer` prepared, with its lazy `source` again. */
export function fromTransfer(transferred: TransferredResult): LintResult {
  return transferred.linted ? withLazySource(transferred.result, transferred.linted) : transferred.result;
}

function withLazySource(rest: Omit<LintResult, 'source'>, linted: Linted): LintResult {
  // An object literal (not defineProperty on the result) keeps V8's fast property layout.
  const lazy: LintResult = {
    ...rest,
    get source(): string | undefined {
      return reread(linted);
    },
    set source(value: string | undefined) {
      Object.defineProperty(this, 'source', { value, enumerable: true, configurable: true, writable: true });
    },
  };
  lintedFiles.set(lazy, linted);
  return lazy;
}

function reread(file: Linted): string | undefined {
  try {
    const stat = fs.statSync(file.filePath);
    if (stat.size !== file.size || stat.mtimeMs !== file.mtimeMs) return undefined;
    const text = fs.readFileSync(file.filePath, 'utf8');
    return text.length === file.length ? text : undefined;
  } catch {
    return undefined;
  }
}
