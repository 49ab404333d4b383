/**
 * The layout of a YAML file that fixes are written in (indent step, sequence indentation, flow
 * padding, line breaks), measured from the file's own text, each fact on first use.
 */
import { lineBreakOf } from '../line-geometry';

export interface YamlLayout {
  /** Spaces per nesting level. */
  readonly indent: number;
  /** `key:\n  - item` (true) or `key:\n- item` (false). */
  readonly indentSeq: boolean;
  /** `[ a, b ]` (true) or `[a, b]` (false). */
  readonly seqPadding: boolean;
  /** `{ a: 1 }` (true) or `{a: 1}` (false). */
  readonly mapPadding: boolean;
  readonly eol: string;
}

let memo: { text: string; layout: YamlLayout } | undefined;

/**
 * The layout most used in `text` (remembered for the last text: one file's fixes are rendered in a
 * row). Each fact is measured on first use: most fixes (a plain scalar, a key) need none, and a
 * scan of the whole file per fixed file was a tenth of a lint's CPU.
 */
export function detectYamlLayout(text: string): YamlLayout {
  if (memo?.text !== text) memo = { text, layout: new MeasuredLayout(text) };
  return memo.layout;
}

class MeasuredLayout implements YamlLayout {
  private blocks: { indent: number; indentSeq: boolean } | undefined;
  private seqPaddingMemo: boolean | undefined;
  private mapPaddingMemo: boolean | undefined;
  private eolMemo: string | undefined;

  constructor(private readonly text: string) {}

  get indent(): number {
    return (this.blocks ??= measureBlocks(this.text)).indent;
  }

  get indentSeq(): boolean {
    return (this.blocks ??= measureBlocks(this.text)).indentSeq;
  }

  get seqPadding(): boolean {
    return (this.seqPaddingMemo ??= padded(this.text, OPEN_BRACKET, CLOSE_BRACKET));
  }

  get mapPadding(): boolean {
    return (this.mapPaddingMemo ??= padded(this.text, OPEN_BRACE, CLOSE_BRACE));
  }

  get eol(): string {
    return (this.eolMemo ??= lineBreakOf(this.text));
  }
}

const SPACE = 0x20;
const TAB = 0x09;
const DASH = 0x2d;
const HASH = 0x23;
const COLON = 0x3a;
const LF = 0x0a;
const CR = 0x0d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COMMA = 0x2c;

/**
 * The indent step and the sequence style, from each line that opens a block (`key:` with nothing
 * after but a comment) and the next line that is not blank or a comment. The lines are read with
 * charCodeAt where a regex per line (`^( *)(- +)*[^\s#-][^#]*:[ \t]*(#.*)?$`, then `^\s*(#.*)?$`
 * and `^( *)(-( |$))?` on the lines after it) cost hundreds of milliseconds over a corpus; the
 * helpers below keep those regexes' exact semantics, JavaScript's `\s` and `.` included.
 */
function measureBlocks(text: string): { indent: number; indentSeq: boolean } {
  const steps = new Map<number, number>();
  let indented = 0;
  let flush = 0;
  // The key column of the last opening line whose next significant line is still to come.
  let pending = -1;
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    // `split(/\r?\n/)`: a CR is dropped only before a LF.
    const end = newline === -1 ? text.length : newline > start && text.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
    if (!isBlankOrComment(text, start, end)) {
      if (pending !== -1) {
        let column = start;
        while (column < end && text.charCodeAt(column) === SPACE) column++;
        const dash = column < end && text.charCodeAt(column) === DASH && (column + 1 === end || text.charCodeAt(column + 1) === SPACE);
        column -= start;
        if (dash) {
          if (column > pending) indented++;
          else if (column === pending) flush++;
        } else if (column > pending) {
          steps.set(column - pending, (steps.get(column - pending) ?? 0) + 1);
        }
      }
      pending = openingKeyColumn(text, start, end);
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  // An opening line with no significant line after it compared with '' (column 0): it counts for nothing.
  const indent = [...steps].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 2;
  return { indent: Math.min(Math.max(indent, 1), 8), indentSeq: indented >= flush };
}

/**
 * The key column of a line that opens a block (`^( *)(- +)*[^\s#-][^#]*:[ \t]*(#.*)?$`), or -1.
 * The column is the leading spaces plus the LAST `- +` group only, as the regex's capture was.
 */
function openingKeyColumn(text: string, start: number, end: number): number {
  let at = start;
  while (at < end && text.charCodeAt(at) === SPACE) at++;
  const spaces = at - start;
  let lastDash = 0;
  while (at + 1 < end && text.charCodeAt(at) === DASH && text.charCodeAt(at + 1) === SPACE) {
    let after = at + 1;
    while (after < end && text.charCodeAt(after) === SPACE) after++;
    lastDash = after - at;
    at = after;
  }
  if (at >= end) return -1;
  const first = text.charCodeAt(at);
  if (first === HASH || first === DASH || isWhitespace(first)) return -1;
  // `[^#]*` stops at the first `#`: the `:` is the last character before it but spaces and tabs,
  // and what follows the `#` must hold no line terminator (`.`).
  let hash = text.indexOf('#', at + 1);
  if (hash === -1 || hash >= end) hash = end;
  else if (hasLineTerminator(text, hash + 1, end)) return -1;
  let last = hash - 1;
  while (last > at && (text.charCodeAt(last) === SPACE || text.charCodeAt(last) === TAB)) last--;
  return last > at && text.charCodeAt(last) === COLON ? spaces + lastDash : -1;
}

/** `^\s*(#.*)?$` on the line from `start` to `end`. */
function isBlankOrComment(text: string, start: number, end: number): boolean {
  let at = start;
  while (at < end && isWhitespace(text.charCodeAt(at))) at++;
  if (at === end) return true;
  return text.charCodeAt(at) === HASH && !hasLineTerminator(text, at + 1, end);
}

/** Whether a character `.` does not match (a line terminator) is in `text` from `start` to `end`. */
function hasLineTerminator(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === LF || code === CR || code === 0x2028 || code === 0x2029) return true;
  }
  return false;
}

/** JavaScript's `\s`. */
function isWhitespace(code: number): boolean {
  if (code < 0x80) return code === SPACE || (code >= TAB && code <= CR);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * Whether most flow collections opened by `open` have a space inside (`$[0]`, `#{x}` are not
 * collections). Counts what `/(?:^|[\s,[{])\[ [^\s\]]/gm` and `/(?:^|[\s,[{])\[[^\s\]]/gm` match,
 * with one indexOf walk over the brackets: a match needs the bracket's follower(s), and before it
 * either a start of line or one of `\s,[{` not taken by the previous match (matches do not overlap).
 */
function padded(text: string, open: number, close: number): boolean {
  const bracket = String.fromCharCode(open);
  let spaced = 0;
  let tight = 0;
  let spacedFrom = 0;
  let tightFrom = 0;
  for (let at = text.indexOf(bracket); at !== -1; at = text.indexOf(bracket, at + 1)) {
    const lineStart = at === 0 || isLineTerminator(text.charCodeAt(at - 1));
    const opener = at > 0 && isOpenerPrefix(text.charCodeAt(at - 1));
    const next = text.charCodeAt(at + 1);
    if (next === SPACE && at + 2 < text.length && isContent(text.charCodeAt(at + 2), close) && ((opener && at - 1 >= spacedFrom) || (lineStart && at >= spacedFrom))) {
      spaced++;
      spacedFrom = at + 3;
    }
    if (at + 1 < text.length && isContent(next, close) && ((opener && at - 1 >= tightFrom) || (lineStart && at >= tightFrom))) {
      tight++;
      tightFrom = at + 2;
    }
  }
  return spaced > tight;
}

/** What `^` in multiline mode follows. */
function isLineTerminator(code: number): boolean {
  return code === LF || code === CR || code === 0x2028 || code === 0x2029;
}

function isOpenerPrefix(code: number): boolean {
  return code === COMMA || code === OPEN_BRACKET || code === OPEN_BRACE || isWhitespace(code);
}

/** `[^\s\]]` (or `[^\s\}]`). */
function isContent(code: number, close: number): boolean {
  return code !== close && !isWhitespace(code);
}
