/**
 * Text edits → fixed text, in ESLint's manner (its SourceCodeFixer): one report's edits become
 * one fix, fixes are applied in order of position, and a fix that overlaps (or touches) one
 * already applied waits for the next pass of the fix loop.
 */
import type { TextEdit } from '../formats/text-edit';

export interface Fix {
  readonly range: readonly [number, number];
  readonly text: string;
}

/** One fix covering all of a report's edits; undefined when they overlap or change nothing. */
export function mergeEdits(text: string, edits: readonly TextEdit[]): Fix | undefined {
  if (edits.length === 0) return undefined;
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((a, b) => compareRanges(a.edit.range, b.edit.range) || a.order - b.order);
  const start = sorted[0].edit.range[0];
  let end = start;
  let out = '';
  for (const { edit } of sorted) {
    const [from, to] = edit.range;
    if (from < end || from > to) return undefined;
    out += text.slice(end, from) + edit.text;
    end = to;
  }
  if (out === text.slice(start, end)) return undefined;
  return { range: [start, end], text: out };
}

export interface AppliedFixes<T> {
  readonly output: string;
  /** The items whose fix went in, in position order. */
  readonly applied: readonly T[];
  /** The items whose fix overlapped an applied one: for the next pass. */
  readonly deferred: readonly T[];
}

/** Applies the non-overlapping fixes of `items` to `text`. */
export function applyFixes<T extends { readonly fix?: Fix }>(text: string, items: readonly T[]): AppliedFixes<T> {
  const fixable = items.filter((item): item is T & { fix: Fix } => item.fix !== undefined).sort((a, b) => compareRanges(a.fix.range, b.fix.range));
  const applied: T[] = [];
  const deferred: T[] = [];
  let output = '';
  let lastEnd = Number.NEGATIVE_INFINITY;
  let copied = 0;
  for (const item of fixable) {
    const [start, end] = item.fix.range;
    if (start <= lastEnd || start > end || end > text.length) {
      deferred.push(item);
      continue;
    }
    output += text.slice(copied, start) + item.fix.text;
    copied = end;
    lastEnd = end;
    applied.push(item);
  }
  output += text.slice(copied);
  return { output, applied, deferred };
}

function compareRanges(a: readonly [number, number], b: readonly [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}
