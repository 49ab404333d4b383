/**
 * The TypeScript adapter's renderer: fix operations on ASL object literals → minimal text
 * edits (STYLE §3). New properties are written at their siblings' indentation in the file's
 * quote and comma style; a removed property goes with one comma; nothing else moves.
 *
 * Property ends are taken from `property.range` (the written expression, `as const` included),
 * not from the value node, whose range lies at a `const` declaration when it was resolved there.
 */
import type { FixOp, FixValue } from '../../engine/fix-ops';
import type { ArrayNode, AstNode, ObjectNode, PropertyNode } from '../../model/ast';
import { firstOnLine, lineIndentAt, lineStartAt } from '../line-geometry';
import { CannotRender, type RenderSource, type TextEdit } from '../text-edit';
import { detectTsLayout, renderTsInline, renderTsKey, renderTsValue, type TsLayout } from './render-value';
import { renderTsWrap } from './render-wrap';

/** Renders `ops` on a TypeScript/JavaScript file: edits in host offsets. */
export function render(source: RenderSource, ops: readonly FixOp[]): TextEdit[] {
  const renderer = new TsRenderer(source);
  return ops.flatMap((op) => renderer.render(op));
}

class TsRenderer {
  private readonly text: string;
  private readonly layout: TsLayout;

  constructor(private readonly source: RenderSource) {
    this.text = source.text;
    this.layout = detectTsLayout(source.text);
  }

  render(op: FixOp): TextEdit[] {
    if (op.op === 'wrap') {
      return renderTsWrap({ text: this.text, layout: this.layout, parentOf: (node) => this.source.parentOf(node), renderOp: (inner) => this.render(inner) }, op);
    }
    return [this.renderOne(op)];
  }

  private renderOne(op: Exclude<FixOp, { op: 'wrap' }>): TextEdit {
    switch (op.op) {
      case 'set':
        if (op.node.placeholder) return this.setTemplate(op.node, op.value);
        return { range: [op.node.range[0], op.node.range[1]], text: renderTsValue(op.value, lineIndentAt(this.text, op.node.range[0]), this.layout) };
      case 'renameKey':
        this.checkNewKey(this.source.parentOf(op.property), op.key);
        if (this.text[op.property.key.range[0]] === '[') throw new CannotRender('A computed property name is not renamed.');
        return { range: [op.property.key.range[0], op.property.key.range[1]], text: renderTsKey(op.key, this.layout) };
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

  private insertBefore(object: ObjectNode, key: string, value: FixValue, before: PropertyNode): TextEdit {
    this.checkObject(object);
    this.checkNewKey(object, key);
    const keyAt = before.key.range[0];
    const name = renderTsKey(key, this.layout);
    if (this.onOwnLine(keyAt, object.range[0])) {
      const indent = lineIndentAt(this.text, keyAt);
      return { range: [keyAt, keyAt], text: `${name}: ${renderTsValue(value, indent, this.layout)},${this.layout.eol}${indent}` };
    }
    return { range: [keyAt, keyAt], text: `${name}: ${renderTsInline(value, this.layout)}, ` };
  }

  private insert(object: ObjectNode, key: string, value: FixValue, after: PropertyNode | undefined): TextEdit {
    this.checkObject(object);
    this.checkNewKey(object, key);
    const [start, end] = object.range;
    const sibling = after ?? object.properties[object.properties.length - 1];
    const name = renderTsKey(key, this.layout);
    if (!sibling) {
      if (/\S/.test(this.text.slice(start + 1, end - 1))) throw new CannotRender('Unexpected text in an empty object literal.');
      const indent = lineIndentAt(this.text, start);
      const inner = indent + this.layout.unit;
      const close = this.layout.trailingComma ? ',' : '';
      return { range: [start + 1, end - 1], text: `${this.layout.eol}${inner}${name}: ${renderTsValue(value, inner, this.layout)}${close}${this.layout.eol}${indent}` };
    }
    const keyAt = sibling.key.range[0];
    const valueEnd = sibling.range[1];
    if (this.onOwnLine(keyAt, start)) {
      const indent = lineIndentAt(this.text, keyAt);
      const rendered = `${name}: ${renderTsValue(value, indent, this.layout)}`;
      // `Next: 'B', // why`: the comment stays on its line; the new property goes below it.
      const lineEnd = this.text.slice(valueEnd).search(/\r?\n|$/) + valueEnd;
      if (/^[ \t]*,[ \t]*(?:\/\/.*|\/\*.*\*\/[ \t]*)$/.test(this.text.slice(valueEnd, lineEnd))) {
        return { range: [lineEnd, lineEnd], text: `${this.layout.eol}${indent}${rendered},` };
      }
      return { range: [valueEnd, valueEnd], text: `,${this.layout.eol}${indent}${rendered}` };
    }
    return { range: [valueEnd, valueEnd], text: `, ${name}: ${renderTsInline(value, this.layout)}` };
  }

  private insertItem(array: ArrayNode, value: FixValue, after: AstNode | undefined): TextEdit {
    const [start, end] = array.range;
    if (this.text[start] !== '[') throw new CannotRender('The target of an item insert is not an array literal.');
    const sibling = after ?? array.items[array.items.length - 1];
    if (!sibling) {
      if (/\S/.test(this.text.slice(start + 1, end - 1))) throw new CannotRender('Unexpected text in an empty array literal.');
      return { range: [start + 1, end - 1], text: renderTsValue(value, lineIndentAt(this.text, start), this.layout) };
    }
    this.checkWrittenIn(sibling, array);
    const [itemStart, itemEnd] = sibling.range;
    if (this.onOwnLine(itemStart, start)) {
      const indent = lineIndentAt(this.text, itemStart);
      return { range: [itemEnd, itemEnd], text: `,${this.layout.eol}${indent}${renderTsValue(value, indent, this.layout)}` };
    }
    return { range: [itemEnd, itemEnd], text: `, ${renderTsInline(value, this.layout)}` };
  }

  /** An item goes with one comma, as a property does. */
  private removeItem(array: ArrayNode, item: AstNode): TextEdit {
    const index = array.items.indexOf(item);
    if (index === -1 || array.items.length < 2) throw new CannotRender('Cannot remove the only item of an array.');
    for (const each of array.items) this.checkWrittenIn(each, array);
    const next = array.items[index + 1];
    if (next) return { range: [item.range[0], next.range[0]], text: '' };
    return { range: [array.items[index - 1].range[1], item.range[1]], text: '' };
  }

  /** A property goes with one comma: the one after it, or the one before it when it is last. */
  private remove(property: PropertyNode): TextEdit {
    const parent = this.source.parentOf(property);
    if (parent?.kind !== 'object') throw new CannotRender('The property to remove has no parent object.');
    this.checkObject(parent);
    const index = parent.properties.indexOf(property);
    const next = parent.properties[index + 1];
    const previous = parent.properties[index - 1];
    if (next) return { range: [property.key.range[0], next.key.range[0]], text: '' };
    if (previous) return { range: [previous.range[1], property.range[1]], text: '' };
    const [start, end] = parent.range;
    return { range: [start + 1, end - 1], text: '' };
  }

  private onOwnLine(offset: number, open: number): boolean {
    return firstOnLine(this.text, offset) && lineStartAt(this.text, offset) > open;
  }

  /**
   * An object whose properties came partly from a spread or a method is not all written here:
   * inserting or removing by position could land in the wrong place.
   */
  private checkObject(object: ObjectNode): void {
    if (object.placeholder || this.text[object.range[0]] !== '{') throw new CannotRender('The object literal is not plain data.');
    for (const p of object.properties) {
      if (p.key.range[0] < object.range[0] || p.range[1] > object.range[1]) throw new CannotRender('A property of the object is written elsewhere (a spread).');
    }
  }

  /** An item spread in from a `const` is written elsewhere: positional edits would miss. */
  private checkWrittenIn(item: AstNode, array: ArrayNode): void {
    if (item.range[0] < array.range[0] || item.range[1] > array.range[1]) throw new CannotRender('An item of the array is written elsewhere (a spread).');
  }

  /**
   * A placeholder (a call, `process.env.X`…) is the user's code: never overwritten by data. A
   * template string is the exception: its placeholder value is its raw content, so a fix that
   * edits that text (`…submitJob` → `…submitJob.sync`) is written back as a template.
   */
  private setTemplate(node: AstNode, value: FixValue): TextEdit {
    if (this.text[node.range[0]] !== '`' || typeof value !== 'string' || value.includes('`')) throw new CannotRender('The value is computed, not literal.');
    return { range: [node.range[0], node.range[1]], text: `\`${value}\`` };
  }

  private checkNewKey(object: ObjectNode | ArrayNode | undefined, key: string): void {
    if (object?.kind === 'object' && object.properties.some((p) => p.key.value === key)) {
      throw new CannotRender(`The object already has a property "${key}".`);
    }
  }
}
