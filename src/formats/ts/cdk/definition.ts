/**
 * The synthetic ASL definition of a CDK chain: `StartAt` and `States`, each state's fields (see
 * `state-fields.ts`) plus what the chain calls did to it: `Next`/`End`, `Branches`, the Map
 * processor, `Choices`/`Default`, `Retry` and `Catch`. States are named by their construct id
 * and keyed at it, so a diagnostic about a state lands on its declaration.
 */
import { ts } from 'ts-morph';
import { getValue, type AstNode, type ObjectNode, type PropertyNode, type Range } from '../../../model/ast';
import { TooDynamic, type CdkState, type Chain, type SubChain } from './chain-graph';
import { conditionNode } from './conditions';
import { FieldList, objectNode, property, rangeOf, scalar } from './nodes';
import type { Origins } from './origins';
import type { StateFields } from './state-fields';
import { Props, type ValueReader } from './values';

export class DefinitionBuilder {
  /** Each state belongs to one scope; meeting it in a second one is a CDK error we do not model. */
  private readonly placed = new Set<CdkState>();
  /** The property of each state in its `States` object (what a wrap op points at). */
  readonly properties = new Map<CdkState, PropertyNode>();

  constructor(
    private readonly fields: StateFields,
    private readonly reader: ValueReader,
    readonly origins: Origins,
  ) {}

  /** `{ ...before, StartAt, States, ...extra }` for the chain starting at `chain.start`, ranged at `site`. */
  scope(chain: Chain, site: ts.Node, extra: readonly PropertyNode[] = [], before: readonly PropertyNode[] = []): ObjectNode {
    const range = rangeOf(site);
    const startAt = scalar(chain.start.name, rangeOf(chain.startExpression));
    this.origins.set(startAt, { kind: 'start', chain });
    const states: PropertyNode[] = [];
    for (const state of reachable(chain.start)) {
      if (this.placed.has(state)) throw new TooDynamic(state.construction, `"${state.name}" is used in two scopes`);
      this.placed.add(state);
      const node = this.state(state);
      const entry = property(state.name, rangeOf(state.nameNode), node, rangeOf(state.construction));
      this.origins.set(entry, { kind: 'state', state });
      this.properties.set(state, entry);
      states.push(entry);
    }
    return objectNode([...before, property('StartAt', startAt.range, startAt), property('States', range, objectNode(states, range)), ...extra], range);
  }

  private state(state: CdkState): ObjectNode {
    const list = this.fields.fields(state);
    const at = rangeOf(state.construction);
    if (state.branches.length > 0) {
      const branches = state.branches.map((b) => this.scope(b.chain, b.argument));
      list.add('Branches', { kind: 'array', items: branches, range: rangeOf(state.branches[0].call) });
    }
    if (state.processor) this.processor(state.processor, list);
    if (state.className === 'Choice') this.choice(state, list);
    if (state.next) {
      const next = scalar(state.next.target.name, rangeOf(state.next.argument));
      this.origins.set(next, { kind: 'link', state, link: state.next });
      list.add('Next', next);
    } else if (state.ends.length > 0) {
      list.add('End', scalar(true, at));
    }
    const retriers = catchAllLast([...this.fields.defaultRetriers(state), ...state.retries.map((call) => this.retrier(state, call))]);
    if (retriers.length > 0) this.listField(list, 'Retry', retriers, state, 'retries');
    const catchers = state.catchers.map((c) => {
      const next = scalar(c.target.name, rangeOf(c.argument));
      this.origins.set(next, { kind: 'link', state, link: c });
      const catcher = this.errorHandler(state, c.props, rangeOf(c.call)).add('Next', next).toObject(rangeOf(c.call));
      this.origins.set(catcher, { kind: 'handler', state, call: c.call, props: c.call.arguments[1] });
      return catcher;
    });
    if (catchers.length > 0) this.listField(list, 'Catch', catchAllLast(catchers), state, 'catchers');
    const node = list.toObject(at, state.props.partial);
    this.origins.set(node, { kind: 'state', state });
    return node;
  }

  /**
   * `ItemProcessor` with its `ProcessorConfig` (CDK writes `Mode`, and `ExecutionType` for a
   * distributed one), or the legacy `Iterator` of `.iterator()`.
   */
  private processor(processor: SubChain, list: FieldList): void {
    const legacy = ts.isPropertyAccessExpression(processor.call.expression) && processor.call.expression.name.text === 'iterator';
    if (legacy) {
      list.add('Iterator', this.scope(processor.chain, processor.argument));
      return;
    }
    const config = Props.of(processor.call.arguments[1]);
    const at = rangeOf(processor.call);
    const mode = config.get('mode');
    const modeNode = mode ? this.reader.value(mode.value) : scalar('INLINE', at);
    const fields = new FieldList().add('Mode', modeNode);
    const executionType = config.get('executionType');
    if (!(modeNode.kind === 'scalar' && modeNode.value === 'INLINE')) fields.add('ExecutionType', executionType ? this.reader.value(executionType.value) : undefined);
    list.add('ItemProcessor', this.scope(processor.chain, processor.argument, [], [property('ProcessorConfig', at, fields.toObject(at))]));
  }

  private listField(list: FieldList, key: string, items: AstNode[], state: CdkState, kind: 'retries' | 'catchers'): void {
    const range: Range = [items[0].range[0], items[items.length - 1].range[1]];
    const array: AstNode = { kind: 'array', items, range };
    this.origins.set(array, { kind, state });
    list.add(key, array);
  }

  private choice(state: CdkState, list: FieldList): void {
    const choices = state.choices.map((rule) => {
      const next = scalar(rule.chain.start.name, rangeOf(rule.argument));
      this.origins.set(next, { kind: 'link', state, link: { target: rule.chain.start, call: rule.call, argument: rule.argument } });
      const condition = conditionNode(rule.condition, this.reader);
      const fields = condition.kind === 'object' ? condition.properties : [property('Condition', condition.range, condition)];
      return objectNode([...fields, property('Next', next.range, next)], rangeOf(rule.call));
    });
    list.add('Choices', { kind: 'array', items: choices, range: state.choices.length > 0 ? rangeOf(state.choices[0].call) : rangeOf(state.construction) });
    if (state.otherwise) {
      const target = state.otherwise;
      const next = scalar(target.chain.start.name, rangeOf(target.argument));
      this.origins.set(next, { kind: 'link', state, link: { target: target.chain.start, call: target.call, argument: target.argument } });
      list.add('Default', next);
    }
  }

  /** A retrier from `addRetry(props)`: CDK renders only what is given, `errors` defaulting to `States.ALL`. */
  private retrier(state: CdkState, call: ts.CallExpression): ObjectNode {
    const props = Props.of(call.arguments[0]);
    const list = this.errorHandler(state, props, rangeOf(call));
    for (const [prop, field] of [['interval', 'IntervalSeconds'], ['maxAttempts', 'MaxAttempts'], ['backoffRate', 'BackoffRate'], ['maxDelay', 'MaxDelaySeconds'], ['jitterStrategy', 'JitterStrategy']] as const) {
      const site = props.get(prop);
      if (!site) continue;
      const seconds = prop === 'interval' || prop === 'maxDelay' ? this.reader.durationSeconds(site.value) : undefined;
      const value = seconds !== undefined ? scalar(seconds, rangeOf(site.value)) : this.reader.value(site.value);
      this.origins.set(value, { kind: 'prop', state, site });
      list.add(field, value, rangeOf(site.nameNode), rangeOf(site.element));
    }
    const node = list.toObject(props.literal ? rangeOf(props.literal) : rangeOf(call), props.partial && call.arguments.length > 0);
    this.origins.set(node, { kind: 'handler', state, call, props: call.arguments[0] });
    return node;
  }

  /** `ErrorEquals` (default `States.ALL`) and, for catchers, `ResultPath`. */
  private errorHandler(state: CdkState, props: Props, at: Range): FieldList {
    const list = new FieldList();
    const errors = props.get('errors');
    list.add('ErrorEquals', errors ? this.reader.value(errors.value) : { kind: 'array', items: [scalar('States.ALL', at)], range: at }, errors ? rangeOf(errors.nameNode) : at);
    const resultPath = props.get('resultPath');
    if (resultPath) {
      const value = this.reader.value(resultPath.value);
      this.origins.set(value, { kind: 'prop', state, site: resultPath });
      list.add('ResultPath', value, rangeOf(resultPath.nameNode), rangeOf(resultPath.element));
    }
    return list;
  }
}

/** Retriers or catchers as CDK orders them: those with `States.ALL` last, the others as added. */
function catchAllLast(handlers: ObjectNode[]): ObjectNode[] {
  const catchesAll = (handler: ObjectNode) => {
    const errors = getValue(handler, 'ErrorEquals');
    return errors?.kind === 'array' && errors.items.some((e) => e.kind === 'scalar' && e.value === 'States.ALL');
  };
  return [...handlers.filter((h) => !catchesAll(h)), ...handlers.filter(catchesAll)];
}

/** The states of one scope, breadth first from `start`: through `Next`, choices and catchers. */
function reachable(start: CdkState): CdkState[] {
  const seen = new Set<CdkState>([start]);
  const order: CdkState[] = [start];
  for (let i = 0; i < order.length; i++) {
    const state = order[i];
    const targets = [state.next?.target, ...state.choices.map((c: SubChain) => c.chain.start), state.otherwise?.chain.start, ...state.catchers.map((c) => c.target)];
    for (const target of targets) {
      if (target && !seen.has(target)) {
        seen.add(target);
        order.push(target);
      }
    }
  }
  return order;
}
