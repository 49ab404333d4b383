/**
 * Renders a `wrap` on block-style YAML: the group's text replaces the wrapped state's lines, and
 * each moved state's lines — the comments right above its key and its trailing comments
 * included — go into the branch re-indented, with their own edits applied. The group skeleton is
 * rendered alone by `yaml` with a placeholder per member, so its layout follows the file's.
 */
import type { FixOp, GroupMember, WrapOp } from '../../engine/fix-ops';
import type { AstNode, ObjectNode, PropertyNode } from '../../model/ast';
import { columnAt, firstOnLine } from '../line-geometry';
import { CannotRender, type RenderSource, type TextEdit } from '../text-edit';
import { CATCHER_KEY, groupValue, movedTextWithEdits } from '../wrap-group';
import { blankBefore, entrySpan, skipBlankLines } from './blocks';
import type { YamlLayout } from './layout';
import { renderBlockPair } from './render-value';

export interface WrapContext {
  readonly source: RenderSource;
  readonly layout: YamlLayout;
  /** Renders an edit inside a moved state, in host offsets. */
  renderOp(op: FixOp): TextEdit[];
  isFlow(node: ObjectNode): boolean;
}

const PLACEHOLDER = /^( *)__wf_lint_member_(\d+)__: null$/;
const CATCHER = new RegExp(`^( *)- ${CATCHER_KEY}: (\\d+)$`);

/** The edits of `op`: the group in place of `op.place`, and the moved states' old lines removed. */
export function renderYamlWrap(ctx: WrapContext, op: WrapOp): TextEdit[] {
  const { text } = ctx.source;
  const states = ctx.source.parentOf(op.place);
  if (states?.kind !== 'object' || ctx.isFlow(states)) throw new CannotRender('The "States" of the wrapped state is not a block mapping.');
  const place = entrySpan(text, op.place.key.range[0]);
  const edits: TextEdit[] = [];
  const members = op.members.map((member) => {
    if (!('move' in member)) return renderBlockPair(member.key, member.value, ctx.layout);
    if (ctx.source.parentOf(member.move) !== states) throw new CannotRender('A moved state is not a sibling of the wrapped state.');
    const span = entrySpan(text, member.move.key.range[0]);
    if (member.move !== op.place) {
      // A state set off by blank lines takes the blank lines after it along, so no double gap is left.
      const end = blankBefore(text, span.start) ? skipBlankLines(text, span.end) : span.end;
      edits.push({ range: [span.start, end], text: '' });
    }
    return movedLines(ctx, member, span);
  });

  const skeleton = renderBlockPair(op.key, groupValue(op), ctx.layout).flatMap((line) => {
    const member = PLACEHOLDER.exec(line);
    if (member) return members[Number(member[2])].map((l) => (/^\s*$/.test(l) ? l : member[1] + l));
    const catcher = CATCHER.exec(line);
    if (!catcher) return [line];
    const [first, ...rest] = catcherLines(text, (op.catchers![Number(catcher[2])] as { copy: AstNode }).copy);
    return [`${catcher[1]}- ${first}`, ...rest.map((l) => (/^\s*$/.test(l) ? l : `${catcher[1]}  ${l}`))];
  });
  const indent = ' '.repeat(place.column);
  const body = skeleton.map((line) => (/^\s*$/.test(line) ? line : indent + line)).join(ctx.layout.eol);
  const closing = text.slice(place.start, place.end).match(/\r?\n$/) ? ctx.layout.eol : '';
  edits.push({ range: [place.start, place.end], text: body + closing });
  return edits;
}

/** A moved state's lines at column 0, its edits applied. */
function movedLines(ctx: WrapContext, member: Extract<GroupMember, { move: PropertyNode }>, span: { start: number; end: number; column: number }): string[] {
  const { text } = ctx.source;
  const out = movedTextWithEdits(text, span.start, span.end, member.edits.flatMap((edit) => ctx.renderOp(edit)));
  const lines = out.replace(/\r?\n$/, '').split(/\r?\n/);
  refuseAnchors(lines);
  const margin = ' '.repeat(span.column);
  return lines.map((line) => {
    if (/^\s*$/.test(line)) return line;
    if (!line.startsWith(margin)) throw new CannotRender('A line of a moved state is less indented than its key.');
    return line.slice(span.column);
  });
}

/**
 * A catcher item's lines as written, for the group's `Catch`: the first line without its `- `,
 * the others relative to the item's column. A flow item must fit on one line.
 */
function catcherLines(text: string, item: AstNode): string[] {
  let dash = item.range[0] - 1;
  while (dash >= 0 && text[dash] === ' ') dash--;
  if (text[dash] !== '-' || !firstOnLine(text, dash)) {
    const flow = text.slice(item.range[0], item.range[1]);
    if (/[\r\n]/.test(flow)) throw new CannotRender('A catcher to move spans several lines of a flow sequence.');
    return [flow];
  }
  const column = columnAt(text, item.range[0]);
  const lines = text.slice(item.range[0], entrySpan(text, dash).end).replace(/\r?\n$/, '').split(/\r?\n/);
  refuseAnchors(lines);
  return lines.map((line, i) => {
    if (i === 0 || /^\s*$/.test(line)) return line;
    if (!line.startsWith(' '.repeat(column))) throw new CannotRender('A line of a moved catcher is less indented than the catcher.');
    return line.slice(column);
  });
}

/** Moving text that defines or uses an anchor could put an alias before its anchor. */
function refuseAnchors(lines: readonly string[]): void {
  if (lines.some((line) => !/^\s*#/.test(line) && /(?:^|[\s[{,])[&*][^\s,[\]{}]/.test(line))) {
    throw new CannotRender('Moved text holds a YAML anchor or alias.');
  }
}
