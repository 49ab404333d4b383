/**
 * Value checks for state fields whose shape AWS fixes (numbers with bounds, strings, objects,
 * non-empty arrays), the fields of Parallel branches and Map processors, duplicate keys and
 * exclusive pairs. Each check returns findings; the rule turns them into reports (Map's reader,
 * batcher and writer: `map-field-checks.ts`). Paths' syntax is `asl/valid-paths`'s
 * business, and the fields with rules of their own (Retry, Catch, Wait, Fail, Resource) are
 * checked there.
 */
import { getProperty, type AstNode, type ObjectNode, type PropertyNode } from '../model/ast';
import type { State } from '../model/types';
import { declaredLanguage } from './declared-language';
import { FIELD_LANGUAGE, MACHINE_FIELDS } from './state-fields';
import { closestName } from './suggest';
import { describeBounds, describeValue, isDeployTimeValue, isJsonataExpression, isStringValue, numberFits, type NumberBounds } from './state-field-values';

/** A value that is not what AWS expects. */
export interface ValueFinding {
  readonly kind: 'value';
  readonly node: AstNode;
  readonly field: string;
  readonly expected: string;
  readonly actual: string;
}

/** Two fields of which only one may be given. */
export interface ExclusiveFinding {
  readonly kind: 'exclusive';
  readonly node: PropertyNode;
  readonly field: string;
  readonly other: string;
}

/** A field that must be given, missing from `node`. */
export interface MissingFinding {
  readonly kind: 'missing';
  readonly node: AstNode | PropertyNode;
  readonly field: string;
  readonly where: string;
}

/** A field that `where` does not take, or takes only once (`duplicate`). */
export interface UnexpectedFinding {
  readonly kind: 'unexpected' | 'duplicate';
  readonly node: AstNode;
  readonly field: string;
  readonly where: string;
  readonly suggestion?: string;
}

export type Finding = ValueFinding | ExclusiveFinding | MissingFinding | UnexpectedFinding;

// A Parallel branch or Map processor is a state machine of its own: it takes the top-level
// fields (AWS's cfn-lint schema refers branches to the machine's schema), and a processor
// its ProcessorConfig.
const SCOPE_FIELDS = [...MACHINE_FIELDS.allowed, 'ProcessorConfig'];

/** Findings about a branch or processor object: required, unknown and duplicate fields. */
export function checkScopeObject(node: ObjectNode, where: string, at: AstNode | PropertyNode, processor: boolean): Finding[] {
  const allowed = processor ? SCOPE_FIELDS : MACHINE_FIELDS.allowed;
  const out: Finding[] = [...missingIn(node, ['StartAt', 'States'], where, at), ...duplicatesIn(node, where)];
  for (const property of node.properties) {
    const field = String(property.key.value);
    if (!allowed.includes(field)) out.push({ kind: 'unexpected', node: property.key, field, where, suggestion: closestName(field, allowed) });
  }
  return out;
}

/** A finding for each key that repeats an earlier key of `node` (JSON parsers keep only the last). */
export function duplicatesIn(node: ObjectNode, where: string): UnexpectedFinding[] {
  const seen = new Set<string>();
  const out: UnexpectedFinding[] = [];
  for (const property of node.properties) {
    const field = String(property.key.value);
    if (seen.has(field)) out.push({ kind: 'duplicate', node: property.key, field, where });
    seen.add(field);
  }
  return out;
}

// AWS: TimeoutSeconds and HeartbeatSeconds are positive integers; 99999999 is the largest.
const SECONDS: NumberBounds = { integer: true, min: 1, max: 99999999 };

type Shape =
  | { readonly number: NumberBounds }
  | { readonly is: 'string' | 'object' | 'array' | 'non-empty array'; readonly maxLength?: number }
  // A path's syntax is `asl/valid-paths`'s business; its type is checked here.
  | { readonly is: 'path'; readonly nullable: boolean };

// AWS: a null InputPath, OutputPath or ResultPath discards input, output or result.
const PATHS: Readonly<Record<string, Shape>> = Object.fromEntries([
  ...['InputPath', 'OutputPath', 'ResultPath'].map((f) => [f, { is: 'path', nullable: true }]),
  ...['ItemsPath', 'TimeoutSecondsPath', 'HeartbeatSecondsPath', 'MaxConcurrencyPath', 'ToleratedFailurePercentagePath', 'ToleratedFailureCountPath', 'SecondsPath', 'TimestampPath', 'ErrorPath', 'CausePath'].map((f) => [f, { is: 'path', nullable: false }]),
]);

/** The shapes of state fields, by field name (the same in every state type that has the field). */
const SHAPES: ReadonlyMap<string, Shape> = new Map(Object.entries<Shape>({
  ...PATHS,
  Comment: { is: 'string' },
  TimeoutSeconds: { number: SECONDS },
  HeartbeatSeconds: { number: SECONDS },
  MaxConcurrency: { number: { integer: true, min: 0 } },
  ToleratedFailurePercentage: { number: { integer: false, min: 0, max: 100 } },
  ToleratedFailureCount: { number: { integer: true, min: 0 } },
  // AWS: a Map Label has at most 40 characters.
  Label: { is: 'string', maxLength: 40 },
  Branches: { is: 'non-empty array' },
  Choices: { is: 'non-empty array' },
  // JSONata: a JSON array, or an expression that evaluates to one.
  Items: { is: 'array' },
  ItemProcessor: { is: 'object' },
  Iterator: { is: 'object' },
  ItemReader: { is: 'object' },
  ItemBatcher: { is: 'object' },
  ResultWriter: { is: 'object' },
  Credentials: { is: 'object' },
  // AWS: a JSON object, or a JSONata expression (JSONata states).
  Arguments: { is: 'object' },
  Assign: { is: 'object' },
}));

/** Findings about the values of `state`'s own fields. */
export function checkFieldValues(state: State): Finding[] {
  const declared = declaredLanguage(state);
  // An unknown query language allows expressions: a bad QueryLanguage is reported once, elsewhere.
  const jsonata = declared !== 'JSONPath';
  const out: Finding[] = [];
  for (const property of state.node.properties) {
    const field = String(property.key.value);
    const shape = SHAPES.get(field);
    // A field of the other query language is asl/valid-query-language's report, not a second one here.
    const language = FIELD_LANGUAGE.get(field);
    if (shape && (language === undefined || declared === undefined || language === declared)) {
      const finding = checkShape(field, property.value, shape, jsonata);
      if (finding) out.push(finding);
    }
  }
  out.push(...checkHeartbeat(state), ...checkBranches(state));
  return out;
}

function checkShape(field: string, node: AstNode, shape: Shape, jsonata: boolean): ValueFinding | undefined {
  const finding = (expected: string): ValueFinding => ({ kind: 'value', node, field, expected, actual: describeValue(node) });
  if ('number' in shape) return numberFits(node, shape.number, jsonata) ? undefined : finding(describeBounds(shape.number));
  if (isDeployTimeValue(node) || (jsonata && shape.is !== 'string' && isJsonataExpression(node))) return undefined;
  switch (shape.is) {
    case 'path':
      if (shape.nullable && node.kind === 'scalar' && node.value === null) return undefined;
      return isStringValue(node) ? undefined : finding(shape.nullable ? 'a path string or null' : 'a path string');
    case 'string':
      if (!isStringValue(node)) return finding('a string');
      if (shape.maxLength !== undefined && node.kind === 'scalar' && String(node.value).length > shape.maxLength) {
        return finding(`a string of at most ${shape.maxLength} characters`);
      }
      return undefined;
    case 'object':
      return node.kind === 'object' ? undefined : finding('an object');
    case 'array':
      return node.kind === 'array' ? undefined : finding('an array');
    case 'non-empty array':
      return node.kind === 'array' && node.items.length > 0 ? undefined : finding('a non-empty array');
  }
}

/** A finding when the number `field` of `node` is out of `bounds` (JSONata expressions allowed when `jsonata`). */
export function numberFinding(node: ObjectNode, field: string, bounds: NumberBounds, jsonata: boolean): ValueFinding[] {
  const value = getProperty(node, field)?.value;
  if (value === undefined || numberFits(value, bounds, jsonata)) return [];
  return [{ kind: 'value', node: value, field, expected: describeBounds(bounds), actual: describeValue(value) }];
}

/** AWS: "HeartbeatSeconds" must be smaller than "TimeoutSeconds". */
function checkHeartbeat(state: State): Finding[] {
  const heartbeat = state.field('HeartbeatSeconds');
  const timeout = state.field('TimeoutSeconds');
  if (heartbeat?.kind !== 'scalar' || timeout?.kind !== 'scalar') return [];
  // Only two valid numbers compare; a bad one is reported on its own.
  if (!numberFits(heartbeat, SECONDS, false) || !numberFits(timeout, SECONDS, false)) return [];
  if (typeof heartbeat.value !== 'number' || typeof timeout.value !== 'number' || heartbeat.value < timeout.value) return [];
  return [{ kind: 'value', node: heartbeat, field: 'HeartbeatSeconds', expected: `less than "TimeoutSeconds" (${timeout.value})`, actual: describeValue(heartbeat) }];
}

/** Each Parallel branch is an object with "StartAt" and "States". */
function checkBranches(state: State): Finding[] {
  const branches = state.type === 'Parallel' ? state.field('Branches') : undefined;
  if (branches?.kind !== 'array') return [];
  const out: Finding[] = [];
  branches.items.forEach((branch, index) => {
    if (isDeployTimeValue(branch)) return;
    if (branch.kind !== 'object') {
      out.push({ kind: 'value', node: branch, field: `Branches[${index}]`, expected: 'an object', actual: describeValue(branch) });
      return;
    }
    out.push(...checkScopeObject(branch, `branch ${index} of Parallel state "${state.name}"`, branch, false));
  });
  return out;
}

/** Missing-field findings for each of `fields` absent from `node`, reported at `at` (the key that holds it). */
export function missingIn(node: ObjectNode, fields: readonly string[], where: string, at: AstNode | PropertyNode = node): MissingFinding[] {
  return fields.filter((f) => !getProperty(node, f)).map((field) => ({ kind: 'missing', node: at, field, where }));
}

/** Exclusive-pair findings in `node`, reported at whichever of the two comes second. */
export function exclusiveIn(node: ObjectNode, pairs: readonly (readonly [string, string])[]): ExclusiveFinding[] {
  const out: ExclusiveFinding[] = [];
  for (const [a, b] of pairs) {
    const first = getProperty(node, a);
    const second = getProperty(node, b);
    if (!first || !second) continue;
    const [earlier, later] = first.range[0] <= second.range[0] ? [first, second] : [second, first];
    out.push({ kind: 'exclusive', node: later, field: String(later.key.value), other: String(earlier.key.value) });
  }
  return out;
}
