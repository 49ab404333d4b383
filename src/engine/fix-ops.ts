/**
 * Fix operations: what a rule asks to change, as operations on model nodes (DESIGN §5). Each
 * format adapter renders them as minimal text edits; rules never produce text.
 */
import type { ArrayNode, AstNode, ObjectNode, PropertyNode } from '../model/ast';

/**
 * A CloudFormation intrinsic in neutral form: YAML renders `!GetAtt x.Arn` (or the long form
 * `Fn::GetAtt: [x, Arn]` when `form` is `'long'`), JSON always `{"Fn::GetAtt": ["x", "Arn"]}`.
 */
export interface IntrinsicValue {
  readonly intrinsic: string;
  readonly args: FixValue;
  readonly form?: 'short' | 'long';
}

export type FixValue = string | number | boolean | null | IntrinsicValue | readonly FixValue[] | { readonly [key: string]: FixValue };

/**
 * A state of the branch a `wrap` creates: an existing state moved there (its text, comments
 * included, with `edits` applied inside it), or a new state rendered from a value.
 */
export type GroupMember =
  | { readonly move: PropertyNode; readonly edits: readonly FixOp[] }
  | { readonly key: string; readonly value: FixValue };

/** A catcher of a new group: the text of a member's catcher (moved up, as written), or a new one. */
export type GroupCatcher = { readonly copy: AstNode } | { readonly value: FixValue };

/**
 * A batch group replacing the state `place` in its `States` object: a state `key` of type
 * `Parallel` whose single branch starts at `startAt` and holds `members` in order, followed by
 * `fields` (in order) and, when there are any, `Catch: catchers`. Moved members leave their old
 * place (a copied catcher is removed by an edit of its member); nothing else moves.
 */
export interface WrapOp {
  readonly op: 'wrap';
  readonly place: PropertyNode;
  readonly key: string;
  readonly startAt: string;
  readonly members: readonly GroupMember[];
  readonly fields: Readonly<Record<string, FixValue>>;
  readonly catchers?: readonly GroupCatcher[];
}

export type FixOp =
  | { readonly op: 'set'; readonly node: AstNode; readonly value: FixValue }
  | { readonly op: 'remove'; readonly property: PropertyNode }
  /**
   * Adds `key: value` to `object` after the property `after` (default: after the last one), or
   * before the property `before` when given (for a first position).
   */
  | { readonly op: 'insert'; readonly object: ObjectNode; readonly key: string; readonly value: FixValue; readonly after?: PropertyNode; readonly before?: PropertyNode }
  /** Adds `value` to `array` after the item `after` (default: at the end). */
  | { readonly op: 'insertItem'; readonly array: ArrayNode; readonly value: FixValue; readonly after?: AstNode }
  /** Removes `item` from `array`, which keeps at least one other item. */
  | { readonly op: 'removeItem'; readonly array: ArrayNode; readonly item: AstNode }
  | { readonly op: 'renameKey'; readonly property: PropertyNode; readonly key: string }
  | WrapOp;

/** Builds fix operations; handed to a report's `fix` callback. */
export const fixer = {
  set: (node: AstNode, value: FixValue): FixOp => ({ op: 'set', node, value }),
  remove: (property: PropertyNode): FixOp => ({ op: 'remove', property }),
  insert: (object: ObjectNode, key: string, value: FixValue, after?: PropertyNode): FixOp => ({ op: 'insert', object, key, value, after }),
  insertItem: (array: ArrayNode, value: FixValue, after?: AstNode): FixOp => ({ op: 'insertItem', array, value, after }),
  insertBefore: (object: ObjectNode, key: string, value: FixValue, before: PropertyNode): FixOp => ({ op: 'insert', object, key, value, before }),
  removeItem: (array: ArrayNode, item: AstNode): FixOp => ({ op: 'removeItem', array, item }),
  renameKey: (property: PropertyNode, key: string): FixOp => ({ op: 'renameKey', property, key }),
  wrap: (place: PropertyNode, key: string, group: Omit<WrapOp, 'op' | 'place' | 'key'>): FixOp => ({ op: 'wrap', place, key, ...group }),
} as const;

export type Fixer = typeof fixer;
export type FixFunction = (f: Fixer) => FixOp | readonly FixOp[];

/** True when `value` is an intrinsic (`{ intrinsic, args }`) rather than a plain object. */
export function isIntrinsic(value: FixValue): value is IntrinsicValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as IntrinsicValue).intrinsic === 'string' && 'args' in value;
}
