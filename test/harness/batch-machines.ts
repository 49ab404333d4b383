/**
 * Machines for the batch rule tests, shaped after the canonical batch group (DESIGN §1): a
 * `copy-assets-pre-batch` → `copy-assets-batch` → `copy-assets-post-batch` triad, alone in a
 * single-branch `Parallel` named `copy-assets-group` with `OutputPath: $[0]`.
 *
 * Overrides are spread over a builder's defaults, so a key that exists keeps its place and a new
 * key comes last; a key set to `undefined` is left out when the case is serialised. Every builder
 * returns fresh objects: one object placed twice in a machine would be written as a YAML alias.
 */

/** Fields of a state, or of any object in a machine, merged over a builder's defaults. */
export type Fields = Record<string, unknown>;

/** A state machine, a `Parallel` branch or a `Map` processor. */
export interface Machine {
  StartAt: string;
  States: Fields;
}

/** The fields of each triad state to override. */
export interface TriadOverrides {
  readonly pre?: Fields;
  readonly batch?: Fields;
  readonly post?: Fields;
}

/** What `batchTask` varies: extra job request fields, and the `Next` state (`null`: `End: true`). */
export interface BatchTaskOverrides {
  readonly parameters?: Fields;
  readonly next?: string | null;
}

/** The name of the `Map` state `inMap` builds, and its `ItemsPath` (`null`: none). */
export interface MapOverrides {
  readonly name?: string;
  readonly itemsPath?: string | null;
}

const PRE_STATE = 'copy-assets-pre-batch';
const BATCH_STATE = 'copy-assets-batch';
const POST_STATE = 'copy-assets-post-batch';
const GROUP_STATE = 'copy-assets-group';

/** The `Resource` of a Batch task that waits for its job. */
export const BATCH_SYNC = 'arn:aws:states:::batch:submitJob.sync';

/** The pre-batch Lambda as a literal function ARN. */
export const PRE_BATCH_ARN = 'arn:aws:lambda:us-west-2:123456789012:function:cirrus-pre-batch';

/** The post-batch Lambda as a literal function ARN. */
export const POST_BATCH_ARN = 'arn:aws:lambda:us-west-2:123456789012:function:cirrus-post-batch';

/** The pre-batch Lambda as `Fn::GetAtt` (`!GetAtt pre-batch.Arn`). */
export const PRE_BATCH_GETATT: Readonly<Fields> = { 'Fn::GetAtt': ['pre-batch', 'Arn'] };

/** The post-batch Lambda as `Fn::GetAtt` (`!GetAtt post-batch.Arn`). */
export const POST_BATCH_GETATT: Readonly<Fields> = { 'Fn::GetAtt': ['post-batch', 'Arn'] };

/** The job parameters that hand the payload locations from pre-batch to the job. */
export const PAYLOAD_URLS: Readonly<Fields> = { 'url.$': '$.url', 'url_out.$': '$.url_out' };

/** The batch group's retrier of `States.ALL`. */
export const GROUP_RETRY: Readonly<Fields> = { ErrorEquals: ['States.ALL'], IntervalSeconds: 3, MaxAttempts: 2 };

/** `inMap` overrides for a `Map` named `Each` without `ItemsPath`. */
export const EACH_MAP: MapOverrides = { name: 'Each', itemsPath: null };

/** A SubmitJob request (`#{...}` queue and definition, job `Parameters` of `PAYLOAD_URLS`) with `overrides`. */
export function jobRequest(overrides: Fields = {}): Fields {
  return {
    JobName: 'copy-assets',
    JobQueue: '#{CopyAssetsJobQueue}',
    JobDefinition: '#{CopyAssetsJobDefinition}',
    Parameters: { ...PAYLOAD_URLS },
    ...overrides,
  };
}

/** A `Catch` list sending `States.ALL` into `$.error` and on to post-batch. */
export function catchToPostBatch(): Fields[] {
  return [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: POST_STATE }];
}

/** A bare Batch task: `copy-assets-queue`, job definition `copy-assets`, no `Catch`, going on to post-batch. */
export function batchTask({ parameters = {}, next = POST_STATE }: BatchTaskOverrides = {}): Fields {
  return {
    Type: 'Task',
    Resource: BATCH_SYNC,
    Parameters: jobRequest({ JobQueue: 'copy-assets-queue', JobDefinition: 'copy-assets', ...parameters }),
    ...(next === null ? { End: true } : { Next: next }),
  };
}

/** The `States` of a bare triad: Lambdas by literal ARN around `batchTask()`, without retriers or catchers. */
export function triadStates({ pre = {}, batch = {}, post = {} }: TriadOverrides = {}): Fields {
  return {
    [PRE_STATE]: { Type: 'Task', Resource: PRE_BATCH_ARN, Next: BATCH_STATE, ...pre },
    [BATCH_STATE]: { ...batchTask(), ...batch },
    [POST_STATE]: { Type: 'Task', Resource: POST_BATCH_ARN, End: true, ...post },
  };
}

/** The canonical triad of DESIGN §1 as a machine: Lambdas by `Fn::GetAtt`, `jobRequest()`, a `Catch` to post-batch; `states` are added. */
export function triad({ pre = {}, batch = {}, post = {}, states = {} }: TriadOverrides & { readonly states?: Fields } = {}): Machine {
  return flat({
    ...triadStates({
      pre: { Resource: structuredClone(PRE_BATCH_GETATT), ...pre },
      batch: { Parameters: jobRequest(), Catch: catchToPostBatch(), ...batch },
      post: { Resource: structuredClone(POST_BATCH_GETATT), ...post },
    }),
    ...states,
  });
}

/** A machine, branch or `Map` processor holding `states` side by side, entered at `startAt`. */
export function flat(states: Fields, startAt = PRE_STATE): Machine {
  return { StartAt: startAt, States: states };
}

/** A batch group's `Parallel`: the one branch `branch`, `OutputPath: $[0]`, then `rest`. */
function parallel(branch: Machine, rest: Fields): Fields {
  return { Type: 'Parallel', Branches: [branch], OutputPath: '$[0]', ...rest };
}

/** A batch group state ending its scope, whose branch holds `states` from `startAt`; `fields` override the `Parallel`'s. */
export function groupState(states: Fields = triadStates(), fields: Fields = {}, startAt = PRE_STATE): Fields {
  return parallel(flat(states, startAt), { End: true, ...fields });
}

/** A machine whose only state is `state`, named `copy-assets-group`. */
export function groupMachine(state: Fields): Machine {
  return { StartAt: GROUP_STATE, States: { [GROUP_STATE]: state } };
}

/** The canonical batch group around `branch`, with `GROUP_RETRY`, going on to a `publish` Succeed state. */
export function group(branch: Machine): Machine {
  return {
    StartAt: GROUP_STATE,
    States: {
      [GROUP_STATE]: parallel(branch, { Next: 'publish', Retry: [structuredClone(GROUP_RETRY)] }),
      publish: { Type: 'Succeed' },
    },
  };
}

/** A machine whose only state is a `Map` (`Items`, `ItemsPath: $.items` unless `overrides` say otherwise) whose `field` is `processor`. */
export function inMap(processor: Machine, field: 'ItemProcessor' | 'Iterator' = 'ItemProcessor', overrides: MapOverrides = {}): Machine {
  const { name = 'Items', itemsPath = '$.items' } = overrides;
  return { StartAt: name, States: { [name]: { Type: 'Map', ...(itemsPath === null ? {} : { ItemsPath: itemsPath }), [field]: processor, End: true } } };
}

/** A machine whose only state is the `Parallel` `Both` of two branches: `branch`, and a one-state `Notify`. */
export function twoBranches(branch: Machine): Machine {
  return {
    StartAt: 'Both',
    States: { Both: { Type: 'Parallel', Branches: [branch, { StartAt: 'Notify', States: { Notify: { Type: 'Pass', End: true } } }], End: true } },
  };
}
