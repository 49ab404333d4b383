/**
 * Maps each character of a string scalar's *value* back to its offset in the host file, so
 * that JSON embedded in a CloudFormation `DefinitionString` reports positions on the host's
 * lines. Each quoting style decodes differently; the map follows the decoding.
 */
import type { ScalarNode } from '../model/ast';

/** A decoded string and, for each of its characters (plus one past the end), a host offset. */
export interface MappedText {
  readonly text: string;
  readonly offsets: readonly number[];
}

/** Decodes the string scalar `node` of `host` into its value with a per-character offset map. */
export function mapStringScalar(node: ScalarNode, host: string): MappedText {
  const value = String(node.value);
  const [start, end] = node.range;
  switch (node.style) {
    case 'block-literal':
      return mapBlockLiteral(value, host, start, end);
    case 'json':
    case 'double':
      return mapEscaped(value, host, start + 1, end);
    case 'block-folded':
      // The header line (`>-`, maybe with a comment) holds no content.
      return mapAligned(value, host, host.indexOf('\n', start) + 1 || end, end);
    default:
      return mapAligned(value, host, start, end);
  }
}

/** The host offset of character `index` (0 to the text's length) of `mapped`. */
export function hostOffset(mapped: MappedText, index: number): number {
  return mapped instanceof OffsetRuns ? mapped.offsetAt(index) : mapped.offsets[index];
}

/** Concatenates mapped pieces (for `Fn::Join` and the like). */
export function concatMapped(parts: readonly MappedText[]): MappedText {
  const offsets: number[] = [];
  let text = '';
  for (const part of parts) {
    text += part.text;
    // A loop, not push(...spread): a large piece would overflow the call stack.
    for (let i = 0; i < part.text.length; i++) offsets.push(hostOffset(part, i));
  }
  const last = parts[parts.length - 1];
  offsets.push(last ? hostOffset(last, last.text.length) ?? 0 : 0);
  return { text, offsets };
}

/** A piece of synthetic text that stands for a host node (a `Ref` in a join) at `at`. */
export function syntheticText(text: string, at: number): MappedText {
  return { text, offsets: Array.from({ length: text.length + 1 }, () => at) };
}

/**
 * A decoded text's offsets kept as runs, each of offsets that climb one by one (or repeat):
 * a definition decodes to runs as long as its lines or its text between escapes. One number
 * per character made the mapping of a large template most of its cost (memory written and
 * collected). Lookups go through `hostOffset`; the full list is built only if `offsets` is read.
 */
class OffsetRuns implements MappedText {
  /** For each run: the index of its first character, that character's offset, and the step (1 or 0). */
  private readonly starts: number[] = [];
  private readonly firsts: number[] = [];
  private readonly steps: number[] = [];
  private length = 0;
  private last = 0;
  private runLength = 0;
  /** The run last looked up: the parser asks for offsets mostly in order. */
  private cursor = 0;
  private all: number[] | undefined;

  constructor(readonly text: string) {}

  /** Appends the offset of the next character (or, last, of the end). */
  push(offset: number): void {
    const step = offset - this.last;
    if (this.runLength === 1 && (step === 0 || step === 1)) {
      this.steps[this.steps.length - 1] = step;
      this.runLength = 2;
    } else if (this.runLength > 1 && step === this.steps[this.steps.length - 1]) {
      this.runLength++;
    } else {
      this.starts.push(this.length);
      this.firsts.push(offset);
      this.steps.push(1);
      this.runLength = 1;
    }
    this.last = offset;
    this.length++;
  }

  offsetAt(index: number): number {
    const { starts } = this;
    let run = this.cursor;
    if (!(starts[run] <= index && (run + 1 === starts.length || index < starts[run + 1]))) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid] <= index) low = mid;
        else high = mid - 1;
      }
      run = this.cursor = low;
    }
    return this.firsts[run] + this.steps[run] * (index - starts[run]);
  }

  get offsets(): readonly number[] {
    if (!this.all) {
      const { starts, firsts, steps } = this;
      const all = new Array<number>(this.length);
      for (let run = 0; run < starts.length; run++) {
        const end = run + 1 < starts.length ? starts[run + 1] : this.length;
        for (let i = starts[run], offset = firsts[run]; i < end; i++, offset += steps[run]) all[i] = offset;
      }
      this.all = all;
    }
    return this.all;
  }
}

/** `|` blocks: value line k is host content line k, shifted by the block's indentation. */
function mapBlockLiteral(value: string, host: string, start: number, end: number): MappedText {
  const offsets = new OffsetRuns(value);
  const firstLine = host.indexOf('\n', start) + 1;
  const lineStarts: number[] = [];
  for (let p = firstLine; p > 0 && p < end; p = host.indexOf('\n', p) + 1) lineStarts.push(p);
  const indent = blockIndent(host, start, lineStarts);
  // Line by line (a definition is long, and this runs for every character): a line break
  // takes the next column of its line, the position after the text that of the next line.
  let i = 0;
  for (let line = 0; ; line++) {
    const base = (lineStarts[line] ?? end) + indent;
    const lineBegin = i;
    const lineBreak = value.indexOf('\n', i);
    const stop = lineBreak === -1 ? value.length : lineBreak + 1;
    for (; i < stop; i++) offsets.push(Math.min(base + i - lineBegin, end));
    if (lineBreak === -1) {
      offsets.push(Math.min(base + i - lineBegin, end));
      return offsets;
    }
  }
}

function blockIndent(host: string, headerAt: number, lineStarts: readonly number[]): number {
  // `|2` states the indentation relative to the line that holds the header.
  const indicator = /^[|>][+-]?([1-9])/.exec(host.slice(headerAt, headerAt + 4));
  if (indicator) {
    const lineStart = host.lastIndexOf('\n', headerAt) + 1;
    return (/^ */.exec(host.slice(lineStart, headerAt))?.[0].length ?? 0) + Number(indicator[1]);
  }
  for (const start of lineStarts) {
    let p = start;
    while (host[p] === ' ') p++;
    if (host[p] !== '\n' && host[p] !== '\r' && p < host.length) return p - start;
  }
  return 0;
}

/** Double-quoted strings: each escape sequence maps to its backslash. */
function mapEscaped(value: string, host: string, from: number, end: number): MappedText {
  const offsets = new OffsetRuns(value);
  let p = from;
  // Character codes, not one-character strings: this runs for every character of a definition.
  for (let i = 0; i < value.length; i++) {
    // Skip what decoding dropped: escaped line breaks and folded indentation in YAML.
    for (;;) {
      const c = host.charCodeAt(p);
      const next = host.charCodeAt(p + 1);
      if (c === BACKSLASH && (next === LF || next === CR)) {
        p += next === CR && host.charCodeAt(p + 2) === LF ? 3 : 2;
        while (host.charCodeAt(p) === SPACE || host.charCodeAt(p) === TAB) p++;
      } else if (p < end && c !== value.charCodeAt(i) && c !== BACKSLASH && isWhiteSpace(c)) {
        p++;
      } else {
        break;
      }
    }
    offsets.push(p);
    if (host.charCodeAt(p) !== BACKSLASH) {
      p++;
      continue;
    }
    const escapeAt = p;
    const kind = host[p + 1];
    p += kind === 'u' ? 6 : kind === 'x' ? 4 : kind === 'U' ? 10 : 2;
    const unit = value.charCodeAt(i);
    if (i + 1 < value.length && unit >= 0xd800 && unit <= 0xdbff) {
      if (kind === 'U') {
        // One \U escape decodes to two UTF-16 units: both map to the escape.
        offsets.push(escapeAt);
        i++;
      } else if (kind === 'u' && host.charCodeAt(p) === BACKSLASH) {
        // A surrogate pair written as two \u escapes.
        offsets.push(p);
        i++;
        p += 6;
      }
    }
  }
  offsets.push(Math.min(p, end));
  return offsets;
}

const BACKSLASH = 0x5c;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/** What `/\s/` matches, without making a string of the character. */
function isWhiteSpace(code: number): boolean {
  if (code < 0x80) return code === SPACE || (code >= TAB && code <= CR);
  return /\s/.test(String.fromCharCode(code));
}

/** Plain, single-quoted and folded styles: walk both texts, skipping what decoding removed. */
function mapAligned(value: string, host: string, start: number, end: number): MappedText {
  const offsets = new OffsetRuns(value);
  let p = start;
  for (let i = 0; i < value.length; i++) {
    const want = value[i];
    let q = p;
    while (q < end && host[q] !== want && !(want === ' ' && host[q] === '\n')) q++;
    if (q >= end) q = p;
    offsets.push(q);
    p = q + 1;
  }
  offsets.push(Math.min(p, end));
  return offsets;
}
