/**
 * The fixes of batch/require-catch-to-post-batch (fixes/catch-to-post-batch.ts) and
 * batch/no-native-retry (fixes/migrate-retry-strategy.ts) through the real fix loop: the exact
 * output in YAML (with comments), JSON (2 and 4 spaces) and JSON embedded in
 * `DefinitionString: !Sub |`, with the invariants of `fixAndCheck` (re-parses, no diagnostic of
 * the rule left, a second run changes nothing, bytes outside the edits untouched); and the
 * cases reported without a fix, because fixing them could drop an error path or a retry.
 */
import { migrateRetryStrategy } from '../../fixes/migrate-retry-strategy';
import type { FixOp } from '../../src/engine/fix-ops';
import { BatchQueries, batchMatchers } from '../../src/model/batch';
import { applyOps, CF_HEAD, fixAndCheck, fixer, fixWith, lines, lintWith, stateNamed, type FixCase } from './fix-harness';

const CATCH = 'batch/require-catch-to-post-batch';
const RETRY = 'batch/no-native-retry';

/** A flat triad in YAML; `task` are the Batch task's lines after its `Parameters`. */
function flatYaml(...task: string[]): string {
  return lines(
    '# copy the assets, flat',
    'StartAt: copy-pre-batch',
    'States:',
    '  copy-pre-batch:',
    '    Type: Task',
    '    Resource: !GetAtt pre-batch.Arn',
    '    Next: copy-batch',
    '  copy-batch:  # the job',
    '    Type: Task',
    '    Resource: arn:aws:states:::batch:submitJob.sync',
    '    Parameters:',
    '      JobName: copy',
    '      JobQueue: "#{CopyJobQueue}"',
    ...task.map((l) => `    ${l}`),
    '  copy-post-batch:',
    '    Type: Task',
    '    Resource: !GetAtt post-batch.Arn',
    '    End: true',
    '  workflow-failed: { Type: Fail }  # the failure handler',
  );
}

/**
 * A batch group in YAML: `task` are the Batch task's lines after its `Resource`, `group` the
 * group's lines after `Branches`, `branch` more states of the branch.
 */
function groupYaml(task: readonly string[], group: readonly string[], branch: readonly string[] = []): string {
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
    ...task.map((l) => `            ${l}`),
    '          copy-post-batch:',
    '            Type: Task',
    '            Resource: !GetAtt post-batch.Arn',
    '            End: true',
    ...branch.map((l) => `          ${l}`),
    ...group.map((l) => `    ${l}`),
    '  workflow-failed:',
    '    Type: Fail',
  );
}

/** `JSON.stringify` at `indent`, with arrays of strings kept on one line as people write them. */
function json(value: unknown, indent: number): string {
  return `${JSON.stringify(value, null, indent).replace(/\[\n\s*("[^"\n]*"(?:,\n\s*"[^"\n]*")*)\n\s*\]/g, (_, items: string) => `[${items.split(/,\n\s*/).join(', ')}]`)}\n`;
}

const PRE = 'arn:aws:lambda:us-east-1:1:function:pre-batch';
const POST = 'arn:aws:lambda:us-east-1:1:function:post-batch';
const BATCH = 'arn:aws:states:::batch:submitJob.sync';
const JOB = { JobName: 'copy', JobQueue: 'copy-queue', JobDefinition: 'copy' };

/** A flat triad as data; `task` are the Batch task's fields after `Resource`. */
function flatMachine(task: Record<string, unknown>): unknown {
  return {
    StartAt: 'copy-pre-batch',
    States: {
      'copy-pre-batch': { Type: 'Task', Resource: PRE, Next: 'copy-batch' },
      'copy-batch': { Type: 'Task', Resource: BATCH, ...task },
      'copy-post-batch': { Type: 'Task', Resource: POST, End: true },
    },
  };
}

/** A batch group as data; `group` are the group's fields after `Branches`. */
function groupMachine(task: Record<string, unknown>, group: Record<string, unknown>): unknown {
  const branch = {
    StartAt: 'copy-pre-batch',
    States: {
      'copy-pre-batch': { Type: 'Task', Resource: PRE, Next: 'copy-batch' },
      'copy-batch': { Type: 'Task', Resource: BATCH, ...task },
      'copy-post-batch': { Type: 'Task', Resource: POST, End: true },
    },
  };
  return { StartAt: 'copy-group', States: { 'copy-group': { Type: 'Parallel', Branches: [branch], ...group }, 'workflow-failed': { Type: 'Fail' } } };
}

const TO_POST = { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'copy-post-batch' };

const CATCH_CASES: FixCase[] = [
  {
    name: 'YAML: Catch inserted after Next, past its comment',
    file: 'copy.asl.yaml',
    code: flatYaml('Next: copy-post-batch  # always post-batch'),
    output: flatYaml(
      'Next: copy-post-batch  # always post-batch',
      'Catch:',
      '  - ErrorEquals: [States.ALL]',
      '    ResultPath: $.error',
      '    Next: copy-post-batch',
    ),
  },
  {
    name: 'YAML: Catch inserted after Retry, which follows Next',
    file: 'copy.asl.yaml',
    code: flatYaml('Next: copy-post-batch', 'Retry:', '  - ErrorEquals: [Batch.ServerException]  # AWS side', 'TimeoutSeconds: 3600  # an hour'),
    output: flatYaml(
      'Next: copy-post-batch',
      'Retry:',
      '  - ErrorEquals: [Batch.ServerException]  # AWS side',
      'Catch:',
      '  - ErrorEquals: [States.ALL]',
      '    ResultPath: $.error',
      '    Next: copy-post-batch',
      'TimeoutSeconds: 3600  # an hour',
    ),
  },
  {
    name: 'YAML: appended to an existing Catch of other errors (States.ALL comes last)',
    file: 'copy.asl.yaml',
    code: flatYaml('Next: copy-post-batch', 'Catch:', '  - ErrorEquals: [States.Timeout]  # too slow: give up', '    Next: workflow-failed'),
    output: flatYaml(
      'Next: copy-post-batch',
      'Catch:',
      '  - ErrorEquals: [States.Timeout]  # too slow: give up',
      '    Next: workflow-failed',
      '  - ErrorEquals: [States.ALL]',
      '    ResultPath: $.error',
      '    Next: copy-post-batch',
    ),
  },
  {
    // The yaml library pads nested flow sequences like the flow mapping (one
    // `flowCollectionPadding` for both): `[ States.ALL ]` inside `{ … }`.
    name: 'YAML: appended to a flow Catch list',
    file: 'copy.asl.yaml',
    code: flatYaml('Next: copy-post-batch', 'Catch: [{ ErrorEquals: [States.Timeout], Next: workflow-failed }]'),
    output: flatYaml(
      'Next: copy-post-batch',
      'Catch: [{ ErrorEquals: [States.Timeout], Next: workflow-failed }, { ErrorEquals: [ States.ALL ], ResultPath: $.error, Next: copy-post-batch }]',
    ),
  },
  {
    name: 'YAML: a wrong ResultPath is set, keeping its quotes and comment',
    file: 'copy.asl.yaml',
    code: flatYaml('Next: copy-post-batch', 'Catch:', '  - ErrorEquals: [States.ALL]', "    ResultPath: '$.err'  # for post-batch", '    Next: copy-post-batch'),
    output: flatYaml('Next: copy-post-batch', 'Catch:', '  - ErrorEquals: [States.ALL]', "    ResultPath: '$.error'  # for post-batch", '    Next: copy-post-batch'),
  },
  {
    name: 'YAML: ResultPath null is set',
    file: 'copy.asl.yaml',
    code: flatYaml('Next: copy-post-batch', 'Catch: [{ ErrorEquals: [States.ALL], ResultPath: null, Next: copy-post-batch }]'),
    output: flatYaml('Next: copy-post-batch', 'Catch: [{ ErrorEquals: [States.ALL], ResultPath: $.error, Next: copy-post-batch }]'),
  },
  {
    name: 'YAML: a missing ResultPath is inserted after ErrorEquals',
    file: 'copy.asl.yaml',
    code: flatYaml('Next: copy-post-batch', 'Catch:', '  - ErrorEquals: [States.ALL]  # everything', '    Next: copy-post-batch'),
    output: flatYaml('Next: copy-post-batch', 'Catch:', '  - ErrorEquals: [States.ALL]  # everything', '    ResultPath: $.error', '    Next: copy-post-batch'),
  },
  {
    name: 'YAML: a catcher back to pre-batch (inside the triad) goes to post-batch, with its ResultPath',
    file: 'copy.asl.yaml',
    code: flatYaml('Next: copy-post-batch', 'Catch:', '  - ErrorEquals: [States.ALL]', '    Next: copy-pre-batch  # try again'),
    output: flatYaml('Next: copy-post-batch', 'Catch:', '  - ErrorEquals: [States.ALL]', '    ResultPath: $.error', '    Next: copy-post-batch  # try again'),
  },
  {
    name: 'YAML: in a group with an outer Catch, a catcher to a Fail state of the branch goes to post-batch',
    file: 'copy.asl.yaml',
    code: groupYaml(
      ['Next: copy-post-batch', 'Catch:', '  - ErrorEquals: [States.ALL]', '    ResultPath: $.error', '    Next: copy-failed'],
      ['OutputPath: $[0]', 'End: true', 'Catch:', '  - ErrorEquals: [States.ALL]', '    ResultPath: $.error', '    Next: workflow-failed'],
      ['copy-failed: { Type: Fail }'],
    ),
    output: groupYaml(
      ['Next: copy-post-batch', 'Catch:', '  - ErrorEquals: [States.ALL]', '    ResultPath: $.error', '    Next: copy-post-batch'],
      ['OutputPath: $[0]', 'End: true', 'Catch:', '  - ErrorEquals: [States.ALL]', '    ResultPath: $.error', '    Next: workflow-failed'],
      ['copy-failed: { Type: Fail }'],
    ),
  },
  {
    name: 'YAML: in a group with an outer Catch, a catcher left pointing outside the branch goes to post-batch',
    file: 'copy.asl.yaml',
    code: groupYaml(
      ['Next: copy-post-batch', 'Catch:', '  - ErrorEquals: [States.ALL]', '    Next: workflow-failed  # moved up to the group'],
      ['OutputPath: $[0]', 'End: true', 'Catch: [{ ErrorEquals: [States.ALL], ResultPath: $.error, Next: workflow-failed }]'],
    ),
    output: groupYaml(
      ['Next: copy-post-batch', 'Catch:', '  - ErrorEquals: [States.ALL]', '    ResultPath: $.error', '    Next: copy-post-batch  # moved up to the group'],
      ['OutputPath: $[0]', 'End: true', 'Catch: [{ ErrorEquals: [States.ALL], ResultPath: $.error, Next: workflow-failed }]'],
    ),
  },
  {
    name: 'JSON 2 spaces: Catch inserted after Next',
    file: 'copy.asl.json',
    code: json(flatMachine({ Parameters: JOB, Next: 'copy-post-batch' }), 2),
    output: json(flatMachine({ Parameters: JOB, Next: 'copy-post-batch', Catch: [TO_POST] }), 2),
  },
  {
    name: 'JSON 2 spaces: a wrong ResultPath is set',
    file: 'copy.asl.json',
    code: json(groupMachine({ Parameters: JOB, Next: 'copy-post-batch', Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$', Next: 'copy-post-batch' }] }, { OutputPath: '$[0]', End: true }), 2),
    output: json(groupMachine({ Parameters: JOB, Next: 'copy-post-batch', Catch: [TO_POST] }, { OutputPath: '$[0]', End: true }), 2),
  },
  {
    name: 'JSON 4 spaces: appended to an existing Catch list',
    file: 'copy.asl.json',
    code: json(flatMachine({ Parameters: JOB, Next: 'copy-post-batch', Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'copy-post-batch' }] }), 4),
    output: json(flatMachine({ Parameters: JOB, Next: 'copy-post-batch', Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'copy-post-batch' }, TO_POST] }), 4),
  },
  {
    name: 'JSON 4 spaces: a missing ResultPath is inserted, a wrong Next set',
    file: 'copy.asl.json',
    code: json(flatMachine({ Parameters: JOB, Next: 'copy-post-batch', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'copy-batch' }] }), 4),
    output: json(flatMachine({ Parameters: JOB, Next: 'copy-post-batch', Catch: [TO_POST] }), 4),
  },
  {
    name: 'embedded JSON in !Sub |: Catch inserted',
    file: 'template.yaml',
    code: lines(
      ...CF_HEAD,
      '        {',
      '          "StartAt": "copy-pre-batch",',
      '          "States": {',
      '            "copy-pre-batch": { "Type": "Task", "Resource": "${PreBatchArn}", "Next": "copy-batch" },',
      '            "copy-batch": {',
      '              "Type": "Task",',
      '              "Resource": "arn:${AWS::Partition}:states:::batch:submitJob.sync",',
      '              "Parameters": { "JobName": "copy", "JobQueue": "${Queue}", "JobDefinition": "${Definition}" },',
      '              "Next": "copy-post-batch"',
      '            },',
      '            "copy-post-batch": { "Type": "Task", "Resource": "${PostBatchArn}", "End": true }',
      '          }',
      '        }',
      '      RoleArn: !GetAtt Role.Arn  # after the definition',
    ),
    output: lines(
      ...CF_HEAD,
      '        {',
      '          "StartAt": "copy-pre-batch",',
      '          "States": {',
      '            "copy-pre-batch": { "Type": "Task", "Resource": "${PreBatchArn}", "Next": "copy-batch" },',
      '            "copy-batch": {',
      '              "Type": "Task",',
      '              "Resource": "arn:${AWS::Partition}:states:::batch:submitJob.sync",',
      '              "Parameters": { "JobName": "copy", "JobQueue": "${Queue}", "JobDefinition": "${Definition}" },',
      '              "Next": "copy-post-batch",',
      '              "Catch": [',
      '                {',
      '                  "ErrorEquals": ["States.ALL"],',
      '                  "ResultPath": "$.error",',
      '                  "Next": "copy-post-batch"',
      '                }',
      '              ]',
      '            },',
      '            "copy-post-batch": { "Type": "Task", "Resource": "${PostBatchArn}", "End": true }',
      '          }',
      '        }',
      '      RoleArn: !GetAtt Role.Arn  # after the definition',
    ),
  },
  {
    name: 'embedded JSON in !Sub |: a wrong ResultPath in a one-line catcher is set',
    file: 'template.yaml',
    code: lines(
      ...CF_HEAD,
      '        {"StartAt": "copy-pre-batch", "States": {',
      '          "copy-pre-batch": {"Type": "Task", "Resource": "${PreBatchArn}", "Next": "copy-batch"},',
      '          "copy-batch": {"Type": "Task", "Resource": "arn:${AWS::Partition}:states:::batch:submitJob.sync", "Next": "copy-post-batch",',
      '            "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.errors", "Next": "copy-post-batch"}]},',
      '          "copy-post-batch": {"Type": "Task", "Resource": "${PostBatchArn}", "End": true}}}',
    ),
    output: lines(
      ...CF_HEAD,
      '        {"StartAt": "copy-pre-batch", "States": {',
      '          "copy-pre-batch": {"Type": "Task", "Resource": "${PreBatchArn}", "Next": "copy-batch"},',
      '          "copy-batch": {"Type": "Task", "Resource": "arn:${AWS::Partition}:states:::batch:submitJob.sync", "Next": "copy-post-batch",',
      '            "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "copy-post-batch"}]},',
      '          "copy-post-batch": {"Type": "Task", "Resource": "${PostBatchArn}", "End": true}}}',
    ),
  },
  {
    name: 'no fix: a flat task whose States.ALL catcher goes to the failure handler (the wrap fix moves it to the group first)',
    file: 'copy.asl.yaml',
    code: flatYaml('Next: copy-post-batch', 'Catch:', '  - ErrorEquals: [States.ALL]', '    ResultPath: $.error', '    Next: workflow-failed'),
    output: null,
  },
  {
    name: 'no fix: a flat task whose catcher to the failure handler also lacks ResultPath',
    file: 'copy.asl.json',
    code: json(flatMachine({ Parameters: JOB, Next: 'copy-post-batch', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'workflow-failed' }] }), 2).replace(
      '"copy-post-batch": {',
      '"workflow-failed": {\n      "Type": "Fail"\n    },\n    "copy-post-batch": {',
    ),
    output: null,
  },
  {
    name: 'no fix: in a group without an outer Catch, a catcher to a Fail state of the branch',
    file: 'copy.asl.yaml',
    code: groupYaml(['Next: copy-post-batch', 'Catch: [{ ErrorEquals: [States.ALL], ResultPath: $.error, Next: copy-failed }]'], ['OutputPath: $[0]', 'End: true'], ['copy-failed: { Type: Fail }']),
    output: null,
  },
  {
    name: 'no fix: in a group with an outer Catch, a catcher to a handler state the user wrote in the branch',
    file: 'copy.asl.yaml',
    code: groupYaml(
      ['Next: copy-post-batch', 'Catch: [{ ErrorEquals: [States.ALL], ResultPath: $.error, Next: copy-cleanup }]'],
      ['OutputPath: $[0]', 'End: true', 'Catch: [{ ErrorEquals: [States.ALL], ResultPath: $.error, Next: workflow-failed }]'],
      ['copy-cleanup: { Type: Pass, End: true }'],
    ),
    output: null,
  },
  {
    name: 'no fix: no post-batch task (batch/require-post-batch inserts it)',
    file: 'copy.asl.yaml',
    code: lines('StartAt: copy-batch', 'States:', '  copy-batch:', '    Type: Task', '    Resource: arn:aws:states:::batch:submitJob.sync', '    Next: publish', '  publish: { Type: Succeed }'),
    output: null,
  },
  {
    name: 'no fix: JSONata',
    file: 'copy.asl.yaml',
    code: `QueryLanguage: JSONata\n${flatYaml('Next: copy-post-batch')}`,
    output: null,
  },
];

/** A batch group in YAML whose Batch task passes `strategy` (lines under `RetryStrategy:`). */
function retryGroupYaml(strategy: readonly string[] | null, group: readonly string[]): string {
  const retryStrategy = strategy === null ? [] : ['  RetryStrategy:  # Batch retries the job', ...strategy.map((l) => `    ${l}`)];
  return groupYaml(['Parameters:', '  JobName: copy', '  JobDefinition: "#{CopyJobDefinition}"', ...retryStrategy, '  Parameters: { url.$: $.url, url_out.$: $.url_out }', 'Next: copy-post-batch'], group);
}

const RETRIER_LINES = ['  - ErrorEquals: [States.ALL]', '    IntervalSeconds: 3'];

const RETRY_CASES: FixCase[] = [
  {
    name: 'YAML: Attempts 3 becomes a group Retry with MaxAttempts 2, inserted after End, before Catch',
    file: 'copy.asl.yaml',
    code: retryGroupYaml(['Attempts: 3'], ['OutputPath: $[0]', 'End: true  # the last step', 'Catch: [{ ErrorEquals: [States.ALL], ResultPath: $.error, Next: workflow-failed }]']),
    output: retryGroupYaml(null, [
      'OutputPath: $[0]',
      'End: true  # the last step',
      'Retry:',
      ...RETRIER_LINES,
      '    MaxAttempts: 2',
      'Catch: [{ ErrorEquals: [States.ALL], ResultPath: $.error, Next: workflow-failed }]',
    ]),
  },
  {
    name: 'YAML: an existing group retrier with MaxAttempts 5 is kept (Attempts 3)',
    file: 'copy.asl.yaml',
    code: retryGroupYaml(['Attempts: 3', 'EvaluateOnExit:', '  - { OnStatusReason: "Host EC2*", Action: RETRY }'], ['OutputPath: $[0]', 'End: true', 'Retry:', '  - ErrorEquals: [States.ALL]', '    MaxAttempts: 5  # plenty']),
    output: retryGroupYaml(null, ['OutputPath: $[0]', 'End: true', 'Retry:', '  - ErrorEquals: [States.ALL]', '    MaxAttempts: 5  # plenty']),
  },
  {
    name: 'YAML: an existing group retrier with fewer attempts is raised to N-1 (Attempts 5)',
    file: 'copy.asl.yaml',
    code: retryGroupYaml(['Attempts: 5'], ['OutputPath: $[0]', 'End: true', 'Retry: [{ ErrorEquals: [States.ALL], IntervalSeconds: 10, MaxAttempts: 1 }]']),
    output: retryGroupYaml(null, ['OutputPath: $[0]', 'End: true', 'Retry: [{ ErrorEquals: [States.ALL], IntervalSeconds: 10, MaxAttempts: 4 }]']),
  },
  {
    name: 'YAML: a States.ALL retrier without MaxAttempts (3 by default) gets one when N-1 is larger',
    file: 'copy.asl.yaml',
    code: retryGroupYaml(['Attempts: 6'], ['OutputPath: $[0]', 'End: true', 'Retry:', '  - ErrorEquals: [States.ALL]  # default attempts']),
    output: retryGroupYaml(null, ['OutputPath: $[0]', 'End: true', 'Retry:', '  - ErrorEquals: [States.ALL]  # default attempts', '    MaxAttempts: 5']),
  },
  {
    name: 'YAML: appended to a group Retry of other errors',
    file: 'copy.asl.yaml',
    code: retryGroupYaml(['Attempts: 2'], ['OutputPath: $[0]', 'Retry:', '  - ErrorEquals: [Lambda.TooManyRequestsException]  # throttled', 'End: true']),
    output: retryGroupYaml(null, [
      'OutputPath: $[0]',
      'Retry:',
      '  - ErrorEquals: [Lambda.TooManyRequestsException]  # throttled',
      ...RETRIER_LINES,
      '    MaxAttempts: 1',
      'End: true',
    ]),
  },
  {
    name: 'YAML: Attempts written as a string',
    file: 'copy.asl.yaml',
    code: retryGroupYaml(["Attempts: '3'"], ['OutputPath: $[0]', 'Next: workflow-failed']),
    output: retryGroupYaml(null, ['OutputPath: $[0]', 'Next: workflow-failed', 'Retry:', ...RETRIER_LINES, '    MaxAttempts: 2']),
  },
  {
    name: 'YAML: JSONata, RetryStrategy removed from Arguments',
    file: 'copy.asl.yaml',
    code: `QueryLanguage: JSONata\n${groupYaml(['Arguments:', '  JobName: copy', '  RetryStrategy: { Attempts: 3 }', 'Next: copy-post-batch'], ['Output: "{% $states.result[0] %}"', 'End: true'])}`,
    output: `QueryLanguage: JSONata\n${groupYaml(['Arguments:', '  JobName: copy', 'Next: copy-post-batch'], ['Output: "{% $states.result[0] %}"', 'End: true', 'Retry:', ...RETRIER_LINES, '    MaxAttempts: 2'])}`,
  },
  {
    name: 'JSON 2 spaces: Attempts 3 becomes MaxAttempts 2',
    file: 'copy.asl.json',
    code: json(groupMachine({ Parameters: { ...JOB, RetryStrategy: { Attempts: 3 } }, Next: 'copy-post-batch' }, { OutputPath: '$[0]', End: true }), 2),
    output: json(groupMachine({ Parameters: JOB, Next: 'copy-post-batch' }, { OutputPath: '$[0]', End: true, Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 3, MaxAttempts: 2 }] }), 2),
  },
  {
    name: 'JSON 4 spaces: an existing group retrier with MaxAttempts 5 is kept',
    file: 'copy.asl.json',
    code: json(
      groupMachine({ Parameters: { ...JOB, RetryStrategy: { Attempts: 3 } }, Next: 'copy-post-batch' }, { OutputPath: '$[0]', Next: 'workflow-failed', Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 5 }] }),
      4,
    ),
    output: json(groupMachine({ Parameters: JOB, Next: 'copy-post-batch' }, { OutputPath: '$[0]', Next: 'workflow-failed', Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 5 }] }), 4),
  },
  {
    name: 'JSON 4 spaces: RetryStrategy last in Parameters, its comma goes with it',
    file: 'copy.asl.json',
    code: json(groupMachine({ Parameters: { ...JOB, RetryStrategy: { Attempts: 4 } }, Next: 'copy-post-batch' }, { OutputPath: '$[0]', End: true, Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }] }), 4),
    output: json(groupMachine({ Parameters: JOB, Next: 'copy-post-batch' }, { OutputPath: '$[0]', End: true, Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 3 }] }), 4),
  },
  {
    name: 'embedded JSON in !Sub |: Attempts 3 becomes MaxAttempts 2',
    file: 'template.yaml',
    code: lines(
      ...CF_HEAD,
      '        {',
      '          "StartAt": "copy-group",',
      '          "States": {',
      '            "copy-group": {',
      '              "Type": "Parallel",',
      '              "Branches": [{',
      '                "StartAt": "copy-pre-batch",',
      '                "States": {',
      '                  "copy-pre-batch": { "Type": "Task", "Resource": "${PreBatchArn}", "Next": "copy-batch" },',
      '                  "copy-batch": {',
      '                    "Type": "Task",',
      '                    "Resource": "arn:${AWS::Partition}:states:::batch:submitJob.sync",',
      '                    "Parameters": { "JobName": "copy", "RetryStrategy": { "Attempts": 3 }, "JobQueue": "${Queue}" },',
      '                    "Next": "copy-post-batch"',
      '                  },',
      '                  "copy-post-batch": { "Type": "Task", "Resource": "${PostBatchArn}", "End": true }',
      '                }',
      '              }],',
      '              "OutputPath": "$[0]",',
      '              "End": true',
      '            }',
      '          }',
      '        }',
    ),
    output: lines(
      ...CF_HEAD,
      '        {',
      '          "StartAt": "copy-group",',
      '          "States": {',
      '            "copy-group": {',
      '              "Type": "Parallel",',
      '              "Branches": [{',
      '                "StartAt": "copy-pre-batch",',
      '                "States": {',
      '                  "copy-pre-batch": { "Type": "Task", "Resource": "${PreBatchArn}", "Next": "copy-batch" },',
      '                  "copy-batch": {',
      '                    "Type": "Task",',
      '                    "Resource": "arn:${AWS::Partition}:states:::batch:submitJob.sync",',
      '                    "Parameters": { "JobName": "copy", "JobQueue": "${Queue}" },',
      '                    "Next": "copy-post-batch"',
      '                  },',
      '                  "copy-post-batch": { "Type": "Task", "Resource": "${PostBatchArn}", "End": true }',
      '                }',
      '              }],',
      '              "OutputPath": "$[0]",',
      '              "End": true,',
      '              "Retry": [',
      '                {',
      '                  "ErrorEquals": ["States.ALL"],',
      '                  "IntervalSeconds": 3,',
      '                  "MaxAttempts": 2',
      '                }',
      '              ]',
      '            }',
      '          }',
      '        }',
    ),
  },
  {
    name: 'no fix: a flat task (the wrap fix of require-parallel-group comes first)',
    file: 'copy.asl.yaml',
    code: flatYaml('Next: copy-post-batch').replace('      JobQueue: "#{CopyJobQueue}"\n', '      JobQueue: "#{CopyJobQueue}"\n      RetryStrategy: { Attempts: 3 }\n'),
    output: null,
  },
  {
    name: 'no fix: a flat task in JSON',
    file: 'copy.asl.json',
    code: json(flatMachine({ Parameters: { ...JOB, RetryStrategy: { Attempts: 2 } }, Next: 'copy-post-batch' }), 4),
    output: null,
  },
  {
    name: 'no fix: Attempts is a placeholder',
    file: 'copy.asl.yaml',
    code: retryGroupYaml(['Attempts: ${JobAttempts}'], ['OutputPath: $[0]', 'End: true']),
    output: null,
  },
  {
    name: 'no fix: a RetryStrategy without Attempts (how often Batch retries is not known)',
    file: 'copy.asl.yaml',
    code: retryGroupYaml(['EvaluateOnExit:', '  - { OnExitCode: "137", Action: RETRY }'], ['OutputPath: $[0]', 'End: true']),
    output: null,
  },
  {
    name: 'no fix: Attempts 0 (outside Batch\'s range)',
    file: 'copy.asl.json',
    code: json(groupMachine({ Parameters: { ...JOB, RetryStrategy: { Attempts: 0 } }, Next: 'copy-post-batch' }, { OutputPath: '$[0]', End: true }), 2),
    output: null,
  },
  {
    name: 'no fix: RetryStrategy is an intrinsic',
    file: 'copy.asl.yaml',
    code: groupYaml(['Parameters: { JobName: copy, RetryStrategy: !Ref JobRetryStrategy }', 'Next: copy-post-batch'], ['OutputPath: $[0]', 'End: true']),
    output: null,
  },
  {
    name: 'no fix: a group retrier whose MaxAttempts is a placeholder',
    file: 'copy.asl.yaml',
    code: retryGroupYaml(['Attempts: 3'], ['OutputPath: $[0]', 'End: true', 'Retry: [{ ErrorEquals: [States.ALL], MaxAttempts: "${GroupAttempts}" }]']),
    output: null,
  },
];

/** A CloudFormation template whose job definition retries (another resource: never fixed). */
const JOB_DEFINITION_TEMPLATE = lines(
  'Resources:',
  '  CopyJobDefinition:',
  '    Type: AWS::Batch::JobDefinition',
  '    Properties:',
  '      Type: container',
  '      RetryStrategy: { Attempts: 3 }',
  '  Machine:',
  '    Type: AWS::StepFunctions::StateMachine',
  '    Properties:',
  '      DefinitionString: !Sub |',
  '        {"StartAt": "copy-group", "States": {"copy-group": {"Type": "Parallel", "Branches": [{"StartAt": "copy-pre-batch", "States": {',
  '          "copy-pre-batch": {"Type": "Task", "Resource": "${PreBatchArn}", "Next": "copy-batch"},',
  '          "copy-batch": {"Type": "Task", "Resource": "arn:${AWS::Partition}:states:::batch:submitJob.sync",',
  '            "Parameters": {"JobName": "copy", "JobDefinition": "${CopyJobDefinition}"}, "Next": "copy-post-batch"},',
  '          "copy-post-batch": {"Type": "Task", "Resource": "${PostBatchArn}", "End": true}}}],',
  '          "OutputPath": "$[0]", "End": true, "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 2}]}}}',
);

describe.each([
  [CATCH, CATCH_CASES],
  [RETRY, RETRY_CASES],
])('%s', (rule, cases) => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    if (c.output === null) {
      const messages = lintWith([rule], c.code, c.file).filter((m) => m.ruleId === rule);
      expect(messages.length).toBeGreaterThan(0);
      expect(messages.map((m) => m.fix)).toEqual(messages.map(() => undefined));
      expect(fixWith([rule], c.code, c.file).output).toBe(c.code);
      return;
    }
    expect(fixAndCheck(rule, c.code, c.file)).toBe(c.output);
  });
});

describe(`${RETRY}: cases outside the table`, () => {
  test('the job definition case is reported and never fixed', () => {
    const messages = lintWith([RETRY], JOB_DEFINITION_TEMPLATE, 'template.yaml');
    expect(messages.map((m) => [m.messageId, m.fix])).toEqual([['definitionRetry', undefined]]);
    expect(fixWith([RETRY], JOB_DEFINITION_TEMPLATE, 'template.yaml').output).toBe(JOB_DEFINITION_TEMPLATE);
  });

  test('Attempts: 1 is not reported, so the fix loop leaves it (in Parameters it overrides the job definition)', () => {
    const code = retryGroupYaml(['Attempts: 1'], ['OutputPath: $[0]', 'End: true']);
    expect(lintWith([RETRY], code, 'copy.asl.yaml')).toEqual([]);
    expect(fixWith([RETRY], code, 'copy.asl.yaml').output).toBe(code);
  });

  test('Attempts: 1 given to the builder: the strategy is just removed, the group is not touched', () => {
    const code = retryGroupYaml(['Attempts: 1'], ['OutputPath: $[0]', 'End: true']);
    const batch = new BatchQueries(batchMatchers(undefined));
    const out = applyOps(code, 'copy.asl.yaml', (_, m) => migrateRetryStrategy(stateNamed(m, 'copy-batch'), batch)!(fixer) as readonly FixOp[]);
    expect(out).toBe(retryGroupYaml(null, ['OutputPath: $[0]', 'End: true']));
  });

  test('with batch/require-group-retry in the same run: one States.ALL retrier, MaxAttempts N-1', () => {
    const code = retryGroupYaml(['Attempts: 4'], ['OutputPath: $[0]', 'End: true']);
    const run = fixWith([RETRY, 'batch/require-group-retry'], code, 'copy.asl.yaml');
    expect(run.warnings).toEqual([]);
    expect(run.messages).toEqual([]);
    expect(run.output).toBe(retryGroupYaml(null, ['OutputPath: $[0]', 'End: true', 'Retry:', ...RETRIER_LINES, '    MaxAttempts: 3']));
  });
});

describe('both fixes on one Batch task, in one run', () => {
  test('YAML: RetryStrategy migrated and Catch inserted; a second run changes nothing', () => {
    const code = retryGroupYaml(['Attempts: 3'], ['OutputPath: $[0]', 'End: true']);
    const run = fixWith([CATCH, RETRY], code, 'copy.asl.yaml');
    expect(run.warnings).toEqual([]);
    expect(run.messages).toEqual([]);
    const expected = groupYaml(
      [
        'Parameters:',
        '  JobName: copy',
        '  JobDefinition: "#{CopyJobDefinition}"',
        '  Parameters: { url.$: $.url, url_out.$: $.url_out }',
        'Next: copy-post-batch',
        'Catch:',
        '  - ErrorEquals: [States.ALL]',
        '    ResultPath: $.error',
        '    Next: copy-post-batch',
      ],
      ['OutputPath: $[0]', 'End: true', 'Retry:', ...RETRIER_LINES, '    MaxAttempts: 2'],
    );
    expect(run.output).toBe(expected);
    expect(fixWith([CATCH, RETRY], run.output, 'copy.asl.yaml').output).toBe(run.output);
  });
});
