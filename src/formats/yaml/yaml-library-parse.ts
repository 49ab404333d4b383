/**
 * YAML → neutral AST with the `yaml` library: CloudFormation tags registered, duplicate keys
 * kept so rules can report them, each node converted with its host-file range. The reference
 * behaviour, and the fallback for every file the fast path (fast-parse.ts) declines; loaded
 * only then, as `yaml` is the slowest module to load and to run.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, Scalar, type Document, type Node } from 'yaml';
import type { AstNode, ObjectNode, PropertyNode, ScalarNode, ScalarStyle } from '../../model/ast';
import { isStackOverflow, MAX_NESTING_DEPTH, NestingTooDeep, TOO_DEEP_MESSAGE } from '../nesting-limit';
import type { ParseError } from '../parse-result';
import { CFN_INTRINSICS, CFN_TAGS } from './cfn-tags';

/**
 * Bound on nodes produced from one file, so alias bombs end in an error, not in memory
 * exhaustion. Without aliases a document has fewer nodes than characters; the budget allows
 * generous reuse of anchors on top of that.
 */
function nodeBudget(text: string): number {
  return Math.min(2_000_000, 10_000 + 4 * text.length);
}

class AliasBudgetExceeded extends Error {}

/** An alias inside the very node it names (`a: &x [1, *x]`): expanding it would never end. */
class AliasCycle extends Error {
  constructor(readonly offset: number, readonly alias: string) {
    super(`Alias "*${alias}" refers to a node that contains it.`);
  }
}

/** Roots of every document, or the first error, as `yaml` reports them. */
export function parseRootsWithYamlLibrary(text: string): { roots: readonly AstNode[]; error?: undefined } | { roots?: undefined; error: ParseError } {
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, {
      customTags: CFN_TAGS,
      uniqueKeys: false,
      // No keepSourceTokens or LineCounter: positions come from node ranges (LineIndex), and
      // both cost ~20% of the parse.
      prettyErrors: false,
    }) as Document.Parsed[];
  } catch (error) {
    const message = isStackOverflow(error) ? TOO_DEEP_MESSAGE : cleanMessage(String((error as Error).message));
    return { error: { message, offset: 0 } };
  }
  if (!Array.isArray(docs)) docs = [docs as unknown as Document.Parsed];
  for (const doc of docs) {
    const first = doc.errors[0];
    // `yaml` turns its own stack overflow on deep nesting into a document error.
    const message = /call stack/i.test(first?.message ?? '') ? TOO_DEEP_MESSAGE : first && cleanMessage(first.message);
    if (first && message) return { error: { message, offset: first.pos[0] } };
  }
  const budget: Budget = { left: nodeBudget(text), expanding: new Set() };
  const roots: AstNode[] = [];
  try {
    for (const doc of docs) {
      if (doc.contents) roots.push(convert(doc.contents as Node, doc, text, budget, 0));
    }
  } catch (error) {
    if (error instanceof AliasBudgetExceeded) {
      return { error: { message: `Too many nodes after alias expansion (more than ${nodeBudget(text)}).`, offset: 0 } };
    }
    if (error instanceof NestingTooDeep || error instanceof AliasCycle) return { error: { message: error.message, offset: error.offset } };
    // The nesting limit leaves room on the stack, but not under every host (a deep test runner).
    if (isStackOverflow(error)) return { error: { message: TOO_DEEP_MESSAGE, offset: 0 } };
    throw error;
  }
  return { roots };
}

function cleanMessage(message: string): string {
  // yaml appends " at line X, column Y:" and a code frame; the formatter prints its own.
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return /[.?]$/.test(first) ? first : `${first}.`;
}

/** Nodes left before the alias-bomb limit, and the alias targets being expanded (to spot cycles). */
interface Budget {
  left: number;
  readonly expanding: Set<Node>;
}

function convert(node: Node, doc: Document.Parsed, text: string, budget: Budget, depth: number): AstNode {
  if (--budget.left < 0) throw new AliasBudgetExceeded();
  if (depth >= MAX_NESTING_DEPTH) throw new NestingTooDeep(rangeOf(node)[0]);
  if (isAlias(node)) {
    const target = node.resolve(doc) as Node | undefined;
    if (!target) return { kind: 'scalar', value: null, range: rangeOf(node), placeholder: true };
    if (budget.expanding.has(target)) throw new AliasCycle(rangeOf(node)[0], node.source);
    budget.expanding.add(target);
    try {
      return convert(target, doc, text, budget, depth);
    } finally {
      budget.expanding.delete(target);
    }
  }
  const converted = convertUntagged(node, doc, text, budget, depth);
  const intrinsic = node.tag?.startsWith('!') ? CFN_INTRINSICS.get(node.tag.slice(1)) : undefined;
  if (!intrinsic) return converted;
  // `!GetAtt x.Arn` becomes `{ "Fn::GetAtt": "x.Arn" }`: one shape for YAML and JSON templates.
  const start = Math.max(0, text.lastIndexOf(node.tag as string, converted.range[0]));
  const key: ScalarNode = { kind: 'scalar', value: intrinsic, range: [start, start + (node.tag as string).length] };
  const property: PropertyNode = { kind: 'property', key, value: converted, range: [start, converted.range[1]] };
  return { kind: 'object', properties: [property], range: [start, converted.range[1]], tag: node.tag };
}

function convertUntagged(node: Node, doc: Document.Parsed, text: string, budget: Budget, depth: number): AstNode {
  if (isScalar(node)) return convertScalar(node);
  if (isSeq(node)) {
    return { kind: 'array', items: node.items.map((item) => convert(item as Node, doc, text, budget, depth + 1)), range: rangeOf(node) };
  }
  if (isMap(node)) {
    const properties: PropertyNode[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const key: ScalarNode = keyNode && isScalar(keyNode)
        ? convertScalar(keyNode)
        : { kind: 'scalar', value: null, range: keyNode ? rangeOf(keyNode) : rangeOf(node) };
      const value: AstNode = pair.value
        ? convert(pair.value as Node, doc, text, budget, depth + 1)
        : { kind: 'scalar', value: null, range: [key.range[1], key.range[1]] };
      properties.push({ kind: 'property', key, value, range: [key.range[0], Math.max(key.range[1], value.range[1])] });
    }
    return expandMergeKeys({ kind: 'object', properties, range: rangeOf(node) });
  }
  return { kind: 'scalar', value: null, range: rangeOf(node), placeholder: true };
}

/**
 * Expands YAML merge keys (`<<: *defaults`, `<<: [*a, *b]`), which serverless.yml files use and
 * YAML 1.1 loaders (js-yaml, the Serverless Framework) resolve: the merged fields come first,
 * then the mapping's own, which win, as do earlier maps of a list over later ones. The merged
 * properties are the anchor's nodes (their ranges point at the anchor), so the renderers treat
 * them as shared; the object is marked `merged` so no fix adds or removes its fields. A merge
 * whose value is not a mapping (or a list of them) stays as a plain `<<` field: unknown.
 */
function expandMergeKeys(object: ObjectNode): ObjectNode {
  const isMerge = (p: PropertyNode) => p.key.value === '<<' && p.key.style === 'plain' && mergeSources(p.value) !== undefined;
  if (!object.properties.some(isMerge)) return object;
  const own = object.properties.filter((p) => !isMerge(p));
  const seen = new Set(own.map((p) => p.key.value));
  const merged: PropertyNode[] = [];
  for (const source of object.properties.filter(isMerge).flatMap((p) => mergeSources(p.value) ?? [])) {
    for (const p of source.properties) {
      if (seen.has(p.key.value)) continue;
      seen.add(p.key.value);
      merged.push(p);
    }
  }
  return { ...object, properties: [...merged, ...own], merged: true };
}

/** The mappings a merge key's value pulls in, or undefined when it is not a mapping or a list of them. */
function mergeSources(value: AstNode): readonly ObjectNode[] | undefined {
  if (value.kind === 'object' && value.tag === undefined) return [value];
  if (value.kind === 'array' && value.items.length > 0 && value.items.every((i) => i.kind === 'object' && i.tag === undefined)) {
    return value.items as ObjectNode[];
  }
  return undefined;
}

const STYLES: Record<string, ScalarStyle> = {
  [Scalar.PLAIN]: 'plain',
  [Scalar.QUOTE_SINGLE]: 'single',
  [Scalar.QUOTE_DOUBLE]: 'double',
  [Scalar.BLOCK_LITERAL]: 'block-literal',
  [Scalar.BLOCK_FOLDED]: 'block-folded',
};

function convertScalar(node: Scalar): ScalarNode {
  const raw = node.value;
  let value: ScalarNode['value'];
  if (raw === null || typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') value = raw;
  else if (typeof raw === 'bigint') value = Number(raw);
  else value = String(raw);
  return { kind: 'scalar', value, range: rangeOf(node), style: node.type ? STYLES[node.type] : undefined };
}

function rangeOf(node: Node): [number, number] {
  const range = node.range;
  return range ? [range[0], range[1]] : [0, 0];
}
