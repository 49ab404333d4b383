/**
 * YAML → neutral AST. Parses with `yaml` (CloudFormation tags registered, duplicate keys
 * kept so rules can report them) and converts each node, keeping host-file ranges.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, Scalar, type Document, type Node } from 'yaml';
import type { AstNode, ObjectNode, PropertyNode, ScalarNode, ScalarStyle } from '../../model/ast';
import type { ParsedText } from '../parse-result';
import { CFN_INTRINSICS, CFN_TAGS } from './cfn-tags';
import { scanDirectives } from './directives';

/**
 * Bound on nodes produced from one file, so alias bombs end in an error, not in memory
 * exhaustion. Without aliases a document has fewer nodes than characters; the budget allows
 * generous reuse of anchors on top of that.
 */
function nodeBudget(text: string): number {
  return Math.min(2_000_000, 10_000 + 4 * text.length);
}

class AliasBudgetExceeded extends Error {}

/** Parses YAML text into neutral trees, one per document. */
export function parseYaml(text: string): ParsedText {
  const directives = scanDirectives(text);
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
    return { roots: [], error: { message: String((error as Error).message), offset: 0 }, directives };
  }
  if (!Array.isArray(docs)) docs = [docs as unknown as Document.Parsed];
  for (const doc of docs) {
    const first = doc.errors[0];
    if (first) return { roots: [], error: { message: cleanMessage(first.message), offset: first.pos[0] }, directives };
  }
  const budget = { left: nodeBudget(text) };
  const roots: AstNode[] = [];
  try {
    for (const doc of docs) {
      if (doc.contents) roots.push(convert(doc.contents as Node, doc, text, budget));
    }
  } catch (error) {
    if (error instanceof AliasBudgetExceeded) {
      return {
        roots: [],
        error: { message: `Too many nodes after alias expansion (more than ${nodeBudget(text)}).`, offset: 0 },
        directives,
      };
    }
    throw error;
  }
  // A `# wf-lint-…` inside a quoted or block string is text, not a comment.
  const comments = directives.filter((d) => !roots.some((root) => insideString(root, d.offset)));
  return { roots, error: undefined, directives: comments };
}

function insideString(node: AstNode, offset: number): boolean {
  if (offset < node.range[0] || offset >= node.range[1]) return false;
  if (node.kind === 'scalar') return node.style !== undefined && node.style !== 'plain';
  if (node.kind === 'array') return node.items.some((item) => insideString(item, offset));
  return node.properties.some((p) => insideString(p.key, offset) || insideString(p.value, offset));
}

function cleanMessage(message: string): string {
  // yaml appends " at line X, column Y:" and a code frame; the formatter prints its own.
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return /[.?]$/.test(first) ? first : `${first}.`;
}

function convert(node: Node, doc: Document.Parsed, text: string, budget: { left: number }): AstNode {
  if (--budget.left < 0) throw new AliasBudgetExceeded();
  if (isAlias(node)) {
    const target = node.resolve(doc);
    if (!target) return { kind: 'scalar', value: null, range: rangeOf(node), placeholder: true };
    return convert(target as Node, doc, text, budget);
  }
  const converted = convertUntagged(node, doc, text, budget);
  const intrinsic = node.tag?.startsWith('!') ? CFN_INTRINSICS.get(node.tag.slice(1)) : undefined;
  if (!intrinsic) return converted;
  // `!GetAtt x.Arn` becomes `{ "Fn::GetAtt": "x.Arn" }`: one shape for YAML and JSON templates.
  const start = Math.max(0, text.lastIndexOf(node.tag as string, converted.range[0]));
  const key: ScalarNode = { kind: 'scalar', value: intrinsic, range: [start, start + (node.tag as string).length] };
  const property: PropertyNode = { kind: 'property', key, value: converted, range: [start, converted.range[1]] };
  return { kind: 'object', properties: [property], range: [start, converted.range[1]], tag: node.tag };
}

function convertUntagged(node: Node, doc: Document.Parsed, text: string, budget: { left: number }): AstNode {
  if (isScalar(node)) return convertScalar(node);
  if (isSeq(node)) {
    return { kind: 'array', items: node.items.map((item) => convert(item as Node, doc, text, budget)), range: rangeOf(node) };
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
        ? convert(pair.value as Node, doc, text, budget)
        : { kind: 'scalar', value: null, range: [key.range[1], key.range[1]] };
      properties.push({ kind: 'property', key, value, range: [key.range[0], Math.max(key.range[1], value.range[1])] });
    }
    return { kind: 'object', properties, range: rangeOf(node) } satisfies ObjectNode;
  }
  return { kind: 'scalar', value: null, range: rangeOf(node), placeholder: true };
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
