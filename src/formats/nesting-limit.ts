/**
 * How deep a document may nest. The model, the rules and the fix renderers walk trees
 * recursively, so a hostile or broken file 10,000 levels deep would overflow the stack far
 * from the parser; the parsers refuse such a file up front with a per-file parse error instead.
 * Real workflows nest a few dozen levels; 500 leaves room for any generated one, and keeps the
 * deepest accepted file well inside the default stack for every later recursive pass.
 */
export const MAX_NESTING_DEPTH = 500;

export const TOO_DEEP_MESSAGE = `Nesting is too deep (more than ${MAX_NESTING_DEPTH} levels).`;

/** Thrown by a converter that went past `MAX_NESTING_DEPTH`, with the offset of the node where it did. */
export class NestingTooDeep extends Error {
  constructor(readonly offset: number) {
    super(TOO_DEEP_MESSAGE);
  }
}

/** A stack overflow inside a third-party parser (it recurses once per nesting level). */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
