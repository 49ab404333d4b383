/**
 * The fast YAML path. `@stoplight/yaml-ast-parser` (a js-yaml fork that keeps positions) parses
 * about ten times faster than `yaml`; this module converts its tree into the neutral AST with
 * exactly the values, styles, tags and ranges the `yaml` path (parse.ts) gives. What it cannot
 * prove identical it declines, returning undefined, and parse.ts falls back to `yaml`: any error
 * or warning, anchors, aliases, merge keys, tags other than the CloudFormation intrinsics,
 * directives, tabs, explicit keys, multi-line quoted scalars, empty values where `yaml`'s range
 * rules are subtle, comments that would move where `yaml` ends a collection, too-deep nesting.
 * The differential tests (test/formats/yaml/fast-parse*.test.ts) hold the two paths equal.
 */
import { loadAll } from '@stoplight/yaml-ast-parser/dist/src/loader';
import { Schema } from '@stoplight/yaml-ast-parser/dist/src/schema';
import type { YAMLNode, YAMLScalar, YamlMap, YAMLSequence } from '@stoplight/yaml-ast-parser/dist/src/yamlAST';
import type { AstNode, PropertyNode, ScalarNode, ScalarStyle } from '../../model/ast';
import { MAX_NESTING_DEPTH } from '../nesting-limit';
import { CFN_INTRINSICS } from './cfn-tags';
import { resolvePlainScalar } from './core-scalars';

// yamlAST's `Kind` enum, as numbers so that no runtime import is needed for it.
const SCALAR = 0;
const MAP = 2;
const SEQ = 3;

/**
 * A schema with no types at all: no implicit typing (core-scalars.ts types plain scalars the way
 * `yaml` does) and every explicit tag "unknown", which the parser reports with the tag's offset
 * and otherwise ignores. That report is how CloudFormation tags are found (a custom type cannot
 * be registered for the scalar, sequence and mapping forms of one tag at once).
 */
const NO_TYPES = new Schema({ include: [], implicit: [], explicit: [] });

/**
 * Text the fast path leaves to `yaml`: tabs (`yaml` rejects them as indentation, accepts them
 * elsewhere), line breaks other than LF and CRLF, a BOM past the start, `%` directives, the
 * explicit key `? ` and the non-specific tag `! `, which the fast parser silently ignores.
 */
const UNSUPPORTED = /[\t\x85\u2028\u2029\uFEFF]|\r(?!\n)|^%|[?!](?=[\s\]},]|$)/gm;

function hasUnsupportedText(body: string): boolean {
  UNSUPPORTED.lastIndex = 0;
  for (let found = UNSUPPORTED.exec(body); found; found = UNSUPPORTED.exec(body)) {
    if (found[0] !== '?' && found[0] !== '!') return true;
    // `?` and `!` are indicators only where a token starts (`why? so` is text); testing that
    // here, not in the pattern, keeps the scan several times faster.
    const before = found.index === 0 ? '\n' : body[found.index - 1];
    if (/[\s[{,]/.test(before)) return true;
  }
  return false;
}

const UNKNOWN_TAG = /^unknown tag <!([A-Za-z]+)>$/;

/** Thrown to give up on the fast path; parseYamlFast turns it (and any other failure) into undefined. */
class Decline extends Error {}

function decline(): never {
  throw new Decline();
}

interface Context {
  /** The text as the fast parser saw it: without a leading BOM. */
  readonly body: string;
  /** The host text, for the tag ranges parse.ts computes from it. */
  readonly text: string;
  /** 1 when a BOM was cut off: every offset into body moves by it. */
  readonly shift: number;
  /** Offset of each tagged node's content → the tag (`!GetAtt`), consumed as nodes are matched. */
  readonly tags: Map<number, string>;
}

/** The roots `parseYaml`'s `yaml` path would return for `text`, or undefined when not sure. */
export function parseYamlFast(text: string): readonly AstNode[] | undefined {
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = shift ? text.slice(1) : text;
  if (hasUnsupportedText(body)) return undefined;
  try {
    const docs: YAMLNode[] = [];
    let warned = false;
    loadAll(body, (doc) => docs.push(doc), { schema: NO_TYPES, ignoreDuplicateKeys: true, onWarning: () => (warned = true) });
    if (warned || docs.length === 0) return docs.length === 0 && body.trim() === '' ? [] : undefined;
    const ctx: Context = { body, text, shift, tags: tagTargets(body, docs[0].errors) };
    const roots: AstNode[] = [];
    for (const doc of docs) {
      checkComments(body, doc);
      // The parser overwrites the last root's end with the text's length: a root scalar's end
      // would be wrong (collections' ends are computed here).
      if (doc.kind === SCALAR) return undefined;
      roots.push(convert(doc, ctx, 0));
    }
    if (ctx.tags.size > 0) return undefined;
    return roots;
  } catch {
    // A Decline, the fast parser failing on input `yaml` would report (an empty document), or
    // its stack overflowing on deep nesting: `yaml` decides.
    return undefined;
  }
}

/**
 * The parser's errors are all fatal for the fast path except "unknown tag" for a CloudFormation
 * intrinsic. Each of those is mapped to the offset of the node it tags: the first content after
 * the tag, past white space and comments.
 */
function tagTargets(body: string, errors: readonly { reason: string; isWarning: boolean; mark: { position: number } }[]): Map<number, string> {
  const tags = new Map<number, string>();
  for (const error of errors) {
    const name = UNKNOWN_TAG.exec(error.reason)?.[1];
    const at = error.mark.position;
    if (error.isWarning || name === undefined || !CFN_INTRINSICS.has(name)) decline();
    const end = at + 1 + name.length;
    if (!body.startsWith(`!${name}`, at) || !/[ \r\n]/.test(body[end] ?? '')) decline();
    const target = skipSpaceAndComments(body, end);
    if (tags.has(target)) decline();
    tags.set(target, `!${name}`);
  }
  return tags;
}

function skipSpaceAndComments(body: string, from: number): number {
  let i = from;
  for (;;) {
    const c = body.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d) i++;
    else if (c === 0x23) while (i < body.length && body.charCodeAt(i) !== 0x0a) i++;
    else return i;
  }
}

/** `yaml` requires white space before a comment (`a: "b"#c` is an error there, not here). */
function checkComments(body: string, doc: YAMLNode): void {
  for (const comment of doc.comments ?? []) {
    const before = body.charCodeAt(comment.startPosition - 1);
    if (comment.startPosition > 0 && before !== 0x20 && before !== 0x0a && before !== 0x0d) decline();
  }
}

/** A converted node and where `yaml` ends it when it is the last entry of a block collection. */
interface Converted {
  readonly node: AstNode;
  /** `yaml`'s `range[2]`: past the rest of the line (spaces, a comment, the line break). */
  readonly end: number;
  /**
   * Set for plain and quoted scalars and flow collections: `yaml` keeps the trailing tokens of
   * those, and adds to them the comment lines indented deeper than their collection.
   */
  readonly absorbs?: boolean;
}

function convert(node: YAMLNode | null, ctx: Context, depth: number): AstNode {
  return convertWithEnd(node, ctx, depth).node;
}

function convertWithEnd(node: YAMLNode | null, ctx: Context, depth: number): Converted {
  if (node === null || node === undefined || node.anchorId !== undefined) decline();
  if (depth >= MAX_NESTING_DEPTH) decline();
  const start = node.startPosition;
  const tag = ctx.tags.get(start);
  if (tag !== undefined) ctx.tags.delete(start);
  const converted = convertUntagged(node, ctx, depth, tag !== undefined);
  if (tag === undefined) return converted;
  // As parse.ts does: `!GetAtt x.Arn` becomes `{ "Fn::GetAtt": "x.Arn" }`, the key ranging over the tag.
  const inner = converted.node;
  const tagStart = Math.max(0, ctx.text.lastIndexOf(tag, inner.range[0]));
  const key: ScalarNode = { kind: 'scalar', value: CFN_INTRINSICS.get(tag.slice(1)) as string, range: [tagStart, tagStart + tag.length] };
  const property: PropertyNode = { kind: 'property', key, value: inner, range: [tagStart, inner.range[1]] };
  return { node: { kind: 'object', properties: [property], range: [tagStart, inner.range[1]], tag }, end: converted.end, absorbs: converted.absorbs };
}

function convertUntagged(node: YAMLNode, ctx: Context, depth: number, tagged: boolean): Converted {
  switch (node.kind) {
    case SCALAR:
      return convertScalar(node as YAMLScalar, ctx, tagged);
    case MAP:
      return ctx.body.charCodeAt(node.startPosition) === 0x7b ? convertFlowMap(node as YamlMap, ctx, depth) : convertBlockMap(node as YamlMap, ctx, depth);
    case SEQ:
      return convertSeq(node as YAMLSequence, ctx, depth);
    default:
      // Aliases, `!include` references, pairs inside a flow sequence (`[a: b]`).
      return decline();
  }
}

function range(ctx: Context, start: number, end: number): [number, number] {
  return [start + ctx.shift, end + ctx.shift];
}

function convertScalar(node: YAMLScalar, ctx: Context, tagged: boolean): Converted {
  const { body } = ctx;
  const start = node.startPosition;
  let style: ScalarStyle;
  if (node.plainScalar) style = 'plain';
  else if (node.doubleQuoted) style = 'double';
  else if (node.singleQuoted) style = 'single';
  else return convertBlockScalar(node, ctx);
  const end = node.endPosition;
  // Folding of multi-line quoted scalars differs between the parsers (trailing spaces).
  if (style !== 'plain' && hasLineBreak(body, start, end)) decline();
  // A tagged scalar is a string: the intrinsic's argument, as CFN_TAGS resolve it.
  const value = style === 'plain' && !tagged ? resolvePlainScalar(node.value) : node.value;
  return { node: { kind: 'scalar', value, range: range(ctx, start, end), style }, end: lineEnd(body, end), absorbs: true };
}

function hasLineBreak(body: string, start: number, end: number): boolean {
  const newline = body.indexOf('\n', start);
  return newline !== -1 && newline < end;
}

/** Past trailing spaces, a comment and one line break. */
function lineEnd(body: string, from: number): number {
  let i = from;
  while (body.charCodeAt(i) === 0x20) i++;
  if (body.charCodeAt(i) === 0x23) while (i < body.length && body.charCodeAt(i) !== 0x0a && body.charCodeAt(i) !== 0x0d) i++;
  if (body.charCodeAt(i) === 0x0d && body.charCodeAt(i + 1) === 0x0a) return i + 2;
  if (body.charCodeAt(i) === 0x0a) return i + 1;
  return i;
}

/**
 * `|` and `>` scalars. The fast parser's value is kept; the end is `yaml`'s: past the line break
 * of the last line with content. Keep chomping (`+`), explicit indentation (`|2`), blank lines
 * holding more spaces than the indentation and empty scalars are left to `yaml`.
 */
function convertBlockScalar(node: YAMLScalar, ctx: Context): Converted {
  const { body } = ctx;
  const start = node.startPosition;
  const style: ScalarStyle = body.charCodeAt(start) === 0x7c ? 'block-literal' : 'block-folded';
  const headerEnd = body.indexOf('\n', start);
  if (headerEnd === -1) decline();
  const header = body.slice(start + 1, headerEnd).replace(/\r$/, '');
  if (!/^-?(?: +#.*)?$/.test(header.replace(/ +$/, ''))) decline();
  let indent = -1;
  let end = -1;
  let lineStart = headerEnd + 1;
  while (lineStart < body.length) {
    let i = lineStart;
    while (body.charCodeAt(i) === 0x20) i++;
    const newline = body.indexOf('\n', i);
    const lineStop = newline === -1 ? body.length : newline;
    const blank = i === lineStop || (body.charCodeAt(i) === 0x0d && i + 1 === lineStop);
    const spaces = i - lineStart;
    if (blank) {
      if (indent !== -1 ? spaces > indent : spaces > 0) decline();
    } else {
      if (indent === -1) indent = spaces;
      if (spaces < indent) break;
      end = newline === -1 ? body.length : newline + 1;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  if (end === -1) decline();
  return { node: { kind: 'scalar', value: node.value, range: range(ctx, start, end), style }, end };
}

function convertFlowMap(node: YamlMap, ctx: Context, depth: number): Converted {
  const properties: PropertyNode[] = [];
  for (const mapping of node.mappings) {
    if (mapping.value === null || mapping.value === undefined) decline();
    const key = convertKey(mapping.key, ctx);
    const value = convert(mapping.value, ctx, depth + 1);
    properties.push({ kind: 'property', key, value, range: [key.range[0], Math.max(key.range[1], value.range[1])] });
  }
  const close = closingBracketEnd(ctx.body, node.mappings.length ? node.mappings[node.mappings.length - 1].endPosition : node.startPosition + 1, 0x7d);
  checkFlowIndentation(ctx.body, node.startPosition, close);
  return { node: { kind: 'object', properties, range: range(ctx, node.startPosition, close) }, end: lineEnd(ctx.body, close), absorbs: true };
}

function convertBlockMap(node: YamlMap, ctx: Context, depth: number): Converted {
  const { body } = ctx;
  const properties: PropertyNode[] = [];
  let last: Converted | undefined;
  const mappings = node.mappings;
  if (mappings.length === 0 || mappings[0].key?.startPosition !== node.startPosition) decline();
  for (let index = 0; index < mappings.length; index++) {
    const mapping = mappings[index];
    const key = convertKey(mapping.key, ctx);
    const keyEnd = mapping.key.endPosition;
    let colon = keyEnd;
    while (body.charCodeAt(colon) === 0x20) colon++;
    // `yaml` limits an implicit key to 1024 characters up to its `:`.
    if (body.charCodeAt(colon) !== 0x3a || colon - mapping.key.startPosition > 1000) decline();
    let value: AstNode;
    if (mapping.value === null || mapping.value === undefined) {
      // `a:` with nothing after it: `yaml` puts an empty scalar after the `:` and its spaces.
      // Where it ends the map after such a last entry is subtle; leave that to `yaml`.
      if (index === mappings.length - 1) decline();
      let at = colon + 1;
      while (body.charCodeAt(at) === 0x20) at++;
      value = { kind: 'scalar', value: null, range: range(ctx, at, at), style: 'plain' };
    } else {
      last = convertWithEnd(mapping.value, ctx, depth + 1);
      value = last.node;
    }
    properties.push({ kind: 'property', key, value, range: [key.range[0], Math.max(key.range[1], value.range[1])] });
  }
  const [end, commentEnd] = blockCollectionEnds(body, node.startPosition, last as Converted);
  return { node: { kind: 'object', properties, range: range(ctx, node.startPosition, end) }, end: commentEnd };
}

function convertSeq(node: YAMLSequence, ctx: Context, depth: number): Converted {
  const { body } = ctx;
  const flow = body.charCodeAt(node.startPosition) === 0x5b;
  if (!flow && node.items.length === 0) decline();
  const items: AstNode[] = [];
  let last: Converted | undefined;
  for (const item of node.items) {
    last = convertWithEnd(item, ctx, depth + 1);
    items.push(last.node);
  }
  if (flow) {
    const last = node.items[node.items.length - 1];
    const close = closingBracketEnd(body, last ? last.endPosition : node.startPosition + 1, 0x5d);
    checkFlowIndentation(body, node.startPosition, close);
    return { node: { kind: 'array', items, range: range(ctx, node.startPosition, close) }, end: lineEnd(body, close), absorbs: true };
  }
  const [end, commentEnd] = blockCollectionEnds(body, node.startPosition, last as Converted);
  return { node: { kind: 'array', items, range: range(ctx, node.startPosition, end) }, end: commentEnd };
}

/**
 * Past the `]` or `}` closing a flow collection, found from the end of its last entry (the
 * parser overwrites the end of a document's root with the text's length).
 */
function closingBracketEnd(body: string, from: number, bracket: number): number {
  let i = skipSpaceAndComments(body, from);
  if (body.charCodeAt(i) === 0x2c) i = skipSpaceAndComments(body, i + 1);
  if (body.charCodeAt(i) !== bracket) decline();
  return i + 1;
}

function convertKey(node: YAMLScalar | null, ctx: Context): ScalarNode {
  if (node === null || node === undefined || node.kind !== SCALAR || node.anchorId !== undefined) decline();
  if (!node.plainScalar && !node.singleQuoted && !node.doubleQuoted) decline();
  // Tagged keys, multi-line (implicit) keys and merge keys are left to `yaml`.
  if (ctx.tags.has(node.startPosition) || hasLineBreak(ctx.body, node.startPosition, node.endPosition) || node.value === '<<') decline();
  return convertScalar(node, ctx, false).node as ScalarNode;
}

/**
 * `yaml`'s `range[1]` and `range[2]` of a block collection starting at `start` whose last entry
 * is `last`. Its parser hands the comment lines after the last entry (parser.ts, blockMap,
 * blockSequence and pop) to the last entry's trailing tokens while they are indented deeper
 * than the collection, and the rest, when the collection ends, to the innermost ending
 * collection indented at most as deep as one of them (not at column 0), whose `range[2]` then
 * runs to the next content; otherwise they go to the document and move no range.
 */
function blockCollectionEnds(body: string, start: number, last: Converted): [number, number] {
  const indent = start - (body.lastIndexOf('\n', start - 1) + 1);
  const end = last.absorbs ? absorbDeeperComments(body, last.end, indent) : last.end;
  const { deepest, next } = trailingComments(body, end);
  return [end, indent > 0 && deepest >= indent ? next : end];
}

/** Past the comment lines, after blank lines or not, indented more than `indent`. */
function absorbDeeperComments(body: string, from: number, indent: number): number {
  let end = from;
  let i = from;
  for (;;) {
    const lineStart = i;
    while (body.charCodeAt(i) === 0x20) i++;
    const c = body.charCodeAt(i);
    if (c === 0x23 && i - lineStart > indent) end = i = lineEnd(body, i);
    else if (c === 0x0a) i++;
    else if (c === 0x0d && body.charCodeAt(i + 1) === 0x0a) i += 2;
    else return end;
  }
}

/** The deepest column of the comment lines from `from` on (-1 when none), and the next content's offset. */
function trailingComments(body: string, from: number): { deepest: number; next: number } {
  let deepest = -1;
  let i = from;
  for (;;) {
    const lineStart = i;
    while (body.charCodeAt(i) === 0x20) i++;
    const c = body.charCodeAt(i);
    if (c === 0x23) {
      deepest = Math.max(deepest, i - lineStart);
      i = lineEnd(body, i);
    } else if (c === 0x0a) i++;
    else if (c === 0x0d && body.charCodeAt(i + 1) === 0x0a) i += 2;
    else return { deepest, next: i };
  }
}

/**
 * `yaml` requires the lines of a flow collection to be indented more than the line it starts
 * on; the fast parser only warns about some of them. Checked conservatively: every further line
 * of the collection must be indented more than its first line.
 */
function checkFlowIndentation(body: string, start: number, end: number): void {
  let newline = body.indexOf('\n', start);
  if (newline === -1 || newline >= end) return;
  const firstLine = body.lastIndexOf('\n', start - 1) + 1;
  let base = firstLine;
  while (body.charCodeAt(base) === 0x20) base++;
  const indent = base - firstLine;
  while (newline !== -1 && newline < end) {
    let i = newline + 1;
    while (body.charCodeAt(i) === 0x20) i++;
    const c = body.charCodeAt(i);
    if (c !== 0x0a && c !== 0x0d && i - newline - 1 <= indent) decline();
    newline = body.indexOf('\n', i);
  }
}
