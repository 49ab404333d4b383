/**
 * What the renderers of a `wrap` share. The value of the batch group (YAML, JSON and TS): members
 * and copied catchers stand as placeholders, the renderer lays out the skeleton in the file's own
 * style, then puts each member's or catcher's text (moved or new) where its placeholder is. And,
 * for the comma-separated formats (JSON and TS), re-indenting moved text and removing the moved
 * states from their old place.
 */
import type { FixValue, WrapOp } from '../engine/fix-ops';
import type { ObjectNode, PropertyNode } from '../model/ast';
import { CannotRender, type TextEdit } from './text-edit';

/** The key of a copied catcher's placeholder item, `{ [CATCHER_KEY]: index }`. */
export const CATCHER_KEY = '__wf_lint_catcher__';

/** The placeholder key of member `index`; no real state name looks like it. */
export function placeholderKey(index: number): string {
  return `__wf_lint_member_${index}__`;
}

/** The group as a value: `Type`, `Branches` with the placeholders, `op.fields` in order, `Catch`. */
export function groupValue(op: WrapOp): { [key: string]: FixValue } {
  const states = Object.fromEntries(op.members.map((_, i) => [placeholderKey(i), null]));
  const group: { [key: string]: FixValue } = { Type: 'Parallel', Branches: [{ StartAt: op.startAt, States: states }], ...op.fields };
  const catchers = op.catchers ?? [];
  if (catchers.length > 0) group.Catch = catchers.map((c, i) => ('copy' in c ? { [CATCHER_KEY]: i } : c.value));
  return group;
}

/**
 * The text of a moved state, `[start, end)` of `text`, with its own `edits` applied (they must
 * lie inside it and not overlap). YAML, JSON and TS move states this way.
 */
export function movedTextWithEdits(text: string, start: number, end: number, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let at = start;
  for (const edit of sorted) {
    const [from, to] = edit.range;
    if (from < at || to > end) throw new CannotRender('An edit of a moved state overlaps another or falls outside it.');
    out += text.slice(at, from) + edit.text;
    at = to;
  }
  return out + text.slice(at, end);
}

/**
 * `code` with the indentation `from` of its continuation lines replaced by `to`. Every line
 * break in `code` must be layout: JSON strings hold none, and the TS renderer refuses to move a
 * template literal that spans lines.
 */
export function reindent(code: string, from: string, to: string): string {
  return code.replace(/(\r?\n)([ \t]*)/g, (_, eol: string, space: string) => eol + (space.startsWith(from) ? to + space.slice(from.length) : space));
}

/**
 * Removes the moved properties of `states` other than the wrapped one, in a comma-separated
 * object (JSON, TS). Each run of consecutive removed properties goes with the comma after it,
 * or, at the end of the object, the comma before it, so the ranges never overlap each other or
 * the group's. `at` maps an offset of the tree to the text edited (JSON embedded in a string).
 */
export function removeMovedStates(states: ObjectNode, op: WrapOp, at: (offset: number) => number = (offset) => offset): TextEdit[] {
  const moved = new Set<PropertyNode>();
  for (const member of op.members) if ('move' in member && member.move !== op.place) moved.add(member.move);
  const properties = states.properties;
  for (const property of moved) if (!properties.includes(property)) throw new CannotRender('A moved state is not a sibling of the wrapped state.');
  const edits: TextEdit[] = [];
  for (let i = 0; i < properties.length; i++) {
    if (!moved.has(properties[i])) continue;
    let last = i;
    while (last + 1 < properties.length && moved.has(properties[last + 1])) last++;
    const next = properties[last + 1];
    const previous = properties[i - 1];
    if (next) edits.push({ range: [at(properties[i].key.range[0]), at(next.key.range[0])], text: '' });
    else if (previous) edits.push({ range: [at(previous.range[1]), at(properties[last].range[1])], text: '' });
    else throw new CannotRender('Unexpected: every state of the object moves.');
    i = last;
  }
  return edits;
}
