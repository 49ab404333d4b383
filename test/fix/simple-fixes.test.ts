/**
 * The simple Batch-contract fixes (fixes/*.ts) through the real fix loop: the exact output in
 * each format, and the invariants of `fixAndCheck` (re-parses, lints clean for the rule, a
 * second run changes nothing, bytes outside the edits untouched).
 */
import { CF_HEAD, fixAndCheck, lines, lintWith, type FixCase } from './fix-harness';

/** A fix case of one rule. */
interface RuleFixCase extends FixCase {
  readonly rule: string;
}

/** A Parallel batch group around `copy`'s triad, in YAML, with `extra` lines after `Branches`. */
function yamlGroup(...extra: string[]): string {
  return lines(
    'StartAt: copy-group',
    'States:',
    '  copy-group:  # the batch group',
    '    Type: Parallel',
    '    Branches:',
    '      - StartAt: copy-pre-batch',
    '        States:',
    '          copy-pre-batch: { Type: Task, Resource: !GetAtt pre-batch.Arn, Next: copy-batch }',
    '          copy-batch:',
    '            Type: Task',
    '            Resource: arn:aws:states:::batch:submitJob.sync',
    '            Next: copy-post-batch',
    '          copy-post-batch:',
    '            Type: Task',
    '            Resource: !GetAtt post-batch.Arn',
    '            End: true',
    ...extra,
    '  publish: { Type: Succeed }',
  );
}

function jsonGroup(group: Record<string, unknown>, indent: number): string {
  const branch = {
    StartAt: 'copy-pre-batch',
    States: {
      'copy-pre-batch': { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:pre-batch', Next: 'copy-batch' },
      'copy-batch': { Type: 'Task', Resource: 'arn:aws:states:::batch:submitJob.sync', Next: 'copy-post-batch' },
      'copy-post-batch': { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:post-batch', End: true },
    },
  };
  return `${JSON.stringify({ StartAt: 'copy-group', States: { 'copy-group': { Type: 'Parallel', Branches: [branch], ...group }, publish: { Type: 'Succeed' } } }, null, indent)}\n`;
}

/** A lone Batch task in YAML with the given lines for its body. */
function yamlTask(...body: string[]): string {
  return lines('# a lone Batch task', 'StartAt: copy-batch', 'States:', '  copy-batch:', ...body.map((l) => `    ${l}`), '  done: { Type: Succeed }');
}

const SYNC: RuleFixCase[] = [
  {
    name: 'a plain Resource, before its comment',
    rule: 'batch/require-sync',
    file: 'a.asl.yaml',
    code: yamlTask('Type: Task', 'Resource: arn:aws:states:::batch:submitJob  # fire and forget', 'Next: done'),
    output: yamlTask('Type: Task', 'Resource: arn:aws:states:::batch:submitJob.sync  # fire and forget', 'Next: done'),
  },
  {
    name: 'a !Sub Resource, single-quoted',
    rule: 'batch/require-sync',
    file: 'a.asl.yaml',
    code: yamlTask('Type: Task', "Resource: !Sub 'arn:${AWS::Partition}:states:::batch:submitJob'", 'End: true'),
    output: yamlTask('Type: Task', "Resource: !Sub 'arn:${AWS::Partition}:states:::batch:submitJob.sync'", 'End: true'),
  },
  {
    name: 'the long form Fn::Sub with a variable map',
    rule: 'batch/require-sync',
    file: 'a.asl.yaml',
    code: yamlTask('Type: Task', 'Resource:', '  Fn::Sub: ["arn:${P}:states:::batch:submitJob", { P: !Ref AWS::Partition }]', 'End: true'),
    output: yamlTask('Type: Task', 'Resource:', '  Fn::Sub: ["arn:${P}:states:::batch:submitJob.sync", { P: !Ref AWS::Partition }]', 'End: true'),
  },
  {
    name: 'JSON with 4 spaces',
    rule: 'batch/require-sync',
    file: 'a.asl.json',
    code: `${JSON.stringify({ StartAt: 'B', States: { B: { Type: 'Task', Resource: 'arn:aws:states:::batch:submitJob', End: true } } }, null, 4)}\n`,
    output: `${JSON.stringify({ StartAt: 'B', States: { B: { Type: 'Task', Resource: 'arn:aws:states:::batch:submitJob.sync', End: true } } }, null, 4)}\n`,
  },
  {
    name: 'JSON embedded in DefinitionString: !Sub |',
    rule: 'batch/require-sync',
    file: 'template.yaml',
    code: lines(...CF_HEAD, '        {"StartAt": "B", "States": {"B": {', '          "Type": "Task", "Resource": "arn:${AWS::Partition}:states:::batch:submitJob", "End": true}}}'),
    output: lines(...CF_HEAD, '        {"StartAt": "B", "States": {"B": {', '          "Type": "Task", "Resource": "arn:${AWS::Partition}:states:::batch:submitJob.sync", "End": true}}}'),
  },
  {
    name: 'no fix for a Fn::Join Resource (no single string to change)',
    rule: 'batch/require-sync',
    file: 'a.asl.yaml',
    code: yamlTask('Type: Task', "Resource: !Join ['', ['arn:', !Ref AWS::Partition, ':states:::batch:submitJob']]", 'End: true'),
    output: null,
  },
];

const OUTPUT_PATH: RuleFixCase[] = [
  {
    name: 'inserted after Branches, before Next, in YAML',
    rule: 'batch/require-output-path',
    file: 'a.asl.yaml',
    code: yamlGroup('    Next: publish  # then publish'),
    output: yamlGroup('    OutputPath: $[0]', '    Next: publish  # then publish'),
  },
  {
    name: 'a wrong OutputPath is set, keeping its quotes',
    rule: 'batch/require-output-path',
    file: 'a.asl.yaml',
    code: yamlGroup("    OutputPath: '$'", '    Next: publish'),
    output: yamlGroup("    OutputPath: '$[0]'", '    Next: publish'),
  },
  {
    name: 'JSONata: Output is quoted',
    rule: 'batch/require-output-path',
    file: 'a.asl.yaml',
    code: `QueryLanguage: JSONata\n${yamlGroup('    Next: publish')}`,
    output: `QueryLanguage: JSONata\n${yamlGroup('    Output: "{% $states.result[0] %}"', '    Next: publish')}`,
  },
  {
    name: 'JSON with 2 spaces',
    rule: 'batch/require-output-path',
    file: 'a.asl.json',
    code: jsonGroup({ Next: 'publish' }, 2),
    output: jsonGroup({ OutputPath: '$[0]', Next: 'publish' }, 2),
  },
  {
    name: 'JSON with 4 spaces',
    rule: 'batch/require-output-path',
    file: 'a.asl.json',
    code: jsonGroup({ Next: 'publish' }, 4),
    output: jsonGroup({ OutputPath: '$[0]', Next: 'publish' }, 4),
  },
];

const GROUP_RETRY: RuleFixCase[] = [
  {
    name: 'inserted after Next, before Catch',
    rule: 'batch/require-group-retry',
    file: 'a.asl.yaml',
    code: yamlGroup('    OutputPath: $[0]', '    Next: publish', '    Catch:', '      - { ErrorEquals: [States.ALL], Next: publish }'),
    output: yamlGroup(
      '    OutputPath: $[0]',
      '    Next: publish',
      '    Retry:',
      '      - ErrorEquals: [States.ALL]',
      '        IntervalSeconds: 3',
      '        MaxAttempts: 2',
      '    Catch:',
      '      - { ErrorEquals: [States.ALL], Next: publish }',
    ),
  },
  {
    name: 'appended to a Retry of other errors',
    rule: 'batch/require-group-retry',
    file: 'a.asl.yaml',
    code: yamlGroup('    OutputPath: $[0]', '    Retry:', '      - ErrorEquals: [States.Timeout]  # timeouts only', '    End: true'),
    output: yamlGroup(
      '    OutputPath: $[0]',
      '    Retry:',
      '      - ErrorEquals: [States.Timeout]  # timeouts only',
      '      - ErrorEquals: [States.ALL]',
      '        IntervalSeconds: 3',
      '        MaxAttempts: 2',
      '    End: true',
    ),
  },
  {
    name: 'appended in JSON with 4 spaces',
    rule: 'batch/require-group-retry',
    file: 'a.asl.json',
    code: jsonGroup({ OutputPath: '$[0]', Retry: [{ ErrorEquals: ['States.Timeout'] }], End: true }, 4),
    output: jsonGroup({ OutputPath: '$[0]', Retry: [{ ErrorEquals: ['States.Timeout'] }, { ErrorEquals: ['States.ALL'], IntervalSeconds: 3, MaxAttempts: 2 }], End: true }, 4).replace(
      /"ErrorEquals": \[\n\s*"States\.ALL"\n\s*\]/,
      '"ErrorEquals": ["States.ALL"]',
    ),
  },
  {
    name: 'no fix over a States.ALL retrier with MaxAttempts 0 (a decision, not a gap)',
    rule: 'batch/require-group-retry',
    file: 'a.asl.yaml',
    code: yamlGroup('    OutputPath: $[0]', '    Retry: [{ ErrorEquals: [States.ALL], MaxAttempts: 0 }]', '    End: true'),
    output: null,
  },
];

/** The Batch task `copy-batch` with `body`, entered from its pre-batch. */
function yamlFedTask(...body: string[]): string {
  return lines(
    '# a Batch task after its pre-batch',
    'StartAt: copy-pre-batch',
    'States:',
    '  copy-pre-batch: { Type: Task, Resource: !GetAtt pre-batch.Arn, Next: copy-batch }',
    '  copy-batch:',
    ...body.map((l) => `    ${l}`),
    '  done: { Type: Succeed }',
  );
}
const PRE_BATCH_JSON = { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:pre-batch', Next: 'B' };

const PAYLOAD_URLS: RuleFixCase[] = [
  {
    name: 'both urls added to the job Parameters (two passes), comments kept',
    rule: 'batch/require-payload-urls',
    file: 'a.asl.yaml',
    code: yamlFedTask('Type: Task', 'Resource: arn:aws:states:::batch:submitJob.sync', 'Parameters:', '  JobName: copy', '  Parameters:', '    scene_id.$: $.id  # the scene', 'End: true'),
    output: yamlFedTask(
      'Type: Task',
      'Resource: arn:aws:states:::batch:submitJob.sync',
      'Parameters:',
      '  JobName: copy',
      '  Parameters:',
      '    scene_id.$: $.id  # the scene',
      '    url.$: $.url',
      '    url_out.$: $.url_out',
      'End: true',
    ),
  },
  {
    name: 'a flow-map job Parameters',
    rule: 'batch/require-payload-urls',
    file: 'a.asl.yaml',
    code: yamlFedTask('Type: Task', 'Resource: arn:aws:states:::batch:submitJob.sync', 'Parameters: { JobName: copy, Parameters: { url.$: $.url } }', 'End: true'),
    output: yamlFedTask('Type: Task', 'Resource: arn:aws:states:::batch:submitJob.sync', 'Parameters: { JobName: copy, Parameters: { url.$: $.url, url_out.$: $.url_out } }', 'End: true'),
  },
  {
    name: 'the job Parameters created inside the task Parameters, JSON 2 spaces',
    rule: 'batch/require-payload-urls',
    file: 'a.asl.json',
    code: `${JSON.stringify({ StartAt: 'A', States: { A: PRE_BATCH_JSON, B: { Type: 'Task', Resource: 'arn:aws:states:::batch:submitJob.sync', Parameters: { JobName: 'copy' }, End: true } } }, null, 2)}\n`,
    output: `${JSON.stringify({ StartAt: 'A', States: { A: PRE_BATCH_JSON, B: { Type: 'Task', Resource: 'arn:aws:states:::batch:submitJob.sync', Parameters: { JobName: 'copy', Parameters: { 'url.$': '$.url', 'url_out.$': '$.url_out' } }, End: true } } }, null, 2)}\n`,
  },
  {
    name: 'the task Parameters created after Resource',
    rule: 'batch/require-payload-urls',
    file: 'a.asl.yaml',
    code: yamlFedTask('Type: Task', 'Resource: arn:aws:states:::batch:submitJob.sync', 'End: true'),
    output: yamlFedTask('Type: Task', 'Resource: arn:aws:states:::batch:submitJob.sync', 'Parameters:', '  Parameters:', '    url.$: $.url', '    url_out.$: $.url_out', 'End: true'),
  },
  {
    name: 'a wrong path is set, a static value becomes the path',
    rule: 'batch/require-payload-urls',
    file: 'a.asl.yaml',
    code: yamlFedTask('Type: Task', 'Resource: arn:aws:states:::batch:submitJob.sync', 'Parameters:', '  Parameters:', '    url.$: $.input', "    url_out: 's3://bucket/out.json'", 'End: true'),
    output: yamlFedTask('Type: Task', 'Resource: arn:aws:states:::batch:submitJob.sync', 'Parameters:', '  Parameters:', '    url.$: $.url', "    url_out.$: '$.url_out'", 'End: true'),
  },
  {
    name: 'embedded JSON in !Sub |',
    rule: 'batch/require-payload-urls',
    file: 'template.yaml',
    code: lines(
      ...CF_HEAD,
      '        {',
      '          "StartAt": "A",',
      '          "States": {',
      '            "A": { "Type": "Task", "Resource": "${PreBatchFunction.Arn}", "Next": "B" },',
      '            "B": {',
      '              "Type": "Task",',
      '              "Resource": "arn:${AWS::Partition}:states:::batch:submitJob.sync",',
      '              "Parameters": { "JobName": "copy", "JobQueue": "${Queue}" },',
      '              "End": true',
      '            }',
      '          }',
      '        }',
    ),
    output: lines(
      ...CF_HEAD,
      '        {',
      '          "StartAt": "A",',
      '          "States": {',
      '            "A": { "Type": "Task", "Resource": "${PreBatchFunction.Arn}", "Next": "B" },',
      '            "B": {',
      '              "Type": "Task",',
      '              "Resource": "arn:${AWS::Partition}:states:::batch:submitJob.sync",',
      '              "Parameters": { "JobName": "copy", "JobQueue": "${Queue}", "Parameters": { "url.$": "$.url", "url_out.$": "$.url_out" } },',
      '              "End": true',
      '            }',
      '          }',
      '        }',
    ),
  },
  {
    name: 'no fix while no pre-batch leads to the task: $.url would not exist at run time',
    rule: 'batch/require-payload-urls',
    file: 'a.asl.yaml',
    code: yamlTask('Type: Task', 'Resource: arn:aws:states:::batch:submitJob.sync', 'Parameters:', '  JobName: copy', 'End: true'),
    output: null,
  },
  {
    name: 'no fix for JSONata tasks',
    rule: 'batch/require-payload-urls',
    file: 'a.asl.yaml',
    code: yamlFedTask('Type: Task', 'QueryLanguage: JSONata', 'Resource: arn:aws:states:::batch:submitJob.sync', 'Arguments: { JobName: copy, Parameters: {} }', 'End: true'),
    output: null,
  },
];

/** A pre-batch state through lambda:invoke, then the Batch task. */
function invokeMachine(...preBatch: string[]): string {
  return lines(
    'StartAt: copy-pre-batch',
    'States:',
    '  copy-pre-batch:',
    ...preBatch.map((l) => `    ${l}`),
    '  copy-batch: { Type: Task, Resource: arn:aws:states:::batch:submitJob.sync, End: true }',
  );
}
const INVOKE = ['Type: Task', 'Resource: arn:aws:states:::lambda:invoke', 'Parameters:', '  FunctionName: pre-batch', '  Payload.$: $'];

const UNWRAP: RuleFixCase[] = [
  {
    name: 'OutputPath inserted after Parameters',
    rule: 'batch/unwrap-lambda-payload',
    file: 'a.asl.yaml',
    code: invokeMachine(...INVOKE, 'Next: copy-batch'),
    output: invokeMachine(...INVOKE, 'OutputPath: $.Payload', 'Next: copy-batch'),
  },
  {
    name: 'a result placed at ResultPath is unwrapped there',
    rule: 'batch/unwrap-lambda-payload',
    file: 'a.asl.yaml',
    code: invokeMachine(...INVOKE, 'ResultPath: $.pre', 'Next: copy-batch'),
    output: invokeMachine(...INVOKE, 'ResultPath: $.pre', 'OutputPath: $.pre.Payload', 'Next: copy-batch'),
  },
  {
    name: 'OutputPath "$" is set',
    rule: 'batch/unwrap-lambda-payload',
    file: 'a.asl.yaml',
    code: invokeMachine(...INVOKE, 'OutputPath: "$"', 'Next: copy-batch'),
    output: invokeMachine(...INVOKE, 'OutputPath: "$.Payload"', 'Next: copy-batch'),
  },
  {
    name: 'JSON with 4 spaces',
    rule: 'batch/unwrap-lambda-payload',
    file: 'a.asl.json',
    code: `${JSON.stringify(
      { StartAt: 'P', States: { P: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'pre-batch', 'Payload.$': '$' }, Next: 'B' }, B: { Type: 'Task', Resource: 'arn:aws:states:::batch:submitJob.sync', End: true } } },
      null,
      4,
    )}\n`,
    output: `${JSON.stringify(
      { StartAt: 'P', States: { P: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'pre-batch', 'Payload.$': '$' }, OutputPath: '$.Payload', Next: 'B' }, B: { Type: 'Task', Resource: 'arn:aws:states:::batch:submitJob.sync', End: true } } },
      null,
      4,
    )}\n`,
  },
  {
    name: 'JSONata: Output inserted',
    rule: 'batch/unwrap-lambda-payload',
    file: 'a.asl.yaml',
    code: `QueryLanguage: JSONata\n${invokeMachine('Type: Task', 'Resource: arn:aws:states:::lambda:invoke', 'Arguments: { FunctionName: pre-batch }', 'Next: copy-batch')}`,
    output: `QueryLanguage: JSONata\n${invokeMachine('Type: Task', 'Resource: arn:aws:states:::lambda:invoke', 'Arguments: { FunctionName: pre-batch }', 'Output: "{% $states.result.Payload %}"', 'Next: copy-batch')}`,
  },
  {
    name: 'no fix when a ResultSelector shapes the result',
    rule: 'batch/unwrap-lambda-payload',
    file: 'a.asl.yaml',
    code: invokeMachine(...INVOKE, 'ResultSelector: { url.$: $.url }', 'Next: copy-batch'),
    output: null,
  },
];

describe.each([
  ['batch/require-sync', SYNC],
  ['batch/require-output-path', OUTPUT_PATH],
  ['batch/require-group-retry', GROUP_RETRY],
  ['batch/require-payload-urls', PAYLOAD_URLS],
  ['batch/unwrap-lambda-payload', UNWRAP],
])('%s', (_, cases) => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (__, c) => {
    if (c.output === null) {
      const messages = lintWith([c.rule], c.code, c.file).filter((m) => m.ruleId === c.rule);
      expect(messages.length).toBeGreaterThan(0);
      expect(messages.map((m) => m.fix)).toEqual(messages.map(() => undefined));
      return;
    }
    expect(fixAndCheck(c.rule, c.code, c.file)).toBe(c.output);
  });
});
