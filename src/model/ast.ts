/**
 * The format-neutral syntax tree every source adapter produces.
 *
 * YAML, JSON and JSON embedded in a CloudFormation string all become this one shape, so
 * the model and the rules never know which parser ran. Every node carries its range in the
 * *host* file's text (offsets into the file as read), which is what diagnostics and, later,
 * fix edits are expressed in.
 */

/** Half-open `[start, end)` character offsets into the host file's text. */
export type Range = readonly [number, number];

export type AstNode = ObjectNode | ArrayNode | ScalarNode;

interface NodeBase {
  readonly range: Range;
  /** Set when the node's text is not literal data: `${Timeout}`, an alias to an unknown, … */
  readonly placeholder?: boolean;
}

export interface ObjectNode extends NodeBase {
  readonly kind: 'object';
  readonly properties: readonly PropertyNode[];
  /**
   * Set when a YAML short tag (`!GetAtt x.Arn`) was turned into its long form
   * (`{ "Fn::GetAtt": ... }`): the original tag, so a renderer can write the same form back.
   */
  readonly tag?: string;
  /**
   * Set when some properties were pulled in by a YAML merge key (`<<: *defaults`): those are
   * the anchor's nodes, so a fix may not add or remove fields here.
   */
  readonly merged?: boolean;
}

export interface PropertyNode {
  readonly kind: 'property';
  readonly key: ScalarNode;
  readonly value: AstNode;
  /** From the start of the key to the end of the value. */
  readonly range: Range;
}

export interface ArrayNode extends NodeBase {
  readonly kind: 'array';
  readonly items: readonly AstNode[];
}

/** How a scalar was written; embedded-JSON mapping and renderers depend on it. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'block-literal' | 'block-folded' | 'json';

export interface ScalarNode extends NodeBase {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
  readonly style?: ScalarStyle;
}

/** The property of `node` named `key`; the last one wins, as in every JSON/YAML loader. */
export function getProperty(node: AstNode | undefined, key: string): PropertyNode | undefined {
  if (node?.kind !== 'object') return undefined;
  let found: PropertyNode | undefined;
  for (const p of node.properties) if (p.key.value === key) found = p;
  return found;
}

/** The value under `key` in an object node. */
export function getValue(node: AstNode | undefined, key: string): AstNode | undefined {
  return getProperty(node, key)?.value;
}

/** The node reached by following `path` (keys and array indexes) from `node`. */
export function getAt(node: AstNode | undefined, path: readonly (string | number)[]): AstNode | undefined {
  let current = node;
  for (const step of path) {
    if (current === undefined) return undefined;
    if (typeof step === 'number') current = current.kind === 'array' ? current.items[step] : undefined;
    else current = getValue(current, step);
  }
  return current;
}

/** The string value of a scalar node, or undefined for anything else. */
export function stringValue(node: AstNode | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** The number value of a scalar node, or undefined for anything else. */
export function numberValue(node: AstNode | undefined): number | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'number' ? node.value : undefined;
}

/** Plain data for a subtree (intrinsics stay in their long `{ "Fn::X": ... }` form). */
export function toValue(node: AstNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'array':
      return node.items.map(toValue);
    case 'object': {
      const out: Record<string, unknown> = {};
      // defineProperty, so a "__proto__" key is data as in JSON.parse, not a prototype.
      for (const p of node.properties) {
        Object.defineProperty(out, String(p.key.value), { value: toValue(p.value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
  }
}

/** Every string scalar inside `node`, depth first; used to match templated names and ARNs. */
export function collectStrings(node: AstNode | undefined, into: string[] = []): string[] {
  if (node === undefined) return into;
  if (node.kind === 'scalar') {
    if (typeof node.value === 'string') into.push(node.value);
  } else if (node.kind === 'array') {
    for (const item of node.items) collectStrings(item, into);
  } else {
    // Keys are intrinsic names (`Fn::GetAtt`, `Ref`) or field names, never the user's data.
    for (const p of node.properties) collectStrings(p.value, into);
  }
  return into;
}
