/**
 * Fix operations on a CDK machine's synthetic nodes → edits of the construct code. Only what
 * maps back to code without guessing is rendered: a prop set, added or removed (`outputPath`,
 * `integrationPattern`, `attempts`), a retrier or catcher added as `addRetry`/`addCatch`, and
 * the batch-group wrap of a job chained between its pre- and post-batch (`render-wrap.ts`).
 * Everything else throws `CannotRender`: the problem is then reported without a fix.
 */
import { ts } from 'ts-morph';
import type { FixOp, FixValue } from '../../../engine/fix-ops';
import type { AstNode, ObjectNode, PropertyNode } from '../../../model/ast';
import { CannotRender, type TextEdit } from '../../text-edit';
import type { CdkState } from './chain-graph';
import type { CdkImports } from './imports';
import type { Origin, Origins } from './origins';
import { renderWrap } from './render-wrap';
import { CdkSpeller } from './spell';
import { unwrapExpression } from './variables';

const HANDLER_PROPS: Readonly<Record<string, string>> = { IntervalSeconds: 'interval', MaxAttempts: 'maxAttempts', BackoffRate: 'backoffRate', MaxDelaySeconds: 'maxDelay', ResultPath: 'resultPath' };

/** `prop: value` added after the last element of `literal`, on its own line when the literal has one a line. */
function appendProp(literal: ts.ObjectLiteralExpression, prop: string, value: string): TextEdit {
  const elements = literal.properties;
  if (elements.length === 0) return { range: [literal.getStart(), literal.end], text: `{ ${prop}: ${value} }` };
  const last = elements[elements.length - 1];
  const source = literal.getSourceFile().text;
  const multiline = source.slice(literal.getStart(), last.getStart()).includes('\n');
  const indent = multiline ? /[ \t]*$/.exec(source.slice(0, last.getStart()))![0] : ' ';
  return { range: [last.end, last.end], text: multiline ? `,\n${indent}${prop}: ${value}` : `, ${prop}: ${value}` };
}

function isAddCatch(call: ts.CallExpression): boolean {
  return ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'addCatch';
}

/** ASL state fields written as a plain prop of the construct. */
const FIELD_PROPS: Readonly<Record<string, string>> = {
  Comment: 'comment',
  InputPath: 'inputPath',
  OutputPath: 'outputPath',
  ResultPath: 'resultPath',
};

export class CdkRenderer {
  private readonly byName = new Map<string, CdkState>();
  private speller!: CdkSpeller;

  constructor(
    private readonly imports: CdkImports,
    private readonly origins: Origins,
    readonly properties: ReadonlyMap<CdkState, PropertyNode>,
  ) {
    for (const state of properties.keys()) if (!this.byName.has(state.name)) this.byName.set(state.name, state);
  }

  /** The edits for one fix's operations; throws CannotRender when any of them has no safe CDK form. */
  render(ops: readonly FixOp[], text: string): TextEdit[] {
    // New strings take the quotes the machine's construct ids are written in.
    const [first] = this.properties.keys();
    this.speller = new CdkSpeller(this.imports, first && text[first.id.getStart()] === '"' ? '"' : "'");
    const wrap = ops.find((op) => op.op === 'wrap');
    const edits = wrap?.op === 'wrap' ? renderWrap(this, wrap, ops.filter((op) => op !== wrap), text) : ops.flatMap((op) => this.renderOne(op));
    return [...edits, ...this.speller.importEdits()];
  }

  /** Where a synthetic node came from; CannotRender for nodes CDK derives by itself. */
  originOf(node: AstNode | PropertyNode): Origin {
    const origin = this.origins.get(node);
    if (!origin) throw new CannotRender('The node has no single place in the construct code.');
    return origin;
  }

  /** The state named `name` in this machine. */
  stateNamed(name: string): CdkState {
    const state = this.byName.get(name);
    if (!state) throw new CannotRender(`No state "${name}" in the machine.`);
    return state;
  }

  /** How the fix being rendered spells CDK code. */
  get spelling(): CdkSpeller {
    return this.speller;
  }

  /**
   * A variable name that refers to `state` at offset `at`: a constant declared before `at` in a
   * block that encloses it. CannotRender when the state is only written inline.
   */
  referenceTo(state: CdkState, at: ts.Node): string {
    for (const declaration of state.variables) {
      const block = declaration.parent.parent.parent;
      if (!ts.isIdentifier(declaration.name) || declaration.end > at.getStart()) continue;
      if (block.getStart() <= at.getStart() && at.end <= block.end) return declaration.name.text;
    }
    throw new CannotRender(`"${state.name}" is not held in a variable the fix could refer to.`);
  }

  /** `.addCatch(handler, props)` for an ASL catcher value, the handler referred to at `at`. */
  catchCall(value: FixValue, at: ts.Node, speller: CdkSpeller): string {
    const next = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { readonly [key: string]: FixValue }).Next : undefined;
    if (typeof next !== 'string') throw new CannotRender('A catcher without a target.');
    return `.addCatch(${this.referenceTo(this.stateNamed(next), at)}, ${speller.handlerProps(value, ['Next'])})`;
  }

  private renderOne(op: FixOp): TextEdit[] {
    switch (op.op) {
      case 'set':
        return [this.set(op.node, op.value)];
      case 'remove':
        return [this.removeProp(this.originOf(op.property))];
      case 'insert':
        return [this.insert(op.object, op.key, op.value)];
      case 'insertItem': {
        const origin = this.originOf(op.array);
        if (origin.kind !== 'retries' && origin.kind !== 'catchers') throw new CannotRender('Only retriers and catchers can be added to a construct.');
        return [this.appendCalls(origin.state, origin.kind === 'retries' ? 'Retry' : 'Catch', [op.value])];
      }
      default:
        throw new CannotRender(`"${op.op}" has no CDK rendering.`);
    }
  }

  private set(node: AstNode, value: FixValue): TextEdit {
    const origin = this.originOf(node);
    if (origin.kind === 'pattern') {
      if (typeof value !== 'string' || !/:batch:submitJob\.sync$/.test(value) || !origin.site) throw new CannotRender('Only `.sync` maps to an integration pattern.');
      return { range: [origin.site.value.getStart(), origin.site.value.end], text: `${this.speller.sfn('IntegrationPattern')}.RUN_JOB` };
    }
    if (origin.kind === 'link' && isAddCatch(origin.link.call) && typeof value === 'string') {
      // A catcher's handler only names its target; a `.next()` target would also bring its chain.
      const argument = origin.link.argument;
      return { range: [argument.getStart(), argument.end], text: this.referenceTo(this.stateNamed(value), argument) };
    }
    if (origin.kind !== 'prop' || !ts.isPropertyAssignment(origin.site.element)) throw new CannotRender('The value is not written as a prop.');
    return { range: [origin.site.value.getStart(), origin.site.value.end], text: this.speller.propValue(origin.site.name, value) };
  }

  /** Removes a prop with its comma, keeping the layout of the props around it. */
  private removeProp(origin: Origin): TextEdit {
    if (origin.kind !== 'prop') throw new CannotRender('The field is not written as a prop.');
    const element = origin.site.element;
    const elements = (element.parent as ts.ObjectLiteralExpression).properties;
    const index = elements.indexOf(element);
    if (index < elements.length - 1) return { range: [element.getStart(), elements[index + 1].getStart()], text: '' };
    if (index > 0) return { range: [elements[index - 1].end, element.end], text: '' };
    return { range: [element.parent.getStart(), element.parent.end], text: '{}' };
  }

  private insert(object: ObjectNode, key: string, value: FixValue): TextEdit {
    const origin = this.originOf(object);
    if (origin.kind === 'handler') return this.insertHandlerProp(origin.call, origin.props, key, value);
    if (origin.kind !== 'state') throw new CannotRender('Only a construct can take a new field.');
    if (key === 'Retry' || key === 'Catch') {
      if (!Array.isArray(value)) throw new CannotRender(`"${key}" must be a list.`);
      return this.appendCalls(origin.state, key, value);
    }
    const prop = FIELD_PROPS[key];
    if (!prop) throw new CannotRender(`"${key}" has no CDK prop here.`);
    return this.insertProp(origin.state, prop, this.speller.propValue(prop, value));
  }

  /** Adds a field to an `addRetry(props)` / `addCatch(handler, props)` call (`MaxAttempts` → `maxAttempts: n`). */
  private insertHandlerProp(call: ts.CallExpression, argument: ts.Expression | undefined, key: string, value: FixValue): TextEdit {
    const prop = HANDLER_PROPS[key];
    if (!prop) throw new CannotRender(`"${key}" has no retrier or catcher prop.`);
    const written = this.speller.propValue(prop, value);
    if (!argument) {
      const last = call.arguments[call.arguments.length - 1];
      const at = last ? last.end : call.end - 1;
      return { range: [at, at], text: `${last ? ', ' : ''}{ ${prop}: ${written} }` };
    }
    if (!ts.isObjectLiteralExpression(argument)) throw new CannotRender('The retrier props are not an object literal.');
    return appendProp(argument, prop, written);
  }

  /** Adds `prop: value` to the construct's props literal, or a props argument when it has none. */
  insertProp(state: CdkState, prop: string, value: string): TextEdit {
    const args = state.construction.arguments ?? ts.factory.createNodeArray();
    const written = args[2] && unwrapExpression(args[2]);
    if (args.length === 2) return { range: [args[1].end, args[1].end], text: `, { ${prop}: ${value} }` };
    // A props object shared through a variable would change for every construct using it.
    if (!written || !ts.isObjectLiteralExpression(written) || state.props.get(prop)) throw new CannotRender('The props are not an object literal of this construct.');
    return appendProp(written, prop, value);
  }

  /** `.addRetry(…)`/`.addCatch(…)` calls appended after the state's last one of that kind (or its construction). */
  private appendCalls(state: CdkState, key: 'Retry' | 'Catch', values: readonly FixValue[]): TextEdit {
    const speller = this.speller;
    const calls = key === 'Retry' ? state.retries : state.catchers.map((c) => c.call);
    const after = calls.length > 0 ? calls[calls.length - 1] : state.construction;
    const added = values.map((value) => (key === 'Retry' ? `.addRetry(${speller.handlerProps(value)})` : this.catchCall(value, after, speller)));
    return { range: [after.end, after.end], text: added.join('') };
  }
}
