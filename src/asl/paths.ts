/**
 * ASL paths (`$.a.b`, `$$.Execution.Id`, `$var[0]`), parsed by hand because validity depends
 * on where the path is written, which no JSONPath library knows:
 * - a *path* (`InputPath`, `OutputPath`, Choice `Variable`) takes the full JSONPath syntax;
 * - a *reference path* (`ItemsPath`, `SecondsPath`, …) must select a single node: members and
 *   indexes only;
 * - a *result path* (`ResultPath`) is a reference path into the state's input, so neither the
 *   context object `$$` nor a variable may start it.
 * Payload templates (`"x.$"` values) are a path or an intrinsic function: see `intrinsics.ts`.
 * AWS rules: https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html
 */

export type PathContext = 'path' | 'reference-path' | 'result-path';

/** What is wrong with a path, and where (an offset into the text). */
export interface PathProblem {
  readonly message: string;
  readonly offset: number;
}

type Root = 'input' | 'context' | 'variable';

/** A segment that selects possibly many nodes, or computes: what a reference path may not hold. */
interface MultiSegment {
  readonly what: string;
  readonly offset: number;
}

interface ParsedPath {
  readonly root: Root;
  /** Segments beyond plain members and non-negative indexes, in order. */
  readonly multi: readonly MultiSegment[];
  /** Filters `[?(...)]` among `multi`. */
  readonly filters: readonly MultiSegment[];
}

class PathSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const SIGNED_INT = /^\s*-?\d+\s*$/;
const NON_NEGATIVE_INT = /^\s*\d+\s*$/;
// A member name ends at an unescaped dot or bracket; whitespace and parentheses cannot be part
// of the dot shorthand (AWS: "use square bracket notation" for such names; `length()` is a function).
const MEMBER_STOP = /[.[\]()\s]/;

/** The problem with `text` as an ASL path of the given context, or undefined when it is valid. */
export function checkPath(text: string, context: PathContext): PathProblem | undefined {
  let parsed: ParsedPath;
  try {
    parsed = parsePath(text);
  } catch (error) {
    if (error instanceof PathSyntaxError) return { message: error.message, offset: error.offset };
    throw error;
  }
  if (context === 'result-path' && parsed.root !== 'input') {
    return { message: `A result path must start with "$" (the state's input), not "${parsed.root === 'context' ? '$$' : 'a variable'}"`, offset: 0 };
  }
  if (context === 'path') return undefined;
  // AWS's own reference-path example `$.jar[?(@.a >= 5)]` keeps filters legal outside ResultPath.
  const offending = context === 'reference-path' ? parsed.multi.filter((s) => !parsed.filters.includes(s)) : parsed.multi;
  const first = offending[0];
  if (first) return { message: `A reference path must select a single node; ${first.what} is not allowed`, offset: first.offset };
  return undefined;
}

function parsePath(text: string): ParsedPath {
  if (!text.startsWith('$')) throw new PathSyntaxError('A path must start with "$"', 0);
  let pos = 1;
  let root: Root = 'input';
  if (text[1] === '$') {
    root = 'context';
    pos = 2;
  } else {
    const name = VARIABLE_NAME.exec(text.slice(1));
    if (name) {
      root = 'variable';
      pos = 1 + name[0].length;
    }
  }
  const multi: MultiSegment[] = [];
  const filters: MultiSegment[] = [];
  while (pos < text.length) {
    const start = pos;
    if (text.startsWith('..', pos)) {
      multi.push({ what: 'the deep scan ".."', offset: start });
      pos += 2;
      if (text[pos] === '[') continue;
      pos = readMemberOrWildcard(text, pos, multi, start);
    } else if (text[pos] === '.') {
      // AWS's own example `$.abc.['def ghi']` puts a dot before a bracket.
      if (text[pos + 1] === '[') pos += 1;
      else pos = readMemberOrWildcard(text, pos + 1, multi, start);
    } else if (text[pos] === '[') {
      pos = readBracket(text, pos, multi, filters);
    } else {
      throw new PathSyntaxError(`Unexpected "${text[pos]}" in path; expected "." or "["`, pos);
    }
  }
  return { root, multi, filters };
}

/** Reads `*` or a member name after a dot; returns the position after it. */
function readMemberOrWildcard(text: string, pos: number, multi: MultiSegment[], segmentStart: number): number {
  if (text[pos] === '*') {
    multi.push({ what: 'the wildcard "*"', offset: segmentStart });
    return pos + 1;
  }
  let end = pos;
  while (end < text.length && !MEMBER_STOP.test(text[end]!)) end += text[end] === '\\' ? 2 : 1;
  end = Math.min(end, text.length);
  if (end === pos) throw new PathSyntaxError('Expected a field name after "."', pos);
  if (text[end] === '(') throw new PathSyntaxError(`Functions such as "${text.slice(pos, end)}()" are not supported in paths`, pos);
  if (end < text.length && /[\s\])]/.test(text[end]!)) throw new PathSyntaxError(`Unexpected "${text[end]}" in a field name; use bracket notation ['...']`, end);
  return end;
}

/** Reads one `[...]` segment starting at `pos` (the bracket); returns the position after `]`. */
function readBracket(text: string, pos: number, multi: MultiSegment[], filters: MultiSegment[]): number {
  let inner = pos + 1;
  while (text[inner] === ' ') inner++;
  if (text.startsWith('?(', inner)) {
    const close = readBalanced(text, inner + 1);
    checkFilter(text.slice(inner + 2, close - 1), inner + 2);
    const segment = { what: `the filter "${text.slice(pos, close + 1)}"`, offset: pos };
    multi.push(segment);
    filters.push(segment);
    return expectClose(text, close);
  }
  if (text[inner] === '(') {
    const close = readBalanced(text, inner);
    multi.push({ what: `the script expression "${text.slice(pos, close + 1)}"`, offset: pos });
    return expectClose(text, close);
  }
  if (text[inner] === "'" || text[inner] === '"') {
    let p = inner;
    let names = 0;
    for (;;) {
      p = readQuoted(text, p);
      names++;
      while (text[p] === ' ') p++;
      if (text[p] !== ',') break;
      p++;
      while (text[p] === ' ') p++;
      if (text[p] !== "'" && text[p] !== '"') throw new PathSyntaxError('Expected a quoted field name after ","', p);
    }
    if (names > 1) multi.push({ what: 'a union of names', offset: pos });
    return expectClose(text, p);
  }
  const close = text.indexOf(']', inner);
  if (close < 0) throw new PathSyntaxError('Unclosed "["', pos);
  const body = text.slice(inner, close);
  if (body.trim() === '*') multi.push({ what: 'the wildcard "[*]"', offset: pos });
  else if (body.includes(':')) {
    const parts = body.split(':');
    if (parts.length > 3 || parts.some((p) => p.trim() !== '' && !SIGNED_INT.test(p))) throw new PathSyntaxError(`Invalid array slice "[${body}]"`, inner);
    multi.push({ what: `the slice "[${body}]"`, offset: pos });
  } else if (body.includes(',')) {
    if (body.split(',').some((p) => !SIGNED_INT.test(p))) throw new PathSyntaxError(`Invalid index list "[${body}]"`, inner);
    multi.push({ what: `the index list "[${body}]"`, offset: pos });
  } else if (NON_NEGATIVE_INT.test(body)) {
    // A plain index: a single node.
  } else if (SIGNED_INT.test(body)) {
    multi.push({ what: `the negative index "[${body.trim()}]"`, offset: pos });
  } else {
    throw new PathSyntaxError(`Invalid bracket expression "[${body}]"; expected an index, a quoted name, "*", a slice or a filter`, inner);
  }
  return close + 1;
}

function expectClose(text: string, pos: number): number {
  if (text[pos] !== ']') throw new PathSyntaxError('Expected "]"', Math.min(pos, text.length));
  return pos + 1;
}

/** Reads a quoted name starting at its quote; returns the position after the closing quote. */
function readQuoted(text: string, pos: number): number {
  const quote = text[pos];
  let p = pos + 1;
  while (p < text.length && text[p] !== quote) p += text[p] === '\\' ? 2 : 1;
  if (p >= text.length) throw new PathSyntaxError('Unterminated quoted name', pos);
  return p + 1;
}

/** From an opening parenthesis, the position after its matching one (quotes respected). */
function readBalanced(text: string, open: number): number {
  let depth = 0;
  let p = open;
  while (p < text.length) {
    const c = text[p];
    if (c === "'" || c === '"') {
      p = readQuoted(text, p);
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return p + 1;
    p++;
  }
  throw new PathSyntaxError('Unbalanced "(" in path', open);
}

/**
 * AWS: "Filtering by regular expression or by referencing another value in the JSON structure
 * isn't supported": no `=~`, no `$` outside quotes. `body` is the text inside `?( … )`.
 */
function checkFilter(body: string, offset: number): void {
  if (body.trim() === '') throw new PathSyntaxError('Empty filter expression', offset);
  let p = 0;
  while (p < body.length) {
    const c = body[p];
    if (c === "'" || c === '"') {
      p = readQuoted(body, p);
      continue;
    }
    if (c === '=' && body[p + 1] === '~') throw new PathSyntaxError('Filtering by regular expression ("=~") is not supported', offset + p);
    if (c === '$') throw new PathSyntaxError('A filter cannot reference another value of the input ("$")', offset + p);
    p++;
  }
}
