/**
 * Renders a `wrap` on a TypeScript object literal: the group's text replaces the wrapped
 * property, each moved state's text (comments included, its own edits applied) goes into the
 * branch re-indented, and the moved properties leave with one comma per run. The group skeleton
 * is rendered in the file's style with a placeholder per member, as the JSON renderer does.
 */
import type { FixOp, GroupMember, WrapOp } from '../../engine/fix-ops';
import type { ArrayNode, AstNode, ObjectNode, PropertyNode } from '../../model/ast';
import { firstOnLine, lineIndentAt, lineStartAt } from '../line-geometry';
import { CannotRender, type TextEdit } from '../text-edit';
import { CATCHER_KEY, groupValue, movedTextWithEdits, reindent, removeMovedStates } from '../wrap-group';
import { renderTsInline, renderTsKey, renderTsValue, type TsLayout } from './render-value';

export interface TsWrapContext {
  readonly text: string;
  readonly layout: TsLayout;
  parentOf(node: PropertyNode): ObjectNode | ArrayNode | undefined;
  renderOp(op: FixOp): TextEdit[];
}

const PLACEHOLDER = /["']?__wf_lint_member_(\d+)__["']?[ \t]*:[ \t]*null/g;
const CATCHER = new RegExp(`\\{\\s*["']?${CATCHER_KEY}["']?\\s*:\\s*(\\d+),?\\s*\\}`, 'g');

export function renderTsWrap(ctx: TsWrapContext, op: WrapOp): TextEdit[] {
  const { text, layout } = ctx;
  const states = ctx.parentOf(op.place);
  if (states?.kind !== 'object') throw new CannotRender('The wrapped state is not in a "States" object.');
  if (states.placeholder || states.properties.some((p) => p.key.range[0] < states.range[0] || p.range[1] > states.range[1])) {
    throw new CannotRender('The "States" object literal is not all written in one place.');
  }
  const keyAt = op.place.key.range[0];
  const multiline = firstOnLine(text, keyAt) && lineStartAt(text, keyAt) > states.range[0];
  const indent = multiline ? lineIndentAt(text, keyAt) : '';
  const skeleton = multiline ? renderTsValue(groupValue(op), indent, layout) : renderTsInline(groupValue(op), layout);
  const group = skeleton.replace(PLACEHOLDER, (match, index: string, offset: number) => {
    const member = op.members[Number(index)];
    const memberIndent = multiline ? lineIndentAt(skeleton, offset) : '';
    if (!('move' in member)) {
      const value = multiline ? renderTsValue(member.value, memberIndent, layout) : renderTsInline(member.value, layout);
      return `${renderTsKey(member.key, layout)}: ${value}`;
    }
    return movedText(ctx, member, memberIndent, multiline);
  });
  const withCatchers = group.replace(CATCHER, (match, index: string, offset: number) => {
    const item = (op.catchers![Number(index)] as { copy: AstNode }).copy;
    const copied = writtenText(text, item.range);
    if (!multiline) return copied;
    return reindent(copied, lineIndentAt(text, item.range[0]), lineIndentAt(group, offset));
  });
  const edits: TextEdit[] = [{ range: [keyAt, op.place.range[1]], text: `${renderTsKey(op.key, layout)}: ${withCatchers}` }];
  return [...edits, ...removeMovedStates(states, op)];
}

/** A moved property's text with its edits applied, its continuation lines moved to `indent`. */
function movedText(ctx: TsWrapContext, member: Extract<GroupMember, { move: PropertyNode }>, indent: string, multiline: boolean): string {
  const { text } = ctx;
  const [start, end] = member.move.range;
  // Checked on the whole original text, not only on what follows the last edit.
  refuseMultilineTemplates(text.slice(start, end));
  const out = movedTextWithEdits(text, start, end, member.edits.flatMap((edit) => ctx.renderOp(edit)));
  if (!multiline) return out;
  return reindent(out, lineIndentAt(text, start), indent);
}

/** The text of a range, refused when re-indenting it could change a value. */
function writtenText(text: string, range: readonly [number, number]): string {
  const written = text.slice(range[0], range[1]);
  refuseMultilineTemplates(written);
  return written;
}

/** Refuses moved or copied text whose re-indentation could change a value. */
function refuseMultilineTemplates(written: string): void {
  // A template literal may hold raw line breaks: their indentation is data. (Split on
  // backticks, the odd pieces are template text; nested templates are rare enough to refuse.)
  const pieces = written.split('`');
  if (pieces.some((piece, i) => i % 2 === 1 && (piece.includes('\n') || piece.includes('${`')))) {
    throw new CannotRender('A moved state holds a template literal that spans lines.');
  }
}
