/**
 * Judging field values the way AWS does, without judging what cannot be known: a CloudFormation
 * intrinsic (`!Ref Timeout`), a `${...}`/`#{...}` substitution, a serverless `${self:...}`
 * variable, a `{{jinja}}` variable or a placeholder node stands for a value filled in at deploy time, so it is never
 * reported. A `{% %}` JSONata expression is a value known only at run time.
 */
import type { AstNode } from '../model/ast';

const TEMPLATED = /\$\{[^}]*\}|#\{[^}]*\}|\{\{[^}]*\}\}/;
const JSONATA = /^\{%[^]*%\}$/;

/** True when `node` stands for a value known only at deploy time. */
export function isDeployTimeValue(node: AstNode): boolean {
  if (node.placeholder) return true;
  if (node.kind === 'scalar') return typeof node.value === 'string' && TEMPLATED.test(node.value);
  if (node.kind === 'object') {
    // `{ Ref: X }`, `{ "Fn::GetAtt": ... }`, `{ "Fn::Sub": ... }`: one key naming an intrinsic.
    if (node.properties.length !== 1) return false;
    const key = String(node.properties[0].key.value);
    return key === 'Ref' || key.startsWith('Fn::') || key === 'Condition';
  }
  return false;
}

/** True when `node` is a `{% ... %}` JSONata expression string. */
export function isJsonataExpression(node: AstNode): boolean {
  return node.kind === 'scalar' && typeof node.value === 'string' && JSONATA.test(node.value.trim());
}

/** How a value reads in a message: `0.5`, `"abc"`, `an object`. */
export function describeValue(node: AstNode): string {
  if (node.kind === 'object') return 'an object';
  if (node.kind === 'array') return node.items.length === 0 ? 'an empty array' : 'an array';
  if (typeof node.value === 'string') return JSON.stringify(node.value.length > 40 ? `${node.value.slice(0, 37)}...` : node.value);
  return String(node.value);
}

export interface NumberBounds {
  readonly integer: boolean;
  readonly min?: number;
  readonly max?: number;
}

/** What a number field should be, in words: `an integer from 1 to 99999999`. */
export function describeBounds(bounds: NumberBounds): string {
  const what = bounds.integer ? 'an integer' : 'a number';
  if (bounds.min !== undefined && bounds.max !== undefined) return `${what} from ${bounds.min} to ${bounds.max}`;
  if (bounds.min !== undefined) return `${what} of at least ${bounds.min}`;
  if (bounds.max !== undefined) return `${what} of at most ${bounds.max}`;
  return what;
}

/**
 * True when `node` is a number within `bounds`, or a value that cannot be judged (deploy-time,
 * or a JSONata expression when `jsonata` allows one).
 */
export function numberFits(node: AstNode, bounds: NumberBounds, jsonata: boolean): boolean {
  if (isDeployTimeValue(node) || (jsonata && isJsonataExpression(node))) return true;
  if (node.kind !== 'scalar' || typeof node.value !== 'number') return false;
  const n = node.value;
  if (bounds.integer && !Number.isInteger(n)) return false;
  return (bounds.min === undefined || n >= bounds.min) && (bounds.max === undefined || n <= bounds.max);
}

/** True when `node` is a string, or a value that cannot be judged. */
export function isStringValue(node: AstNode): boolean {
  return isDeployTimeValue(node) || (node.kind === 'scalar' && typeof node.value === 'string');
}
