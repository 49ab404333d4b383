/**
 * What format adapters produce from fix operations: replacements of host-file text. Ranges are
 * half-open `[start, end)` offsets into the host file, as every AST range.
 */
import type { ArrayNode, AstNode, ObjectNode, PropertyNode } from '../model/ast';

export interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

/**
 * Thrown by a renderer when it cannot express an operation without risking the file (a block
 * scalar to rewrite, JSON embedded in a string it cannot escape safely…). The fix is then
 * unavailable: the problem is still reported, just not fixable.
 */
export class CannotRender extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CannotRender';
  }
}

/** What a renderer needs from the file besides the ops: its text and the tree's parent links. */
export interface RenderSource {
  /** The host file's text. */
  readonly text: string;
  /** The object holding a property, or the array holding an item. */
  parentOf(target: AstNode | PropertyNode): ObjectNode | ArrayNode | undefined;
}
