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

/** Concatenates mapped pieces (for `Fn::Join` and the like). */
export function concatMapped(parts: readonly MappedText[]): MappedText {
  const offsets: number[] = [];
  let text = '';
  for (const part of parts) {
    text += part.text;
    // A loop, not push(...spread): a large piece would overflow the call stack.
    for (let i = 0; i < part.text.length; i++) offsets.push(part.offsets[i]);
  }
  const last = parts[parts.length - 1];
  offsets.push(last ? last.offsets[last.text.length] ?? 0 : 0);
  return { text, offsets };
}

/** A piece of synthetic text that stands for a host node (a `Ref` in a join) at `at`. */
export function syntheticText(text: string, at: number): MappedText {
  return { text, offsets: Array.from({ length: text.length + 1 }, () => at) };
}

/** `|` blocks: value line k is host content line k, shifted by the block's indentation. */
function mapBlockLiteral(value: string, host: string, start: number, end: number): MappedText {
  const offsets: number[] = [];
  const firstLine = host.indexOf('\n', start) + 1;
  const lineStarts: number[] = [];
  for (let p = firstLine; p > 0 && p < end; p = host.indexOf('\n', p) + 1) lineStarts.push(p);
  const indent = blockIndent(host, start, lineStarts);
  let line = 0;
  let column = 0;
  for (let i = 0; i < value.length; i++) {
    const lineStart = lineStarts[line] ?? end;
    offsets.push(Math.min(lineStart + indent + column, end));
    if (value[i] === '\n') {
      line++;
      column = 0;
    } else {
      column++;
    }
  }
  offsets.push(Math.min((lineStarts[line] ?? end) + indent + column, end));
  return { text: value, offsets };
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
  const offsets: number[] = [];
  let p = from;
  for (let i = 0; i < value.length; i++) {
    // Skip what decoding dropped: escaped line breaks and folded indentation in YAML.
    for (;;) {
      if (host[p] === '\\' && (host[p + 1] === '\n' || host[p + 1] === '\r')) {
        p += host[p + 1] === '\r' && host[p + 2] === '\n' ? 3 : 2;
        while (host[p] === ' ' || host[p] === '\t') p++;
      } else if (p < end && host[p] !== value[i] && host[p] !== '\\' && /\s/.test(host[p])) {
        p++;
      } else {
        break;
      }
    }
    offsets.push(p);
    if (host[p] !== '\\') {
      p++;
      continue;
    }
    const kind = host[p + 1];
    p += kind === 'u' ? 6 : kind === 'x' ? 4 : kind === 'U' ? 10 : 2;
    if (i + 1 < value.length && /[\ud800-\udbff]/.test(value[i])) {
      if (kind === 'U') {
        // One \U escape decodes to two UTF-16 units: both map to the escape.
        offsets.push(offsets[offsets.length - 1]);
        i++;
      } else if (kind === 'u' && host[p] === '\\') {
        // A surrogate pair written as two \u escapes.
        offsets.push(p);
        i++;
        p += 6;
      }
    }
  }
  offsets.push(Math.min(p, end));
  return { text: value, offsets };
}

/** Plain, single-quoted and folded styles: walk both texts, skipping what decoding removed. */
function mapAligned(value: string, host: string, start: number, end: number): MappedText {
  const offsets: number[] = [];
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
  return { text: value, offsets };
}
