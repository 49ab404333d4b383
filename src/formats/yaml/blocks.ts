/**
 * Where a block-style YAML entry begins and ends in the text. `yaml`'s node ranges are no
 * guide past the last value: a block mapping's range runs over the comments that follow it and
 * up to the next key. The renderers need exact spans to insert after an entry, to remove it, and
 * to move a whole state with its comments, so these helpers read the lines themselves.
 */
import type { AstNode } from '../../model/ast';
import { columnAt, firstOnLine, lineStartAt } from '../line-geometry';
import { CannotRender } from '../text-edit';

/** The offset just past the last character of `node`'s own content (trailing comments excluded). */
export function contentEnd(text: string, node: AstNode): number {
  const first = text[node.range[0]];
  if (node.kind === 'object' && node.properties.length > 0 && first !== '{') {
    const last = node.properties[node.properties.length - 1];
    return Math.max(last.key.range[1], contentEnd(text, last.value));
  }
  if (node.kind === 'array' && node.items.length > 0 && first !== '[') return contentEnd(text, node.items[node.items.length - 1]);
  // Block scalars end after their line break, which `lineAfter` accepts as is.
  return node.range[1];
}

/** Spaces opening a line, or undefined for a blank line. */
function indentOf(line: string): number | undefined {
  if (/^\s*$/.test(line)) return undefined;
  return /^ */.exec(line)![0].length;
}

/**
 * The span of a block entry whose key (or `-`) starts at `offset`: from the comment lines right
 * above it at the same column (no blank line between) to the end of the last line indented
 * deeper than it — its value, trailing comments included, blank lines after it excluded. The
 * end is past the final line break, or the end of the text.
 */
export function entrySpan(text: string, offset: number): { start: number; end: number; column: number } {
  if (!firstOnLine(text, offset)) throw new CannotRender('The entry does not start its own line.');
  const column = columnAt(text, offset);
  let start = lineStartAt(text, offset);
  while (start > 0) {
    const above = lineStartAt(text, start - 1);
    const line = text.slice(above, start - 1).replace(/\r$/, '');
    if (!line.startsWith(`${' '.repeat(column)}#`)) break;
    start = above;
  }
  let end = lineEnd(text, offset);
  for (let at = end; at < text.length; ) {
    const next = lineEnd(text, at);
    const indent = indentOf(text.slice(at, next));
    if (indent !== undefined) {
      if (indent <= column) break;
      end = next;
    }
    at = next;
  }
  return { start, end, column };
}

/** The offset past the line break of the line holding `offset` (or the end of the text). */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** True when the line before the one starting at `lineStart` is blank (or there is none). */
export function blankBefore(text: string, lineStart: number): boolean {
  if (lineStart === 0) return true;
  return indentOf(text.slice(lineStartAt(text, lineStart - 1), lineStart)) === undefined;
}

/** The offset after the blank lines that start at `lineStart`. */
export function skipBlankLines(text: string, lineStart: number): number {
  let at = lineStart;
  while (at < text.length) {
    const next = lineEnd(text, at);
    if (indentOf(text.slice(at, next)) !== undefined) break;
    at = next;
  }
  return at;
}
