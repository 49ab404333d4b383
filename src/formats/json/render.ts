/**
 * The JSON adapter's renderer: fix operations → minimal text edits (STYLE §3). New values are
 * written at the indentation of their siblings, commas are added or removed with the property,
 * and nothing else in the file moves. Works on a `JsonView` so that JSON embedded in a
 * CloudFormation string is rendered the same way (see `embedded.ts`).
 */
import type { FixOp } from '../../engine/fix-ops';
import type { ArrayNode, AstNode, ObjectNode, PropertyNode } from '../../model/ast';
import { firstOnLine, lineBreakOf, lineIndentAt, lineStartAt } from '../line-geometry';
import { CannotRender, type RenderSource, type TextEdit } from '../text-edit';
import { renderJsonInline, renderJsonValue, type JsonLayout } from './render-value';
import { renderJsonWrap } from './render-wrap';

/** JSON text and how host offsets (AST ranges) map into it. */
export interface JsonView {
  readonly text: string;
  /** The offset in `text` of a host offset; throws `CannotRender` when there is none. */
  local(offset: number): number;
}

/** Renders `ops` on a `.json` file: edits in host offsets. */
export function render(source: RenderSource, ops: readonly FixOp[]): TextEdit[] {
  return renderView({ text: source.text, local: (offset) => offset }, source, ops);
}

/** Renders `ops` on the JSON of `view`: edits in `view.text` offsets. */
export function renderView(view: JsonView, source: Pick<RenderSource, 'parentOf'>, ops: readonly FixOp[]): TextEdit[] {
  const renderer = new JsonRenderer(view, source);
  return ops.flatMap((op) => renderer.render(op));
}

class JsonRenderer {
  private readonly text: string;
  private readonly layout: JsonLayout;

  constructor(private readonly view: JsonView, private readonly source: Pick<RenderSource, 'parentOf'>) {
    this.text = view.text;
    this.layout = detectLayout(view.text);
  }

  render(op: FixOp): TextEdit[] {
    if (op.op === 'wrap') {
      return renderJsonWrap({ text: this.text, layout: this.layout, at: (offset) => this.at(offset), parentOf: (node) => this.source.parentOf(node), renderOp: (inner) => this.render(inner) }, op);
    }
    return [this.renderOne(op)];
  }

  private renderOne(op: Exclude<FixOp, { op: 'wrap' }>): TextEdit {
    switch (op.op) {
      case 'set':
        return this.edit(op.node.range[0], op.node.range[1], renderJsonValue(op.value, lineIndentAt(this.text, this.at(op.node.range[0])), this.layout));
      case 'renameKey':
        this.checkNewKey(this.source.parentOf(op.property), op.key);
        return this.edit(op.property.key.range[0], op.property.key.range[1], JSON.stringify(op.key));
      case 'remove':
        return this.remove(op.property);
      case 'insert':
        return op.before ? this.insertBefore(op.object, op.key, op.value, op.before) : this.insert(op.object, op.key, op.value, op.after);
      case 'insertItem':
        return this.insertItem(op.array, op.value, op.after);
      case 'removeItem':
        return this.removeItem(op.array, op.item);
    }
  }

  /** Inserts in front of `before`, on its own line when `before` has one. */
  private insertBefore(object: ObjectNode, key: string, value: Parameters<typeof renderJsonValue>[0], before: PropertyNode): TextEdit {
    this.checkNewKey(object, key);
    const keyAt = this.at(before.key.range[0]);
    const name = JSON.stringify(key);
    const colon = this.colonOf(before);
    if (this.onOwnLine(keyAt, this.at(object.range[0]))) {
      const indent = lineIndentAt(this.text, keyAt);
      return { range: [keyAt, keyAt], text: `${name}${colon}${renderJsonValue(value, indent, this.layout)},${this.layout.eol}${indent}` };
    }
    return { range: [keyAt, keyAt], text: `${name}${colon}${renderJsonInline(value, this.layout)}${this.layout.comma}` };
  }

  /** An item goes with one comma, as a property does. */
  private removeItem(array: ArrayNode, item: AstNode): TextEdit {
    const index = array.items.indexOf(item);
    if (index === -1 || array.items.length < 2) throw new CannotRender('Cannot remove the only item of an array.');
    const next = array.items[index + 1];
    if (next) return this.edit(item.range[0], next.range[0], '');
    return this.edit(array.items[index - 1].range[1], item.range[1], '');
  }

  private insert(object: ObjectNode, key: string, value: Parameters<typeof renderJsonValue>[0], after: PropertyNode | undefined): TextEdit {
    this.checkNewKey(object, key);
    const [start, end] = this.localRange(object);
    if (this.text[start] !== '{') throw new CannotRender('The target of an insert is not a JSON object.');
    const sibling = after ?? object.properties[object.properties.length - 1];
    const name = JSON.stringify(key);
    if (!sibling) {
      if (/\S/.test(this.text.slice(start + 1, end - 1))) throw new CannotRender('Unexpected text in an empty JSON object.');
      if (!this.text.includes('\n')) return { range: [start + 1, end - 1], text: `${name}${this.layout.colon}${renderJsonInline(value, this.layout)}` };
      const indent = lineIndentAt(this.text, start);
      const inner = indent + this.layout.unit;
      const text = `${this.layout.eol}${inner}${name}${this.layout.colon}${renderJsonValue(value, inner, this.layout)}${this.layout.eol}${indent}`;
      return { range: [start + 1, end - 1], text };
    }
    const keyAt = this.at(sibling.key.range[0]);
    const valueEnd = this.at(sibling.value.range[1]);
    const colon = this.colonOf(sibling);
    if (this.onOwnLine(keyAt, start)) {
      const indent = lineIndentAt(this.text, keyAt);
      return { range: [valueEnd, valueEnd], text: `,${this.layout.eol}${indent}${name}${colon}${renderJsonValue(value, indent, this.layout)}` };
    }
    return { range: [valueEnd, valueEnd], text: `${this.layout.comma}${name}${colon}${renderJsonInline(value, this.layout)}` };
  }

  private insertItem(array: ArrayNode, value: Parameters<typeof renderJsonValue>[0], after: AstNode | undefined): TextEdit {
    const [start, end] = this.localRange(array);
    if (this.text[start] !== '[') throw new CannotRender('The target of an item insert is not a JSON array.');
    const sibling = after ?? array.items[array.items.length - 1];
    if (!sibling) {
      if (/\S/.test(this.text.slice(start + 1, end - 1))) throw new CannotRender('Unexpected text in an empty JSON array.');
      return { range: [start + 1, end - 1], text: renderJsonValue(value, lineIndentAt(this.text, start), this.layout) };
    }
    const [itemStart, itemEnd] = this.localRange(sibling);
    if (this.onOwnLine(itemStart, start)) {
      const indent = lineIndentAt(this.text, itemStart);
      return { range: [itemEnd, itemEnd], text: `,${this.layout.eol}${indent}${renderJsonValue(value, indent, this.layout)}` };
    }
    return { range: [itemEnd, itemEnd], text: `${this.layout.comma}${renderJsonInline(value, this.layout)}` };
  }

  /** A property goes with one comma: the one after it, or the one before it when it is last. */
  private remove(property: PropertyNode): TextEdit {
    const parent = this.source.parentOf(property);
    if (parent?.kind !== 'object') throw new CannotRender('The property to remove has no parent object.');
    const index = parent.properties.indexOf(property);
    const next = parent.properties[index + 1];
    const previous = parent.properties[index - 1];
    if (next) return this.edit(property.key.range[0], next.key.range[0], '');
    if (previous) return this.edit(previous.value.range[1], property.value.range[1], '');
    const [start, end] = this.localRange(parent);
    return { range: [start + 1, end - 1], text: '' };
  }

  /** True when `offset` starts its own line below the line of the collection opening at `open`. */
  private onOwnLine(offset: number, open: number): boolean {
    return firstOnLine(this.text, offset) && lineStartAt(this.text, offset) > open;
  }

  private colonOf(property: PropertyNode): string {
    const between = this.text.slice(this.at(property.key.range[1]), this.at(property.value.range[0]));
    return /^[ \t]*:[ \t]*$/.test(between) ? between : this.layout.colon;
  }

  private checkNewKey(object: ObjectNode | ArrayNode | undefined, key: string): void {
    if (object?.kind === 'object' && object.properties.some((p) => p.key.value === key)) {
      throw new CannotRender(`The object already has a property "${key}".`);
    }
  }

  private edit(start: number, end: number, text: string): TextEdit {
    return { range: [this.at(start), this.at(end)], text };
  }

  private at(offset: number): number {
    return this.view.local(offset);
  }

  private localRange(node: AstNode): [number, number] {
    return [this.at(node.range[0]), this.at(node.range[1])];
  }
}

let memo: { text: string; layout: JsonLayout } | undefined;

/** The file's indentation unit, line break and spacing, from their first occurrences. */
export function detectLayout(text: string): JsonLayout {
  if (memo?.text !== text) memo = { text, layout: measureLayout(text) };
  return memo.layout;
}

function measureLayout(text: string): JsonLayout {
  const unit = /\n([ \t]+)["{[\]}]/.exec(text)?.[1] ?? '  ';
  const colon = /"[ \t]*:[ \t]*(?=\S)/.exec(text)?.[0].slice(1) ?? ': ';
  const comma = /,([ \t]*)(?=[^\s,])/.exec(text)?.[1] ?? ' ';
  const brace = /\{([ \t]*)"/.exec(text)?.[1] ?? '';
  return { unit, eol: lineBreakOf(text), colon, comma: `,${comma}`, brace };
}
