/**
 * Fix operations: what a rule asks to change, as operations on model nodes (DESIGN §5). Each
 * format adapter renders them as minimal text edits; rules never produce text.
 */
import type { AstNode, ObjectNode, PropertyNode } from '../model/ast';

/** A CloudFormation intrinsic in neutral form: YAML renders `!GetAtt x.Arn`, JSON `{"Fn::GetAtt": …}`. */
export interface IntrinsicValue {
  readonly intrinsic: string;
  readonly args: FixValue;
}

export type FixValue = string | number | boolean | null | IntrinsicValue | readonly FixValue[] | { readonly [key: string]: FixValue };

export type FixOp =
  | { readonly op: 'set'; readonly node: AstNode; readonly value: FixValue }
  | { readonly op: 'remove'; readonly property: PropertyNode }
  | { readonly op: 'insert'; readonly object: ObjectNode; readonly key: string; readonly value: FixValue; readonly after?: PropertyNode }
  | { readonly op: 'renameKey'; readonly property: PropertyNode; readonly key: string };

/** Builds fix operations; handed to a report's `fix` callback. */
export const fixer = {
  set: (node: AstNode, value: FixValue): FixOp => ({ op: 'set', node, value }),
  remove: (property: PropertyNode): FixOp => ({ op: 'remove', property }),
  insert: (object: ObjectNode, key: string, value: FixValue, after?: PropertyNode): FixOp => ({ op: 'insert', object, key, value, after }),
  renameKey: (property: PropertyNode, key: string): FixOp => ({ op: 'renameKey', property, key }),
} as const;

export type Fixer = typeof fixer;
export type FixFunction = (f: Fixer) => FixOp | readonly FixOp[];
