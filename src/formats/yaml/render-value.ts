/**
 * Fix values as YAML text. New subtrees are rendered alone with `yaml`'s stringifier (never the
 * whole file: it normalises spacing, probe 01) in the file's own layout, and intrinsics become
 * CloudFormation short tags (`!GetAtt pre-batch.Arn`).
 */
import { Document, isScalar, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { isIntrinsic, type FixValue } from '../../engine/fix-ops';
import type { ScalarStyle } from '../../model/ast';
import { lineBreakOf } from '../line-geometry';
import { CannotRender } from '../text-edit';
import { longFormArgs, longFormKey } from '../intrinsic-form';

export interface YamlLayout {
  /** Spaces per nesting level. */
  readonly indent: number;
  /** `key:\n  - item` (true) or `key:\n- item` (false). */
  readonly indentSeq: boolean;
  /** `[ a, b ]` (true) or `[a, b]` (false). */
  readonly seqPadding: boolean;
  /** `{ a: 1 }` (true) or `{a: 1}` (false). */
  readonly mapPadding: boolean;
  readonly eol: string;
}

let memo: { text: string; layout: YamlLayout } | undefined;

/** The layout most used in `text` (remembered for the last text: one file's fixes are rendered in a row). */
export function detectYamlLayout(text: string): YamlLayout {
  if (memo?.text !== text) memo = { text, layout: measureLayout(text) };
  return memo.layout;
}

function measureLayout(text: string): YamlLayout {
  const lines = text.split(/\r?\n/);
  const steps = new Map<number, number>();
  let indented = 0;
  let flush = 0;
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)(- +)*[^\s#-][^#]*:[ \t]*(#.*)?$/.exec(lines[i]);
    if (!open) continue;
    const keyColumn = open[1].length + (open[2]?.length ?? 0);
    let j = i + 1;
    while (j < lines.length && /^\s*(#.*)?$/.test(lines[j])) j++;
    const next = /^( *)(-( |$))?/.exec(lines[j] ?? '')!;
    const column = next[1].length;
    if (next[2]) {
      if (column > keyColumn) indented++;
      else if (column === keyColumn) flush++;
    } else if (column > keyColumn) {
      steps.set(column - keyColumn, (steps.get(column - keyColumn) ?? 0) + 1);
    }
  }
  const indent = [...steps].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 2;
  return {
    indent: Math.min(Math.max(indent, 1), 8),
    indentSeq: indented >= flush,
    seqPadding: padded(text, '[', ']'),
    mapPadding: padded(text, '{', '}'),
    eol: lineBreakOf(text),
  };
}

/** Whether most flow collections opened by `open` have a space inside (`$[0]`, `#{x}` are not collections). */
function padded(text: string, open: string, close: string): boolean {
  const o = `\\${open}`;
  const c = `\\${close}`;
  const spaced = text.match(new RegExp(`(?:^|[\\s,[{])${o} [^\\s${c}]`, 'gm'))?.length ?? 0;
  const tight = text.match(new RegExp(`(?:^|[\\s,[{])${o}[^\\s${c}]`, 'gm'))?.length ?? 0;
  return spaced > tight;
}

/** The lines of `key: value` as a block mapping entry at column 0. */
export function renderBlockPair(key: string, value: FixValue, layout: YamlLayout): string[] {
  const doc = new Document(null);
  const map = new YAMLMap();
  map.items.push(doc.createPair(key, toNode(doc, value, false)));
  doc.contents = map;
  return stringify(doc, layout);
}

/** The lines of `- value` as a block sequence item at column 0. */
export function renderBlockItem(value: FixValue, layout: YamlLayout): string[] {
  const doc = new Document(null);
  const seq = new YAMLSeq();
  seq.items.push(toNode(doc, value, false));
  doc.contents = seq;
  return stringify(doc, layout);
}

/** `value` on one line, quoted as its context needs (inside `{}`/`[]` or in block context). */
export function renderInline(value: FixValue, flowContext: boolean, layout: YamlLayout): string {
  if (typeof value === 'string' && /[\n\r]/.test(value)) return JSON.stringify(value);
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
  const doc = parseDocument(flowContext ? `{${key}: x}` : `${key}: x`);
  const pair = (doc.contents as YAMLMap | null)?.items?.[0];
  if (doc.errors.length === 0 && isScalar(pair?.key) && pair.key.value === key && pair.key.type === Scalar.PLAIN) return key;
  return JSON.stringify(key);
}

/** True when `value` written plain reads back as the same string. */
function isPlainSafe(value: string, flowContext: boolean): boolean {
  if (value === '' || value !== value.trim()) return false;
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
