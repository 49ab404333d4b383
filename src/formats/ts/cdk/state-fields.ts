/**
 * The fields CDK renders for one construct, from its class and props (checked against
 * `aws-cdk-lib/aws-stepfunctions{,-tasks}/lib`): `Type`, the task's `Resource` and request, and
 * the input/output fields. Transitions, branches, retriers and catchers come from the chain
 * (see `definition.ts`).
 */
import { ts } from 'ts-morph';
import type { AstNode, ObjectNode } from '../../../model/ast';
import type { CdkState } from './chain-graph';
import { FieldList, objectNode, property, rangeOf, scalar } from './nodes';
import type { Origins } from './origins';
import { resolveConstant, type PropSite, type ValueReader } from './values';

const TYPES: Readonly<Record<string, string>> = {
  Pass: 'Pass',
  Succeed: 'Succeed',
  Fail: 'Fail',
  Choice: 'Choice',
  Wait: 'Wait',
  Parallel: 'Parallel',
  Map: 'Map',
  DistributedMap: 'Map',
};

/** Props CDK renders as the same-named ASL field, on every state that takes them. */
const IO_PROPS: readonly (readonly [string, string])[] = [
  ['comment', 'Comment'],
  ['inputPath', 'InputPath'],
  ['parameters', 'Parameters'],
  ['itemSelector', 'ItemSelector'],
  ['itemsPath', 'ItemsPath'],
  ['maxConcurrency', 'MaxConcurrency'],
  ['result', 'Result'],
  ['resultSelector', 'ResultSelector'],
  ['resultPath', 'ResultPath'],
  ['outputPath', 'OutputPath'],
  ['error', 'Error'],
  ['cause', 'Cause'],
];

/** What CDK's `LambdaInvoke` adds unless `retryOnServiceExceptions: false` (aws-stepfunctions-tasks/lib/lambda/invoke.js). */
const LAMBDA_SERVICE_ERRORS = ['Lambda.ClientExecutionTimeoutException', 'Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException'];

export class StateFields {
  constructor(
    private readonly reader: ValueReader,
    private readonly origins: Origins,
  ) {}

  /** `Type`, `Resource`, request and input/output fields of `state`, in ASL order. */
  fields(state: CdkState): FieldList {
    const list = new FieldList();
    const type = TYPES[state.className] ?? 'Task';
    const classRange = rangeOf(state.construction.expression);
    list.add('Type', scalar(type, classRange));
    const language = this.prop(state, 'queryLanguage');
    if (language) this.put(list, 'QueryLanguage', language, state);
    if (type === 'Task') this.task(state, list, language?.node.kind === 'scalar' && language.node.value === 'JSONata' ? 'Arguments' : 'Parameters');
    if (state.className === 'Wait') this.wait(state, list);
    for (const [prop, field] of IO_PROPS) {
      if (state.module === 'tasks' && prop === 'parameters') continue;
      const found = this.prop(state, prop);
      if (found) this.put(list, field, found, state);
    }
    return list;
  }

  /** Retriers CDK adds by itself, before the user's `addRetry` calls. */
  defaultRetriers(state: CdkState): ObjectNode[] {
    if (state.module !== 'tasks' || state.className !== 'LambdaInvoke') return [];
    const retry = state.props.get('retryOnServiceExceptions');
    const off = retry && resolveConstant(retry.value).kind === ts.SyntaxKind.FalseKeyword;
    if (off || (retry && resolveConstant(retry.value).kind !== ts.SyntaxKind.TrueKeyword)) return [];
    const at = rangeOf(state.construction.expression);
    const errors: AstNode = { kind: 'array', items: LAMBDA_SERVICE_ERRORS.map((e) => scalar(e, at)), range: at };
    const retrier = new FieldList().add('ErrorEquals', errors).add('IntervalSeconds', scalar(2, at)).add('MaxAttempts', scalar(6, at)).add('BackoffRate', scalar(2, at));
    return [retrier.toObject(at)];
  }

  private task(state: CdkState, list: FieldList, requestField: string): void {
    const at = rangeOf(state.construction.expression);
    const propsRange = state.props.literal ? rangeOf(state.props.literal) : at;
    if (state.className === 'BatchSubmitJob') {
      const pattern = state.props.get('integrationPattern');
      const written = pattern && this.reader.symbolName(resolveConstant(pattern.value));
      // BatchSubmitJob supports RUN_JOB (the default: `.sync`) and REQUEST_RESPONSE.
      const sync = written === undefined ? true : written === 'IntegrationPattern.RUN_JOB' ? true : written === 'IntegrationPattern.REQUEST_RESPONSE' ? false : undefined;
      const resource = scalar(sync === undefined ? '${batch:submitJob}' : `arn:aws:states:::batch:submitJob${sync ? '.sync' : ''}`, pattern ? rangeOf(pattern.element) : at, sync === undefined);
      this.origins.set(resource, { kind: 'pattern', state, site: pattern });
      list.add('Resource', resource);
      const request = new FieldList();
      for (const [prop, field] of [['jobDefinitionArn', 'JobDefinition'], ['jobName', 'JobName'], ['jobQueueArn', 'JobQueue']] as const) {
        const found = this.prop(state, prop);
        if (found) this.put(request, field, found, state);
      }
      const payload = this.payload(state, 'Parameters');
      if (payload) request.add(payload.key, payload.node, payload.keyRange, payload.range);
      const size = this.prop(state, 'arraySize');
      if (size) request.add('ArrayProperties', objectNode([property('Size', size.keyRange, size.node)], size.range), size.keyRange, size.range);
      const attempts = this.prop(state, 'attempts');
      if (attempts) this.put(request, 'RetryStrategy', { ...attempts, node: objectNode([property('Attempts', attempts.keyRange, attempts.node)], attempts.range) }, state);
      list.add(requestField, request.toObject(propsRange, state.props.partial));
      return;
    }
    if (state.className === 'LambdaInvoke') {
      const fn = state.props.get('lambdaFunction');
      const fnNode = fn ? this.reader.value(fn.value) : scalar('${lambdaFunction}', at, true);
      const responseOnly = state.props.get('payloadResponseOnly');
      if (responseOnly && resolveConstant(responseOnly.value).kind === ts.SyntaxKind.TrueKeyword) {
        // CDK then calls the function ARN directly: the Lambda's own result is the output.
        list.add('Resource', fnNode);
        const payload = this.payload(state, requestField);
        if (payload) list.add(payload.key, payload.node, payload.keyRange, payload.range);
        return;
      }
      list.add('Resource', scalar('arn:aws:states:::lambda:invoke', at));
      const request = new FieldList().add('FunctionName', fnNode, fn ? rangeOf(fn.nameNode) : at, fn ? rangeOf(fn.element) : at);
      const payload = this.payload(state, 'Payload');
      request.add(payload?.key ?? 'Payload.$', payload?.node ?? scalar('$', at), payload?.keyRange, payload?.range);
      for (const [prop, field] of [['invocationType', 'InvocationType'], ['clientContext', 'ClientContext'], ['qualifier', 'Qualifier']] as const) {
        const found = this.prop(state, prop);
        if (found) this.put(request, field, found, state);
      }
      list.add(requestField, request.toObject(propsRange, state.props.partial));
      return;
    }
    // Any other task: its resource is whatever the integration renders; not needed by the rules.
    list.add('Resource', scalar(`\${${state.className}}`, at, true));
  }

  private wait(state: CdkState, list: FieldList): void {
    const time = state.props.get('time');
    const call = time && resolveConstant(time.value);
    const at = time ? rangeOf(time.value) : rangeOf(state.construction.expression);
    if (call && ts.isCallExpression(call) && call.arguments[0]) {
      const kind = this.reader.symbolName(call.expression);
      const argument = call.arguments[0];
      if (kind === 'WaitTime.duration') {
        const seconds = this.reader.durationSeconds(argument);
        list.add('Seconds', scalar(seconds ?? argument.getText(), at, seconds === undefined));
        return;
      }
      const field = { 'WaitTime.timestamp': 'Timestamp', 'WaitTime.secondsPath': 'SecondsPath', 'WaitTime.timestampPath': 'TimestampPath' }[kind ?? ''];
      if (field) {
        list.add(field, this.reader.value(argument));
        return;
      }
    }
    list.add('Seconds', scalar(time?.value.getText() ?? '', at, true));
  }

  /** The `payload` prop as CDK writes it: an object under `key`, or a path under `key.$`. */
  private payload(state: CdkState, key: string): { key: string; node: AstNode; keyRange: readonly [number, number]; range: readonly [number, number] } | undefined {
    const site = state.props.get('payload');
    if (!site) return undefined;
    const path = this.reader.jsonPath(resolveConstant(site.value));
    const node = this.reader.value(site.value);
    this.origins.set(node, { kind: 'prop', state, site });
    return { key: path === undefined ? key : `${key}.$`, node, keyRange: rangeOf(site.nameNode), range: rangeOf(site.element) };
  }

  /** Adds a field made from a prop, the property remembered as that prop (removing it removes the prop). */
  private put(list: FieldList, field: string, found: { node: AstNode; keyRange: readonly [number, number]; range: readonly [number, number]; site: PropSite }, state: CdkState): void {
    list.add(field, found.node, found.keyRange, found.range);
    this.origins.set(list.properties[list.properties.length - 1], { kind: 'prop', state, site: found.site });
  }

  /** A prop's value and ranges, remembered as coming from that prop. */
  private prop(state: CdkState, name: string): { node: AstNode; keyRange: readonly [number, number]; range: readonly [number, number]; site: PropSite } | undefined {
    const site = state.props.get(name);
    if (!site) return undefined;
    const node = this.reader.value(site.value);
    this.origins.set(node, { kind: 'prop', state, site });
    return { node, keyRange: rangeOf(site.nameNode), range: rangeOf(site.element), site };
  }
}
