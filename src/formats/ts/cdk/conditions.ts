/**
 * `sfn.Condition.*` → a Choice rule's fields, as CDK renders them (aws-stepfunctions/lib/
 * condition.js): `stringEquals(v, x)` is `{ Variable: v, StringEquals: x }`, `isPresent(v)` is
 * `{ Variable: v, IsPresent: true }`, `and(...)` is `{ And: [...] }`. An unknown condition is a
 * placeholder: the rules only need the rule's `Next`.
 */
import { ts } from 'ts-morph';
import type { AstNode, PropertyNode } from '../../../model/ast';
import { objectNode, property, rangeOf, scalar } from './nodes';
import { resolveConstant, type ValueReader } from './values';

/** The fields of the Choice rule for `condition` (an object), or a placeholder. */
export function conditionNode(condition: ts.Expression, reader: ValueReader): AstNode {
  const call = resolveConstant(condition);
  const range = rangeOf(condition);
  const name = ts.isCallExpression(call) ? /^Condition\.(\w+)$/.exec(reader.symbolName(call.expression) ?? '')?.[1] : undefined;
  if (!name || !ts.isCallExpression(call)) return scalar(condition.getText(), range, true);
  const args = call.arguments;
  if (name === 'and' || name === 'or') {
    const items = args.map((a) => conditionNode(a, reader));
    return objectNode([property(name === 'and' ? 'And' : 'Or', range, { kind: 'array', items, range })], range);
  }
  if (name === 'not' && args[0]) return objectNode([property('Not', range, conditionNode(args[0], reader))], range);
  if (name === 'jsonata' && args[0]) return objectNode([property('Condition', range, reader.value(args[0]))], range);
  const [variable, operand] = args;
  if (!variable) return scalar(condition.getText(), range, true);
  const fields: PropertyNode[] = [property('Variable', rangeOf(variable), reader.value(variable))];
  const test = /^is(Not)?([A-Z]\w*)$/.exec(name);
  if (test) {
    fields.push(property(`Is${test[2]}`, range, scalar(test[1] === undefined, range)));
  } else if (operand) {
    // `numberEquals` is ASL's `NumericEquals`; `stringEqualsJsonPath(v, p)` compares with another path: `StringEqualsPath: p`.
    const operator = (name[0].toUpperCase() + name.slice(1)).replace(/^Number/, 'Numeric').replace(/JsonPath$/, 'Path');
    fields.push(property(operator, rangeOf(operand), reader.value(operand)));
  }
  return objectNode(fields, range);
}
