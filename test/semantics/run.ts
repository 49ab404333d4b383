/**
 * Runs a workflow definition in `aws-local-stepfunctions` against a `ContractWorld`, and asks
 * `asl-validator` for a second opinion on a definition.
 *
 * `runWorkflow` materialises the definition (intrinsics and placeholders -> fake ARNs, see
 * materialise.ts), wires every Task state to the world, sets every `Retry` pause and every
 * `Wait` to zero (no timers: runs are fast and deterministic), and reports the outcome the
 * way Step Functions would: `SUCCEEDED` with the output, or `FAILED` with the error name and
 * cause. A definition the interpreter cannot run faithfully (JSONata, variables, distributed
 * Map readers, …: see `unsupportedFeatures`) or a call the world does not model throws
 * `HarnessError` instead of producing an outcome.
 */
import '../setup/polyfills';
import aslValidator from 'asl-validator';
import { ExecutionError, ExecutionTimeoutError, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { ContractWorld, forEachState, HarnessError, StepFunctionsError, type WorldOptions } from './contract-world';
import { cloneJson, isJsonObject, materialise, type Json, type JsonObject } from './materialise';

export interface RunOutcome {
  readonly status: 'SUCCEEDED' | 'FAILED';
  /** The execution's output, when it succeeded. */
  readonly output?: Json;
  /** The error name, when it failed (`MyError`, `States.TaskFailed`, `States.Runtime`, …). */
  readonly error?: string;
  /** The error cause, when it failed. */
  readonly cause?: string;
  /** The world the run used: S3 objects, logs, calls, job runs. */
  readonly world: ContractWorld;
  /** Names of the states entered, in order (nested ones included; from the event log). */
  readonly trace: readonly string[];
}

export interface RunWorkflowOptions {
  /** Skip `materialise` (for a definition that is already runnable). Default: materialise. */
  readonly materialise?: boolean;
  /** The Context Object; `Execution.Input`/`StartTime` are filled in by the interpreter. */
  readonly context?: JsonObject;
  /**
   * Refuse a definition that asl-validator rejects (HarnessError) instead of running it into
   * undefined behaviour. Default true; results are cached per definition.
   */
  readonly validate?: boolean;
}

/** The default Context Object: fixed ids, so `$$.Execution.Id` and friends are deterministic. */
const DEFAULT_CONTEXT: JsonObject = {
  Execution: {
    Id: 'arn:aws:states:us-east-1:123456789012:execution:wf-lint-test:execution-1',
    Name: 'execution-1',
    RoleArn: 'arn:aws:iam::123456789012:role/wf-lint-test',
  },
  StateMachine: { Id: 'arn:aws:states:us-east-1:123456789012:stateMachine:wf-lint-test', Name: 'wf-lint-test' },
};

/** Fields and forms that aws-local-stepfunctions 3 ignores or gets wrong: a run would prove nothing. */
export function unsupportedFeatures(definition: Json): string[] {
  const found: string[] = [];
  if (isJsonObject(definition) && definition.QueryLanguage === 'JSONata') found.push('QueryLanguage: JSONata (machine)');
  forEachState(definition, (name, state) => {
    if (state.QueryLanguage === 'JSONata') found.push(`${name}: QueryLanguage: JSONata`);
    for (const field of ['Assign', 'Arguments', 'Output', 'Items', 'ItemReader', 'ItemBatcher', 'ResultWriter',
      'ToleratedFailureCount', 'ToleratedFailureCountPath', 'ToleratedFailurePercentage', 'ToleratedFailurePercentagePath']) {
      if (field in state) found.push(`${name}: ${field}`);
    }
    if (state.Type === 'Pass' && 'Result' in state && !state.Result) {
      found.push(`${name}: a falsy Pass Result (the interpreter passes the input through instead)`);
    }
    const { Branches: _b, ItemProcessor: _p, Iterator: _i, ...own } = state;
    if (/\$\$\.(State|Task)\b/.test(JSON.stringify(own))) found.push(`${name}: $$.State / $$.Task context fields`);
  });
  return found;
}

/** Runs `definition` on `input` in `world` (a fresh world by default, or one built from options). */
export async function runWorkflow(
  definition: unknown,
  input: Json,
  world: ContractWorld | WorldOptions = new ContractWorld(),
  options: RunWorkflowOptions = {},
): Promise<RunOutcome> {
  const theWorld = world instanceof ContractWorld ? world : new ContractWorld(world);
  const def = (options.materialise === false ? cloneJson(definition) : materialise(definition)) as Json;
  const unsupported = unsupportedFeatures(def);
  if (unsupported.length > 0) {
    throw new HarnessError(`aws-local-stepfunctions cannot run this definition faithfully:\n  ${unsupported.join('\n  ')}`);
  }

  const taskResourceLocalHandlers = theWorld.handlersFor(def);
  const retryIntervalOverrides: Record<string, number> = {};
  const waitTimeOverrides: Record<string, number> = {};
  forEachState(def, (name, state) => {
    if (Array.isArray(state.Retry)) retryIntervalOverrides[name] = 0;
    if (state.Type === 'Wait') waitTimeOverrides[name] = 0;
  });

  if (options.validate !== false) {
    const errors = acceptedByAslValidator(def, { materialise: false });
    if (errors.length > 0) throw new HarnessError(`asl-validator rejects the definition, so it cannot be run:\n  ${errors.join('\n  ')}`);
  }
  // Validated above (once per distinct definition): the interpreter's own validator builds a new
  // ajv instance per call (~0.2 s), too slow to run on every execution.
  const machine = new StateMachine(cloneJson(def) as unknown as StateMachineDefinition, { validationOptions: { noValidate: true } });

  const context = { ...DEFAULT_CONTEXT, ...options.context };
  const execution = machine.run(cloneJson(input), {
    overrides: { taskResourceLocalHandlers, retryIntervalOverrides, waitTimeOverrides },
    context,
  });
  const trace: string[] = [];
  const traced = (async () => {
    for await (const event of execution.eventLogs) if (event.type === 'StateEntered') trace.push(event.state.name);
  })();

  let outcome: Omit<RunOutcome, 'world' | 'trace'>;
  try {
    outcome = { status: 'SUCCEEDED', output: (await execution.result) as Json };
  } catch (error) {
    if (error instanceof ExecutionTimeoutError) {
      outcome = { status: 'FAILED', error: 'States.Timeout', cause: error.message };
    } else if (error instanceof ExecutionError) {
      const cause = error.cause;
      if (cause instanceof HarnessError) throw cause;
      // Workflow errors are the interpreter's RuntimeErrors (States.*, Fail states) or the
      // world's StepFunctionsErrors; anything else (a TypeError, …) is a bug of the harness or
      // of the interpreter, never an outcome of the workflow.
      if (!(cause instanceof StepFunctionsError) && !(cause instanceof Error && 'isCatchable' in cause)) {
        throw new HarnessError(`the run broke down instead of producing an outcome: ${cause instanceof Error ? cause.stack : String(cause)}`);
      }
      outcome = { status: 'FAILED', error: cause.name, cause: cause.message };
    } else {
      throw error;
    }
  }
  await traced;
  return { ...outcome, world: theWorld, trace };
}

export interface AslValidatorCheck {
  /** Validate JSONPath/JSONata expressions too. Default true. */
  readonly checkPaths?: boolean;
  /** Materialise first (intrinsics in `Resource` are not strings). Default true. */
  readonly materialise?: boolean;
}

/**
 * `asl-validator`'s (v4) opinion of a definition, ARN checks off: the list of its errors
 * (`CODE: message`), empty when it accepts the definition.
 */
export function acceptedByAslValidator(definition: unknown, options: AslValidatorCheck = {}): string[] {
  const def = options.materialise === false ? definition : materialise(definition);
  const checkPaths = options.checkPaths ?? true;
  const key = `${checkPaths}:${JSON.stringify(def)}`;
  let errors = validatorCache.get(key);
  if (errors === undefined) {
    // The validator writes `QueryLanguage` into every state: hand it a copy.
    const result = aslValidator(cloneJson(def), { checkArn: false, checkPaths });
    errors = result.isValid ? [] : result.errors.map((e) => `${e['Error code']}: ${e.Message}`);
    validatorCache.set(key, errors);
  }
  return [...errors];
}

/** asl-validator compiles its schemas on every call (~0.2 s): remember its answers. */
const validatorCache = new Map<string, string[]>();
