/**
 * The construct reader on its own: which code it reads as a machine, where each synthetic node
 * points in the source, and which code it declines to read (never guessing a chain).
 */
import { Project } from 'ts-morph';
import { findCdkMachines } from '../../../src/formats/ts/cdk';
import { getAt, toValue, type AstNode } from '../../../src/model/ast';

const HEAD = [
  "import * as cdk from 'aws-cdk-lib';",
  "import * as sfn from 'aws-cdk-lib/aws-stepfunctions';",
  "import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';",
  "import type { Construct } from 'constructs';",
  '',
];

/** The machines of a stack whose constructor body is `body`. */
function read(body: readonly string[], head: readonly string[] = HEAD) {
  const text = [...head, 'export class S extends cdk.Stack {', '  constructor(scope: Construct, id: string, names: string[]) {', '    super(scope, id);', ...body.map((l) => `    ${l}`), '  }', '}', ''].join('\n');
  const file = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true }).createSourceFile('/app/s.ts', text);
  return { text, machines: findCdkMachines(file, text) };
}

const slice = (text: string, node: AstNode | undefined) => (node ? text.slice(node.range[0], node.range[1]) : undefined);

test('state keys point at construct ids, Next at the .next() argument, props at their values', () => {
  const { text, machines } = read([
    "const prepare = new sfn.Pass(this, 'prepare', { outputPath: '$.input' });",
    "const wait = new sfn.Wait(this, 'wait', { time: sfn.WaitTime.duration(cdk.Duration.minutes(2)) });",
    "new sfn.StateMachine(this, 'M', { stateMachineName: 'ingest', definitionBody: sfn.DefinitionBody.fromChainable(prepare.next(wait)) });",
  ]);
  expect(machines).toHaveLength(1);
  const [machine] = machines;
  expect(machine.name).toBe('ingest');
  expect(toValue(machine.definition)).toEqual({
    StartAt: 'prepare',
    States: {
      prepare: { Type: 'Pass', OutputPath: '$.input', Next: 'wait' },
      wait: { Type: 'Wait', Seconds: 120, End: true },
    },
  });
  const states = getAt(machine.definition, ['States']);
  const prepare = states?.kind === 'object' ? states.properties[0] : undefined;
  expect(slice(text, prepare?.key)).toBe("'prepare'");
  expect(slice(text, getAt(machine.definition, ['States', 'prepare', 'Next']))).toBe('wait');
  expect(slice(text, getAt(machine.definition, ['States', 'prepare', 'OutputPath']))).toBe("'$.input'");
  expect(slice(text, getAt(machine.definition, ['StartAt']))).toBe('prepare');
});

test('values not known statically are placeholders holding their source text', () => {
  const { machines } = read([
    "const job = new tasks.BatchSubmitJob(this, 'job', { jobName: names[0], jobQueueArn: 'q', jobDefinitionArn: 'd', attempts: 2 });",
    "new sfn.StateMachine(this, 'M', { definitionBody: sfn.DefinitionBody.fromChainable(job) });",
  ]);
  const jobName = getAt(machines[0].definition, ['States', 'job', 'Parameters', 'JobName']);
  expect(jobName).toMatchObject({ kind: 'scalar', value: 'names[0]', placeholder: true });
  expect(toValue(getAt(machines[0].definition, ['States', 'job', 'Parameters', 'RetryStrategy'])!)).toEqual({ Attempts: 2 });
  expect(toValue(getAt(machines[0].definition, ['States', 'job', 'Resource'])!)).toBe('arn:aws:states:::batch:submitJob.sync');
});

test('Choice rules, Map processors and Parallel branches become nested scopes', () => {
  const { machines } = read([
    "const each = new sfn.Map(this, 'each', { itemsPath: '$.items', maxConcurrency: 4 }).itemProcessor(new sfn.Pass(this, 'item'));",
    "const both = new sfn.Parallel(this, 'both').branch(new sfn.Pass(this, 'left')).branch(new sfn.Pass(this, 'right'));",
    "const route = new sfn.Choice(this, 'route')",
    "  .when(sfn.Condition.stringEquals('$.kind', 'many'), each)",
    "  .when(sfn.Condition.and(sfn.Condition.isPresent('$.a'), sfn.Condition.not(sfn.Condition.booleanEquals('$.b', true))), both)",
    "  .otherwise(new sfn.Succeed(this, 'nothing'));",
    "new sfn.StateMachine(this, 'M', { definitionBody: sfn.DefinitionBody.fromChainable(route) });",
  ]);
  expect(toValue(machines[0].definition)).toEqual({
    StartAt: 'route',
    States: {
      route: {
        Type: 'Choice',
        Choices: [
          { Variable: '$.kind', StringEquals: 'many', Next: 'each' },
          { And: [{ Variable: '$.a', IsPresent: true }, { Not: { Variable: '$.b', BooleanEquals: true } }], Next: 'both' },
        ],
        Default: 'nothing',
      },
      each: { Type: 'Map', ItemsPath: '$.items', MaxConcurrency: 4, ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'item', States: { item: { Type: 'Pass', End: true } } }, End: true },
      both: {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'left', States: { left: { Type: 'Pass', End: true } } },
          { StartAt: 'right', States: { right: { Type: 'Pass', End: true } } },
        ],
        End: true,
      },
      nothing: { Type: 'Succeed' },
    },
  });
});

test('imports through aws-cdk-lib namespaces and renamed named imports are resolved', () => {
  const head = ["import * as cdk from 'aws-cdk-lib';", "import { aws_stepfunctions as stepfunctions } from 'aws-cdk-lib';", "import { Pass as PassState } from 'aws-cdk-lib/aws-stepfunctions';", "import type { Construct } from 'constructs';", ''];
  const { machines } = read(
    [
      "const first = new PassState(this, 'first');",
      "const second = new cdk.aws_stepfunctions.Pass(this, 'second');",
      "new stepfunctions.StateMachine(this, 'M', { definitionBody: stepfunctions.DefinitionBody.fromChainable(stepfunctions.Chain.start(first).next(second)) });",
    ],
    head,
  );
  expect(toValue(machines[0].definition)).toEqual({ StartAt: 'first', States: { first: { Type: 'Pass', Next: 'second' }, second: { Type: 'Pass', End: true } } });
});

test('chain calls as separate statements apply once, in order', () => {
  const { machines } = read([
    "const a = new sfn.Pass(this, 'a');",
    "const job = new tasks.BatchSubmitJob(this, 'job', { jobName: 'j', jobQueueArn: 'q', jobDefinitionArn: 'd' });",
    "const handler = new sfn.Fail(this, 'handler');",
    'a.next(job);',
    "job.addRetry({ maxAttempts: 2 });",
    "job.addCatch(handler, { errors: ['Batch.Failed'], resultPath: '$.error' });",
    "new sfn.StateMachine(this, 'M', { definitionBody: sfn.DefinitionBody.fromChainable(a) });",
  ]);
  const job = toValue(getAt(machines[0].definition, ['States', 'job'])!) as Record<string, unknown>;
  expect(job.Retry).toEqual([{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }]);
  expect(job.Catch).toEqual([{ ErrorEquals: ['Batch.Failed'], ResultPath: '$.error', Next: 'handler' }]);
  expect(Object.keys(toValue(getAt(machines[0].definition, ['States'])!) as object)).toEqual(['a', 'job', 'handler']);
});

test.each([
  ['a state made in a loop', ['let chain = sfn.Chain.start(new sfn.Pass(this, "s"));', 'for (const n of names) chain = chain.next(new sfn.Pass(this, n));', "new sfn.StateMachine(this, 'M', { definitionBody: sfn.DefinitionBody.fromChainable(chain) });"]],
  ['a chain call under a condition', ["const a = new sfn.Pass(this, 'a');", "if (names.length > 0) a.next(new sfn.Pass(this, 'b'));", "new sfn.StateMachine(this, 'M', { definitionBody: sfn.DefinitionBody.fromChainable(a) });"]],
  ['a retry added in a callback', ["const a = new sfn.Pass(this, 'a');", "const p = new sfn.Parallel(this, 'p').branch(a);", 'names.forEach(() => p.addRetry());', "new sfn.StateMachine(this, 'M', { definitionBody: sfn.DefinitionBody.fromChainable(p) });"]],
  ['a state from a helper call', ["const make = () => new sfn.Pass(this, 'a');", "new sfn.StateMachine(this, 'M', { definitionBody: sfn.DefinitionBody.fromChainable(make()) });"]],
  ['a computed construct id', ["const a = new sfn.Pass(this, names[0]);", "new sfn.StateMachine(this, 'M', { definitionBody: sfn.DefinitionBody.fromChainable(a) });"]],
])('%s: the machine is not read', (_case, body) => {
  expect(read(body).machines).toEqual([]);
});

test('a string definition is left to the object-literal reader', () => {
  expect(read(["new sfn.StateMachine(this, 'M', { definitionBody: sfn.DefinitionBody.fromString('{}') });"]).machines).toEqual([]);
});

test('CommonJS requires are resolved like imports', () => {
  const text = [
    "const sfn = require('aws-cdk-lib/aws-stepfunctions');",
    "const { Pass: PassState } = require('aws-cdk-lib/aws-stepfunctions');",
    'function build(stack) {',
    "  const a = new PassState(stack, 'a');",
    "  return new sfn.StateMachine(stack, 'M', { definitionBody: sfn.DefinitionBody.fromChainable(a.next(new sfn.Succeed(stack, 'b'))) });",
    '}',
    'module.exports = { build };',
    '',
  ].join('\n');
  const file = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, compilerOptions: { allowJs: true } }).createSourceFile('/app/s.js', text);
  expect(findCdkMachines(file, text).map((m) => toValue(m.definition))).toEqual([{ StartAt: 'a', States: { a: { Type: 'Pass', Next: 'b' }, b: { Type: 'Succeed' } } }]);
});

test('a machine is its chain as it stands when constructed: later chain calls do not change it', () => {
  const { machines } = read([
    "const a = new sfn.Pass(this, 'a');",
    "new sfn.StateMachine(this, 'M', { definitionBody: sfn.DefinitionBody.fromChainable(a) });",
    "a.next(new sfn.Succeed(this, 'later'));",
  ]);
  expect(toValue(machines[0].definition)).toEqual({ StartAt: 'a', States: { a: { Type: 'Pass', End: true } } });
});
