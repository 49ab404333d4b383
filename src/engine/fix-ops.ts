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

export type FixOp =
  | { readonly op: 'set'; readonly node: AstNode; readonly value: FixValue }
  | { readonly op: 'remove'; readonly property: PropertyNode }
  /** Adds `key: value` to `object` after the property `after` (default: after the last one). */
  | { readonly op: 'insert'; readonly object: ObjectNode; readonly key: string; readonly value: FixValue; readonly after?: PropertyNode }
  /** Adds `value` to `array` after the item `after` (default: at the end). */
  | { readonly op: 'insertItem'; readonly array: ArrayNode; readonly value: FixValue; readonly after?: AstNode }
  | { readonly op: 'renameKey'; readonly property: PropertyNode; readonly key: string };

/** Builds fix operations; handed to a report's `fix` callback. */
export const fixer = {
  set: (node: AstNode, value: FixValue): FixOp => ({ op: 'set', node, value }),
  remove: (property: PropertyNode): FixOp => ({ op: 'remove', property }),
  insert: (object: ObjectNode, key: string, value: FixValue, after?: PropertyNode): FixOp => ({ op: 'insert', object, key, value, after }),
  insertItem: (array: ArrayNode, value: FixValue, after?: AstNode): FixOp => ({ op: 'insertItem', array, value, after }),
  renameKey: (property: PropertyNode, key: string): FixOp => ({ op: 'renameKey', property, key }),
} as const;

export type Fixer = typeof fixer;
export type FixFunction = (f: Fixer) => FixOp | readonly FixOp[];

/** True when `value` is an intrinsic (`{ intrinsic, args }`) rather than a plain object. */
export function isIntrinsic(value: FixValue): value is IntrinsicValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as IntrinsicValue).intrinsic === 'string' && 'args' in value;
}
