/**
 * The batch-group wrap on CDK code, for the common shape only: a Batch job chained between its
 * pre- and post-batch in one `.next()` chain,
 *
 *     head.next(pre).next(job).next(post).next(rest)     (or `pre.next(job)…`, `Chain.start(pre)…`)
 *
 * becomes
 *
 *     head.next(new sfn.Parallel(this, 'job-group', { outputPath: '$[0]' })
 *       .branch(pre.next(job.addCatch(post, …)).next(post)).addRetry(…).addCatch(…)).next(rest)
 *
 * Any other shape (members chained in separate statements, a new pre/post-batch to create, a
 * catcher to move, a second entry into the triad) throws `CannotRender`.
 */
import { ts } from 'ts-morph';
import type { FixOp, FixValue, GroupMember, WrapOp } from '../../../engine/fix-ops';
import { CannotRender, type TextEdit } from '../../text-edit';
import type { CdkState } from './chain-graph';
import type { CdkRenderer } from './render';
import { quoted, type CdkSpeller } from './spell';
import { constantDeclaration, unwrapExpression } from './variables';

/** The edits of a wrap fix: `wrap` itself, plus `others` (the rewiring of entries into the triad). */
export function renderWrap(renderer: CdkRenderer, wrap: WrapOp, others: readonly FixOp[], text: string): TextEdit[] {
  const [pre, job, post] = wrap.members.map((member) => movedState(renderer, member));
  const jobOrigin = renderer.originOf(wrap.place);
  if (wrap.members.length !== 3 || jobOrigin.kind !== 'state' || jobOrigin.state !== job) throw new CannotRender('Only a job between existing pre- and post-batch states is wrapped.');
  if (pre.next?.target !== job || job.next?.target !== post) throw new CannotRender('The triad is not chained pre → job → post.');
  const toJob = pre.next.call;
  const toPost = job.next.call;
  // `….next(job).next(post)` written as one expression: the second call's receiver is the first.
  const between = receiverOf(toPost);
  if (!between || unwrapExpression(between) !== toJob) throw new CannotRender('The triad is not one chain expression.');
  const entered = entryOf(unwrapExpression(receiverOf(toJob)!), pre);
  checkEntries(renderer, others, wrap.key, entered.call, pre);
  checkExit(wrap.fields, post, toPost);

  const speller = renderer.spelling;
  const scope = job.construction.arguments?.[0];
  if (!scope || !(scope.kind === ts.SyntaxKind.ThisKeyword || ts.isIdentifier(scope))) throw new CannotRender('The construct scope is not `this` or a variable.');
  const postArgument = unwrapExpression(toPost.arguments[0]);
  const jobArgument = toJob.arguments[0];
  const jobText = jobArgument.getText() + jobCatches(renderer, wrap.members[1], post, postArgument, speller);
  if ('move' in wrap.members[0] && wrap.members[0].edits.length > 0) throw new CannotRender('pre-batch needs edits the CDK rewrite does not cover.');
  checkPostEdits(renderer, wrap.members[2], post);

  const props = `{ outputPath: ${speller.propValue('outputPath', wrap.fields.OutputPath ?? '$[0]')} }`;
  const calls = [`.branch(${entered.preText}.next(${jobText}).next(${postArgument.getText()}))`];
  for (const retrier of (wrap.fields.Retry ?? []) as readonly FixValue[]) calls.push(`.addRetry(${speller.handlerProps(retrier)})`);
  for (const catcher of wrap.catchers ?? []) {
    if (!('value' in catcher)) throw new CannotRender('Moving a catcher from a member to the group is not rendered in CDK code.');
    calls.push(renderer.catchCall(catcher.value, entered.site, speller));
  }
  // One call a line, indented one step past the line the chain is on.
  const lineStart = text.lastIndexOf('\n', entered.site.getStart() - 1) + 1;
  const indent = `${/^[ \t]*/.exec(text.slice(lineStart))![0]}  `;
  const group = `new ${speller.sfn('Parallel')}(${scope.getText()}, ${quoted(wrap.key, speller.quote)}, ${props})${calls.map((c) => `\n${indent}${c}`).join('')}`;
  return [{ range: [entered.site.getStart(), toPost.end], text: entered.wrapText(group) }];
}

function movedState(renderer: CdkRenderer, member: GroupMember | undefined): CdkState {
  if (!member || !('move' in member)) throw new CannotRender('Creating a pre- or post-batch construct is not rendered in CDK code.');
  const origin = renderer.originOf(member.move);
  if (origin.kind !== 'state') throw new CannotRender('A member is not a construct.');
  return origin.state;
}

/** `x` in `x.method(…)`. */
function receiverOf(call: ts.CallExpression): ts.Expression | undefined {
  return ts.isPropertyAccessExpression(call.expression) ? call.expression.expression : undefined;
}

interface Entry {
  /** What the replacement starts at: the pre-batch argument of `head.next(pre)`, or the chain head itself. */
  readonly site: ts.Node;
  /** The `.next(pre)` call entering the triad; undefined when pre-batch starts the chain. */
  readonly call: ts.CallExpression | undefined;
  readonly preText: string;
  /** The replacement text around the group. */
  wrapText(group: string): string;
}

/** How the chain reaches pre-batch: `head` is `x.next(pre)`, `pre` itself, or `Chain.start(pre)`. */
function entryOf(head: ts.Expression, pre: CdkState): Entry {
  if (ts.isCallExpression(head) && ts.isPropertyAccessExpression(head.expression) && head.expression.name.text === 'next' && isState(head.arguments[0], pre)) {
    const argument = head.arguments[0];
    return { site: argument, call: head, preText: argument.getText(), wrapText: (group) => `${group})` };
  }
  if (ts.isCallExpression(head) && head.arguments.length === 1 && isState(head.arguments[0], pre)) {
    // `sfn.Chain.start(pre)`: keep the call, so the expression stays a Chain.
    const argument = head.arguments[0];
    return { site: head, call: undefined, preText: argument.getText(), wrapText: (group) => `${head.expression.getText()}(${group})` };
  }
  if (isState(head, pre)) return { site: head, call: undefined, preText: head.getText(), wrapText: (group) => group };
  throw new CannotRender('The chain before the pre-batch state is not a plain `.next()` chain.');
}

/** True when `expression` is the state itself: its construction, or a variable holding it. */
function isState(expression: ts.Expression | undefined, state: CdkState): boolean {
  const inner = expression && unwrapExpression(expression);
  if (!inner) return false;
  if (inner === state.construction) return true;
  return ts.isIdentifier(inner) && state.variables.some((d) => ts.isIdentifier(d.name) && d.name.text === inner.text && constantDeclaration(inner) === d);
}

/** The fix's other ops may only rewire the one entry the rewrite replaces. */
function checkEntries(renderer: CdkRenderer, ops: readonly FixOp[], key: string, call: ts.CallExpression | undefined, pre: CdkState): void {
  for (const op of ops) {
    if (op.op !== 'set' || op.value !== key) throw new CannotRender('The wrap comes with edits the CDK rewrite does not cover.');
    const origin = renderer.originOf(op.node);
    const replaced = call ? origin.kind === 'link' && origin.link.call === call : origin.kind === 'start' && origin.chain.start === pre;
    if (!replaced) throw new CannotRender('The pre-batch state is entered from more than one place.');
  }
}

/** The group continues as post-batch did: its `.next(rest)` follows the replaced chain, or nothing does. */
function checkExit(fields: WrapOp['fields'], post: CdkState, intoPost: ts.CallExpression): void {
  for (const key of Object.keys(fields)) {
    if (!['OutputPath', 'Next', 'End', 'Retry'].includes(key)) throw new CannotRender(`A group field "${key}" is not rendered in CDK code.`);
  }
  if (post.next) {
    const after = receiverOf(post.next.call);
    if (fields.Next !== post.next.target.name || !after || unwrapExpression(after) !== intoPost) throw new CannotRender('post-batch does not continue in the same chain.');
  } else if (fields.End !== true) {
    throw new CannotRender('The group exit does not match post-batch.');
  }
}

/** The job's `addCatch` to post-batch, when the fix adds one (its only allowed edit). */
function jobCatches(renderer: CdkRenderer, member: GroupMember, post: CdkState, postArgument: ts.Expression, speller: CdkSpeller): string {
  if (!('move' in member)) throw new CannotRender('The job is not moved.');
  let added = '';
  for (const edit of member.edits) {
    if (edit.op !== 'insert' || edit.key !== 'Catch' || !Array.isArray(edit.value) || renderer.originOf(edit.object).kind !== 'state') throw new CannotRender('The job needs edits the CDK rewrite does not cover.');
    if (!ts.isIdentifier(postArgument)) throw new CannotRender('post-batch is not held in a variable the catcher could refer to.');
    for (const catcher of edit.value as readonly FixValue[]) {
      const next = (catcher as { readonly [key: string]: FixValue }).Next;
      if (next !== post.name) throw new CannotRender('The job catches to a state other than post-batch.');
      added += `.addCatch(${postArgument.text}, ${speller.handlerProps(catcher, ['Next'])})`;
    }
  }
  return added;
}

/** post-batch may only lose its `Next` (to the group): the rewrite moves `.next(rest)` there already. */
function checkPostEdits(renderer: CdkRenderer, member: GroupMember, post: CdkState): void {
  if (!('move' in member)) return;
  for (const edit of member.edits) {
    const node = edit.op === 'renameKey' ? edit.property.value : edit.op === 'set' ? edit.node : undefined;
    const origin = node && renderer.originOf(node);
    if (!origin || origin.kind !== 'link' || origin.link !== post.next) throw new CannotRender('post-batch needs edits the CDK rewrite does not cover.');
  }
}
