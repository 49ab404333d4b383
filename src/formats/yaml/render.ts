/**
 * The YAML adapter's renderer: fix operations → minimal text edits (STYLE §3, probe 06). A new
 * entry is rendered alone, indented like its sibling and inserted at the start of the line after
 * the sibling (after its trailing comment); a removed entry takes its whole lines. Every other
 * byte, comment and tag of the file stays as written.
 */
import type { FixOp, FixValue } from '../../engine/fix-ops';
import type { ArrayNode, AstNode, ObjectNode, PropertyNode } from '../../model/ast';
import { columnAt, firstOnLine, indentLines, lineStartAt } from '../line-geometry';
import { CannotRender, type RenderSource, type TextEdit } from '../text-edit';
import { contentEnd, entrySpan } from './blocks';
import { detectYamlLayout, type YamlLayout } from './layout';
import { renderBlockItem, renderBlockPair, renderInline, renderKey, renderScalarInStyle } from './render-value';
import { renderYamlWrap } from './render-wrap';

/** Renders `ops` on a YAML file: edits in host offsets. */
export function render(source: RenderSource, ops: readonly FixOp[]): TextEdit[] {
  const renderer = new YamlRenderer(source);
  return ops.flatMap((op) => renderer.render(op));
}

class YamlRenderer {
  private readonly text: string;
  private layoutCache: YamlLayout | undefined;

  constructor(private readonly source: RenderSource) {
    this.text = source.text;
  }

  private get layout(): YamlLayout {
    return (this.layoutCache ??= detectYamlLayout(this.text));
  }

  render(op: FixOp): TextEdit[] {
    if (op.op === 'wrap') {
      return renderYamlWrap({ source: this.source, layout: this.layout, renderOp: (inner) => this.render(inner), isFlow: (node) => this.isFlow(node) }, op);
    }
    return [this.renderOne(op)];
  }

  private renderOne(op: Exclude<FixOp, { op: 'wrap' }>): TextEdit {
    switch (op.op) {
      case 'set':
        return this.set(op.node, op.value);
      case 'renameKey': {
        const parent = this.source.parentOf(op.property);
        if (parent?.kind === 'object' && parent.properties.some((p) => p.key.value === op.key)) throw new CannotRender(`The object already has a property "${op.key}".`);
        return { range: op.property.key.range, text: renderKey(op.key, op.property.key.style, this.isFlow(parent), this.layout) };
      }
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

  private set(node: AstNode, value: FixValue): TextEdit {
    const flow = this.isFlow(this.source.parentOf(node));
    if (node.kind === 'scalar' && typeof value === 'string') {
      return { range: node.range, text: renderScalarInStyle(value, node.style, flow, this.layout) };
    }
    if (node.kind === 'array' && Array.isArray(value) && value.length > 0 && !flow && !this.isFlow(node)) return this.setBlockSequence(node, value);
    if (node.kind === 'scalar' ? node.style === 'block-literal' || node.style === 'block-folded' : this.slice(node).includes('\n')) {
      throw new CannotRender('Cannot replace a value that spans several lines.');
    }
    return { range: node.range, text: renderInline(value, flow, this.layout) };
  }

  private insert(object: ObjectNode, key: string, value: FixValue, after: PropertyNode | undefined): TextEdit {
    if (object.properties.some((p) => p.key.value === key)) throw new CannotRender(`The object already has a property "${key}".`);
    if (object.tag !== undefined) throw new CannotRender('Cannot insert into an intrinsic function.');
    const sibling = after ?? object.properties[object.properties.length - 1];
    if (this.isFlow(object)) {
      const text = `${renderKey(key, undefined, true, this.layout)}: ${renderInline(value, true, this.layout)}`;
      if (sibling) return { range: [sibling.value.range[1], sibling.value.range[1]], text: `, ${text}` };
      return this.fillEmpty(object, text);
    }
    if (!sibling) throw new CannotRender('Unexpected empty block mapping.');
    return this.insertLines(renderBlockPair(key, value, this.layout), columnAt(this.text, sibling.key.range[0]), contentEnd(this.text, sibling.value));
  }

  /** Inserts above `before` (and above the comment lines right above it). */
  private insertBefore(object: ObjectNode, key: string, value: FixValue, before: PropertyNode): TextEdit {
    if (object.properties.some((p) => p.key.value === key)) throw new CannotRender(`The object already has a property "${key}".`);
    if (object.tag !== undefined) throw new CannotRender('Cannot insert into an intrinsic function.');
    if (this.isFlow(object)) {
      const at = before.key.range[0];
      return { range: [at, at], text: `${renderKey(key, undefined, true, this.layout)}: ${renderInline(value, true, this.layout)}, ` };
    }
    const span = entrySpan(this.text, before.key.range[0]);
    const body = indentLines(renderBlockPair(key, value, this.layout), ' '.repeat(span.column), this.layout.eol);
    return { range: [span.start, span.start], text: `${body}${this.layout.eol}` };
  }

  private insertItem(array: ArrayNode, value: FixValue, after: AstNode | undefined): TextEdit {
    const sibling = after ?? array.items[array.items.length - 1];
    if (this.isFlow(array)) {
      const text = renderInline(value, true, this.layout);
      if (sibling) return { range: [sibling.range[1], sibling.range[1]], text: `, ${text}` };
      return this.fillEmpty(array, text);
    }
    if (!sibling) throw new CannotRender('Unexpected empty block sequence.');
    const dash = this.dashOf(sibling);
    return this.insertLines(renderBlockItem(value, this.layout), columnAt(this.text, dash), contentEnd(this.text, sibling));
  }

  /** Removes a block item with its whole lines, or a flow item with one comma. */
  private removeItem(array: ArrayNode, item: AstNode): TextEdit {
    const index = array.items.indexOf(item);
    if (index === -1 || array.items.length < 2) throw new CannotRender('Cannot remove the only item of a sequence.');
    const next = array.items[index + 1];
    const previous = array.items[index - 1];
    if (this.isFlow(array)) {
      if (next) return { range: [item.range[0], next.range[0]], text: '' };
      return { range: [previous.range[1], item.range[1]], text: '' };
    }
    const dash = this.dashOf(item);
    return { range: [lineStartAt(this.text, dash), this.lineAfter(contentEnd(this.text, item))], text: '' };
  }

  /** Replaces the items of a block sequence, keeping its column. */
  private setBlockSequence(array: ArrayNode, value: readonly FixValue[]): TextEdit {
    if (array.items.length === 0) throw new CannotRender('Unexpected empty block sequence.');
    const dash = this.dashOf(array.items[0]);
    const lines = value.flatMap((item) => renderBlockItem(item, this.layout));
    const end = this.lineAfter(contentEnd(this.text, array));
    const body = indentLines(lines, ' '.repeat(columnAt(this.text, dash)), this.layout.eol);
    return { range: [lineStartAt(this.text, dash), end], text: end === this.text.length && !this.text.endsWith('\n') ? body : `${body}${this.layout.eol}` };
  }

  /** The `-` of a block sequence item, which must start its line. */
  private dashOf(item: AstNode): number {
    let dash = item.range[0] - 1;
    while (dash >= 0 && (this.text[dash] === ' ' || this.text[dash] === '\t')) dash--;
    if (this.text[dash] !== '-' || !firstOnLine(this.text, dash)) throw new CannotRender('Cannot find the "-" of a block sequence item.');
    return dash;
  }

  /** Removes a block entry with its whole lines, or a flow entry with one comma. */
  private remove(property: PropertyNode): TextEdit {
    const parent = this.source.parentOf(property);
    if (parent?.kind !== 'object') throw new CannotRender('The property to remove has no parent object.');
    const index = parent.properties.indexOf(property);
    const next = parent.properties[index + 1];
    const previous = parent.properties[index - 1];
    const keyStart = property.key.range[0];
    const valueEnd = property.value.range[1];
    const ownEnd = contentEnd(this.text, property.value);
    if (this.isFlow(parent)) {
      if (next) return { range: [keyStart, next.key.range[0]], text: '' };
      if (previous) return { range: [previous.value.range[1], valueEnd], text: '' };
      return { range: [parent.range[0] + 1, parent.range[1] - 1], text: this.layout.mapPadding ? ' ' : '' };
    }
    // The last entry of a block mapping: the mapping becomes an empty flow mapping, not null.
    if (parent.properties.length === 1) {
      // A block value's range ends past its line break, which must stay.
      const lineBreak = /\r?\n$/.exec(this.text.slice(keyStart, valueEnd))?.[0] ?? '';
      return { range: [keyStart, valueEnd - lineBreak.length], text: '{}' };
    }
    if (firstOnLine(this.text, keyStart)) return { range: [lineStartAt(this.text, keyStart), this.lineAfter(ownEnd)], text: '' };
    // `- Key: value` — the next entry moves up behind the dash.
    if (next) return { range: [keyStart, next.key.range[0]], text: '' };
    throw new CannotRender('Cannot remove this entry without breaking its line.');
  }

  /** Inserts rendered lines at `column`, on the line after the node ending at `end`. */
  private insertLines(lines: readonly string[], column: number, end: number): TextEdit {
    const at = this.lineAfter(end);
    const body = indentLines(lines, ' '.repeat(column), this.layout.eol);
    if (at === this.text.length && !this.text.endsWith('\n')) return { range: [at, at], text: `${this.layout.eol}${body}` };
    return { range: [at, at], text: `${body}${this.layout.eol}` };
  }

  /** The start of the line after the node ending at `end`, past its trailing comment. */
  private lineAfter(end: number): number {
    if (end > 0 && this.text[end - 1] === '\n') return end;
    const newline = this.text.indexOf('\n', end);
    const rest = this.text.slice(end, newline === -1 ? this.text.length : newline);
    if (!/^[ \t]*(#.*)?\r?$/.test(rest)) throw new CannotRender('Unexpected text after the node on its line.');
    return newline === -1 ? this.text.length : newline + 1;
  }

  private fillEmpty(node: AstNode, text: string): TextEdit {
    const [start, end] = node.range;
    if (/\S/.test(this.text.slice(start + 1, end - 1))) throw new CannotRender('Unexpected text in an empty flow collection.');
    const pad = (node.kind === 'array' ? this.layout.seqPadding : this.layout.mapPadding) ? ' ' : '';
    return { range: [start + 1, end - 1], text: `${pad}${text}${pad}` };
  }

  /** True inside `{…}` or `[…]` (intrinsics are looked through to their container). */
  private isFlow(node: ObjectNode | ArrayNode | undefined): boolean {
    let current = node;
    while (current?.kind === 'object' && current.tag !== undefined) current = this.source.parentOf(current);
    if (!current) return false;
    const first = this.text[current.range[0]];
    return first === '{' || first === '[';
  }

  private slice(node: AstNode): string {
    return this.text.slice(node.range[0], node.range[1]);
  }
}
