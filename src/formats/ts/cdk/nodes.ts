/**
 * Builders for the synthetic neutral AST of a CDK machine. The tree mirrors the ASL that CDK
 * synthesises, but every node is ranged at the TypeScript that produced it (a construct id, a
 * prop, a `.next(x)` argument), so diagnostics and fixes land in the construct code.
 */
import type { ts } from 'ts-morph';
import type { AstNode, ObjectNode, PropertyNode, Range, ScalarNode } from '../../../model/ast';

/** The source range of a TypeScript node, without its leading trivia. */
export function rangeOf(node: ts.Node): Range {
  return [node.getStart(), node.end];
}

export function scalar(value: ScalarNode['value'], range: Range, placeholder = false): ScalarNode {
  return placeholder ? { kind: 'scalar', value, range, placeholder } : { kind: 'scalar', value, range };
}

/** A property `key: value`; its key is ranged at `keyRange`, the whole at `range` (default: key start to value end). */
export function property(key: string, keyRange: Range, value: AstNode, range?: Range): PropertyNode {
  const whole: Range = range ?? [Math.min(keyRange[0], value.range[0]), Math.max(keyRange[1], value.range[1])];
  return { kind: 'property', key: scalar(key, keyRange), value, range: whole };
}

export function objectNode(properties: readonly PropertyNode[], range: Range, placeholder = false): ObjectNode {
  return placeholder ? { kind: 'object', properties, range, placeholder } : { kind: 'object', properties, range };
}

/** Collects the fields of a synthetic object in ASL order, skipping the ones CDK leaves out. */
export class FieldList {
  readonly properties: PropertyNode[] = [];

  /** Adds `key: value` when value is defined, the key ranged at `keyRange` (default: the value's range). */
  add(key: string, value: AstNode | undefined, keyRange?: Range, range?: Range): this {
    if (value !== undefined) this.properties.push(property(key, keyRange ?? value.range, value, range));
    return this;
  }

  toObject(range: Range, placeholder = false): ObjectNode {
    return objectNode(this.properties, range, placeholder);
  }
}
