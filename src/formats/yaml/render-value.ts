/**
 * Fix values as YAML text. New subtrees are rendered alone with `yaml`'s stringifier (never the
 * whole file: it normalises spacing, probe 01) in the file's own layout, and intrinsics become
 * CloudFormation short tags (`!GetAtt pre-batch.Arn`).
 */
import { Document, isScalar, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { isIntrinsic, type FixValue } from '../../engine/fix-ops';
import type { ScalarStyle } from '../../model/ast';
import { CannotRender } from '../text-edit';
import { longFormArgs, longFormKey } from '../intrinsic-form';
import type { YamlLayout } from './layout';

/** The lines of `key: value` as a block mapping entry at column 0. */
export function renderBlockPair(key: string, value: FixValue, layout: YamlLayout): string[] {
  return rememberBlock(`pair ${JSON.stringify(key)}`, value, layout, () => stringifyBlockPair(key, value, layout));
}

function stringifyBlockPair(key: string, value: FixValue, layout: YamlLayout): string[] {
  const doc = new Document(null);
  const map = new YAMLMap();
  map.items.push(doc.createPair(key, toNode(doc, value, false)));
  doc.contents = map;
  return stringify(doc, layout);
}

/** The lines of `- value` as a block sequence item at column 0. */
export function renderBlockItem(value: FixValue, layout: YamlLayout): string[] {
  return rememberBlock('item', value, layout, () => stringifyBlockItem(value, layout));
}

function stringifyBlockItem(value: FixValue, layout: YamlLayout): string[] {
  const doc = new Document(null);
  const seq = new YAMLSeq();
  seq.items.push(toNode(doc, value, false));
  doc.contents = seq;
  return stringify(doc, layout);
}

/**
 * Block renders by value and by the layout facts `stringify` reads for them (indent, sequence
 * style, sequence padding): the same Retry, Catch or state is inserted file after file, and
 * building a yaml Document per fix was most of the rendering CPU. Cleared when full.
 */
const blockRenders = new Map<string, readonly string[]>();
const BLOCK_RENDERS_LIMIT = 1024;

function rememberBlock(kind: string, value: FixValue, layout: YamlLayout, render: () => string[]): string[] {
  const valueKey = plainDataKey(value);
  if (valueKey === undefined) return render();
  const key = `${kind} ${layout.indent} ${layout.indentSeq} ${layout.seqPadding} ${valueKey}`;
  let lines = blockRenders.get(key);
  if (lines === undefined) {
    if (blockRenders.size >= BLOCK_RENDERS_LIMIT) blockRenders.clear();
    lines = render();
    blockRenders.set(key, lines);
  }
  // Callers own the array they get.
  return [...lines];
}

/**
 * A text that differs whenever `toNode` could see two values differently (JSON-like, with every
 * number and the type kept apart), or undefined for anything but plain data (an own non-enumerable
 * or inherited property, a hole, undefined), which is then rendered without the cache.
 */
function plainDataKey(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Object.is(value, -0) ? 'n-0' : `n${value}`;
    case 'object':
      break;
    default:
      return undefined;
  }
  const object = value as Record<string, unknown>;
  const prototype = Object.getPrototypeOf(object);
  const keys = Object.keys(object);
  const hidden = Object.getOwnPropertyNames(object).length - keys.length;
  if (Array.isArray(object) && prototype === Array.prototype) {
    // An index per item and `length`, the one own non-enumerable property of an array: no holes, no extras.
    if (keys.length !== object.length || hidden !== 1) return undefined;
    const parts: string[] = [];
    for (let i = 0; i < object.length; i++) {
      const part = plainDataKey(object[i]);
      if (part === undefined) return undefined;
      parts.push(part);
    }
    return `[${parts.join(',')}]`;
  }
  if ((prototype !== Object.prototype && prototype !== null) || hidden !== 0) return undefined;
  const parts: string[] = [];
  for (const key of keys) {
    const part = plainDataKey(object[key]);
    if (part === undefined) return undefined;
    parts.push(`${JSON.stringify(key)}:${part}`);
  }
  return `{${parts.join(',')}}`;
}

/** `value` on one line, quoted as its context needs (inside `{}`/`[]` or in block context). */
export function renderInline(value: FixValue, flowContext: boolean, layout: YamlLayout): string {
  if (typeof value === 'string' && /[\n\r]/.test(value)) return JSON.stringify(value);
  // `yaml` writes these as `true`, `false`, `null` in any layout and context: no Document needed.
  if (typeof value === 'boolean' || value === null) return String(value);
  const doc = new Document(null);
  if (flowContext) {
    // Rendered as the only item of a flow sequence, so the quoting suits a flow context.
    const seq = new YAMLSeq();
    seq.flow = true;
    seq.items.push(toNode(doc, value, true));
    doc.contents = seq;
    const text = stringify(doc, layout, isObject(value) ? layout.mapPadding : layout.seqPadding).join(' ');
    return text.replace(/^\[ ?/, '').replace(/ ?\]$/, '');
  }
  doc.contents = toNode(doc, value, true);
  return stringify(doc, layout, isObject(value) ? layout.mapPadding : layout.seqPadding).join(' ');
}

/**
 * A string in the quoting style of the scalar it replaces: plain stays plain when the value
 * allows it, quotes stay the same quotes. Block scalars are not rewritten.
 */
export function renderScalarInStyle(value: string, style: ScalarStyle | undefined, flowContext: boolean, layout: YamlLayout): string {
  if (style === 'block-literal' || style === 'block-folded') throw new CannotRender('Cannot rewrite a block scalar in place.');
  if (/[\n\r]/.test(value)) return JSON.stringify(value);
  if (style === 'single') return `'${value.replace(/'/g, "''")}'`;
  if (style === 'double' || style === 'json') return JSON.stringify(value);
  if (isPlainSafe(value, flowContext)) return value;
  return renderInline(value, flowContext, layout);
}

/** A mapping key, plain when possible. */
export function renderKey(key: string, style: ScalarStyle | undefined, flowContext: boolean, layout: YamlLayout): string {
  if (style === 'single' || style === 'double') return renderScalarInStyle(key, style, flowContext, layout);
  return rememberPlain(`${flowContext ? 'flow' : 'block'} key ${key}`, () => keyParsesAsPlain(key, flowContext)) ? key : JSON.stringify(key);
}

function keyParsesAsPlain(key: string, flowContext: boolean): boolean {
  const doc = parseDocument(flowContext ? `{${key}: x}` : `${key}: x`);
  const pair = (doc.contents as YAMLMap | null)?.items?.[0];
  return doc.errors.length === 0 && isScalar(pair?.key) && pair.key.value === key && pair.key.type === Scalar.PLAIN;
}

/**
 * Answers of `isPlainSafe`/`renderKey`, which parse a small document each: the same state names,
 * ARNs and keys come back fix after fix. Cleared when full, so it stays small.
 */
const parsedPlain = new Map<string, boolean>();
const PARSED_PLAIN_LIMIT = 4096;

function rememberPlain(key: string, compute: () => boolean): boolean {
  let answer = parsedPlain.get(key);
  if (answer === undefined) {
    if (parsedPlain.size >= PARSED_PLAIN_LIMIT) parsedPlain.clear();
    answer = compute();
    parsedPlain.set(key, answer);
  }
  return answer;
}

/** True when `value` written plain reads back as the same string. */
function isPlainSafe(value: string, flowContext: boolean): boolean {
  if (value === '' || value !== value.trim()) return false;
  return rememberPlain(`${flowContext ? 'flow' : 'block'} value ${value}`, () => parsesAsPlain(value, flowContext));
}

function parsesAsPlain(value: string, flowContext: boolean): boolean {
  const doc = parseDocument(flowContext ? `[${value}]` : `- ${value}`);
  const item = (doc.contents as YAMLSeq | null)?.items?.[0];
  return doc.errors.length === 0 && (doc.contents as YAMLSeq).items.length === 1 && isScalar(item) && item.type === Scalar.PLAIN && item.value === value;
}

function isObject(value: FixValue): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isIntrinsic(value);
}

/** Block renders only hold flow sequences (arrays of scalars), so their padding is the sequences'. */
function stringify(doc: Document, layout: YamlLayout, padding = layout.seqPadding): string[] {
  const text = doc.toString({ lineWidth: 0, indent: layout.indent, indentSeq: layout.indentSeq, flowCollectionPadding: padding });
  return text.replace(/\n$/, '').split('\n');
}

/** A yaml node for `value`: arrays of scalars in flow style (`[States.ALL]`), as ASL files write them. */
function toNode(doc: Document, value: FixValue, flow: boolean): Node {
  if (value === null || typeof value !== 'object') return doc.createNode(value) as Scalar;
  if (isIntrinsic(value)) {
    if (value.form === 'long') return toNode(doc, { [longFormKey(value.intrinsic)]: longFormArgs(value) }, flow);
    const node = toNode(doc, value.args, true);
    node.tag = `!${value.intrinsic}`;
    return node;
  }
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    seq.items.push(...(value as readonly FixValue[]).map((item) => toNode(doc, item, flow)));
    seq.flow = flow || (value.length > 0 && value.every((item: FixValue) => item === null || typeof item !== 'object'));
    return seq;
  }
  const map = new YAMLMap();
  for (const [key, item] of Object.entries(value as Record<string, FixValue>)) map.items.push(doc.createPair(key, toNode(doc, item, flow)));
  map.flow = flow;
  return map;
}
