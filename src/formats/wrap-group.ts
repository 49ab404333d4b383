/**
 * The value of a batch group a `wrap` creates, shared by the YAML and JSON renderers. Members
 * and copied catchers stand as placeholders: the renderer lays out the skeleton in the file's
 * own style, then puts each member's or catcher's text (moved or new) where its placeholder is.
 */
import type { FixValue, WrapOp } from '../engine/fix-ops';

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
