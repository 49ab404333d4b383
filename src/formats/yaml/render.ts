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
import { detectYamlLayout, renderBlockItem, renderBlockPair, renderInline, renderKey, renderScalarInStyle, type YamlLayout } from './render-value';

/** Renders `ops` on a YAML file: edits in host offsets. */
export function render(source: RenderSource, ops: readonly FixOp[]): TextEdit[] {
  const renderer = new YamlRenderer(source);
  return ops.map((op) => renderer.render(op));
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

  render(op: FixOp): TextEdit {
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
        return this.insert(op.object, op.key, op.value, op.after);
      case 'insertItem':
        return this.insertItem(op.array, op.value, op.after);
    }
  }

  private set(node: AstNode, value: FixValue): TextEdit {
    const flow = this.isFlow(this.source.parentOf(node));
    if (node.kind === 'scalar' && typeof value === 'string') {
      return { range: node.range, text: renderScalarInStyle(value, node.style, flow, this.layout) };
    }
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
    return this.insertLines(renderBlockPair(key, value, this.layout), columnAt(this.text, sibling.key.range[0]), sibling.value.range[1]);
  }

  private insertItem(array: ArrayNode, value: FixValue, after: AstNode | undefined): TextEdit {
    const sibling = after ?? array.items[array.items.length - 1];
    if (this.isFlow(array)) {
      const text = renderInline(value, true, this.layout);
      if (sibling) return { range: [sibling.range[1], sibling.range[1]], text: `, ${text}` };
      return this.fillEmpty(array, text);
    }
    if (!sibling) throw new CannotRender('Unexpected empty block sequence.');
    let dash = sibling.range[0] - 1;
    while (dash >= 0 && (this.text[dash] === ' ' || this.text[dash] === '\t')) dash--;
    if (this.text[dash] !== '-' || !firstOnLine(this.text, dash)) throw new CannotRender('Cannot find the "-" of a block sequence item.');
    return this.insertLines(renderBlockItem(value, this.layout), columnAt(this.text, dash), sibling.range[1]);
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
    if (firstOnLine(this.text, keyStart)) return { range: [lineStartAt(this.text, keyStart), this.lineAfter(valueEnd)], text: '' };
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
