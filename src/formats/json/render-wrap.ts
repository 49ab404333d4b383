/**
 * Renders a `wrap` on JSON (a file, or the decoded text of an embedded definition): the group's
 * text replaces the wrapped property, each moved state's text goes into the branch re-indented
 * with its own edits applied, and the moved properties leave with one comma per run. The group
 * skeleton is rendered in the file's layout with a placeholder per member.
 */
import type { FixOp, GroupMember, WrapOp } from '../../engine/fix-ops';
import type { ArrayNode, AstNode, ObjectNode, PropertyNode } from '../../model/ast';
import { firstOnLine, lineIndentAt, lineStartAt } from '../line-geometry';
import { CannotRender, type TextEdit } from '../text-edit';
import { CATCHER_KEY, groupValue, movedTextWithEdits, reindent, removeMovedStates } from '../wrap-group';
import { renderJsonInline, renderJsonValue, type JsonLayout } from './render-value';

export interface JsonWrapContext {
  /** The JSON text edits are expressed in. */
  readonly text: string;
  readonly layout: JsonLayout;
  /** The offset in `text` of a host offset. */
  at(offset: number): number;
  parentOf(node: PropertyNode): ObjectNode | ArrayNode | undefined;
  renderOp(op: FixOp): TextEdit[];
}

const PLACEHOLDER = /"__wf_lint_member_(\d+)__"[ \t]*:[ \t]*null/g;
const CATCHER = new RegExp(`\\{\\s*"${CATCHER_KEY}"\\s*:\\s*(\\d+)\\s*\\}`, 'g');

export function renderJsonWrap(ctx: JsonWrapContext, op: WrapOp): TextEdit[] {
  const { text, layout } = ctx;
  const states = ctx.parentOf(op.place);
  if (states?.kind !== 'object') throw new CannotRender('The wrapped state is not in a "States" object.');
  const keyAt = ctx.at(op.place.key.range[0]);
  const multiline = firstOnLine(text, keyAt) && lineStartAt(text, keyAt) > ctx.at(states.range[0]);
  const indent = multiline ? lineIndentAt(text, keyAt) : '';
  const skeleton = multiline ? renderJsonValue(groupValue(op), indent, layout) : renderJsonInline(groupValue(op), layout);
  const group = skeleton.replace(PLACEHOLDER, (match, index: string, offset: number) => {
    const member = op.members[Number(index)];
    const memberIndent = multiline ? lineIndentAt(skeleton, offset) : '';
    if (!('move' in member)) {
      const value = multiline ? renderJsonValue(member.value, memberIndent, layout) : renderJsonInline(member.value, layout);
      return `${JSON.stringify(member.key)}${layout.colon}${value}`;
    }
    return movedText(ctx, member, memberIndent, multiline);
  });
  const withCatchers = group.replace(CATCHER, (match, index: string, offset: number) => {
    const item = (op.catchers![Number(index)] as { copy: AstNode }).copy;
    const start = ctx.at(item.range[0]);
    const copied = text.slice(start, ctx.at(item.range[1]));
    if (!multiline) return copied;
    return reindent(copied, lineIndentAt(text, start), lineIndentAt(group, offset));
  });
  const edits: TextEdit[] = [{ range: [keyAt, ctx.at(op.place.value.range[1])], text: `${JSON.stringify(op.key)}${layout.colon}${withCatchers}` }];
  return [...edits, ...removeMovedStates(states, op, ctx.at)];
}

/** A moved property's text with its edits applied, its continuation lines moved to `indent`. */
function movedText(ctx: JsonWrapContext, member: Extract<GroupMember, { move: PropertyNode }>, indent: string, multiline: boolean): string {
  const { text } = ctx;
  const start = ctx.at(member.move.key.range[0]);
  const end = ctx.at(member.move.value.range[1]);
  const out = movedTextWithEdits(text, start, end, member.edits.flatMap((edit) => ctx.renderOp(edit)));
  if (!multiline) return out;
  return reindent(out, lineIndentAt(text, start), indent);
}
