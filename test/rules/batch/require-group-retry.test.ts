import rule from '../../../rules/batch/require-group-retry';
import { RuleTester, file, json, machine, yaml } from '../../harness';
import { EACH_MAP, GROUP_RETRY, catchToPostBatch, flat, groupMachine, groupState, inMap, triadStates, twoBranches, type Fields } from '../../harness/batch-machines';

const LAMBDA_RETRY = { ErrorEquals: ['Lambda.TooManyRequestsException', 'Lambda.Unknown'], IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 5 };

/** The triad with Lambda retriers and a `Catch` to post-batch; `batch` overrides fields of the Batch task. */
const triad = (batch: Fields = {}) =>
  triadStates({ pre: { Retry: [LAMBDA_RETRY] }, batch: { Catch: catchToPostBatch(), ...batch }, post: { Retry: [LAMBDA_RETRY] } });

/** A batch group whose `Retry` is `retry` (undefined: none). */
const groupWithRetry = (retry: unknown[] | undefined, fields: Fields = {}, states: Fields = triad()) =>
  groupState(states, { ...(retry === undefined ? {} : { Retry: retry }), ...fields });

new RuleTester().run('batch/require-group-retry', rule, {
  valid: [
    { name: 'canonical batch group', code: machine(groupMachine(groupWithRetry([GROUP_RETRY]))) },
    { name: 'States.ALL after a retrier for other errors', code: machine(groupMachine(groupWithRetry([{ ErrorEquals: ['States.Timeout'], MaxAttempts: 1 }, GROUP_RETRY]))) },
    { name: 'batch group inside a Map ItemProcessor', code: machine(inMap(groupMachine(groupWithRetry([GROUP_RETRY])), 'ItemProcessor', EACH_MAP)) },
    { name: 'batch group inside a legacy Map Iterator', code: machine(inMap(groupMachine(groupWithRetry([GROUP_RETRY])), 'Iterator', EACH_MAP)) },
    {
      name: 'a flat triad is judged by require-parallel-group, not here',
      code: machine(flat(triad())),
    },
    {
      name: 'a Map around a triad is never a batch group',
      code: machine(inMap(flat(triad()), 'ItemProcessor', EACH_MAP)),
    },
    {
      name: 'a two-branch Parallel is not a batch group',
      code: machine(twoBranches(flat(triad()))),
    },
    {
      name: 'a single-branch Parallel without a Batch task is not a batch group',
      code: machine(groupMachine({ Type: 'Parallel', Branches: [{ StartAt: 'Charge', States: { Charge: { Type: 'Pass', End: true } } }], End: true })),
    },
    {
      name: 'settings.batch.batchResource: a group around another task is not judged',
      code: machine(groupMachine(groupWithRetry(undefined))),
      settings: { batch: { batchResource: String.raw`^arn:aws:states:::ecs:runTask\.sync$` } },
    },
    {
      name: 'YAML batch group with !GetAtt pre-batch.Arn and a States.ALL retrier',
      code: yaml`
        StartAt: copy-assets-group
        States:
          copy-assets-group:
            Type: Parallel
            Branches:
              - StartAt: copy-assets-pre-batch
                States:
                  copy-assets-pre-batch: { Type: Task, Resource: !GetAtt pre-batch.Arn, Next: copy-assets-batch }
                  copy-assets-batch: { Type: Task, Resource: arn:aws:states:::batch:submitJob.sync, Next: copy-assets-post-batch }
                  copy-assets-post-batch: { Type: Task, Resource: !GetAtt post-batch.Arn, End: true }
            OutputPath: $[0]
            End: true
            Retry:
              - ErrorEquals: [States.ALL]
                IntervalSeconds: 3
                MaxAttempts: 2`,
    },
  ],
  invalid: [
    {
      name: 'batch group without Retry',
      code: machine(groupMachine(groupWithRetry(undefined))),
      errors: [{ messageId: 'missingRetry', path: ['States', 'copy-assets-group'], message: 'batch group "copy-assets-group"' }],
    },
    {
      name: 'a Retry on other errors only does not count',
      code: machine(groupMachine(groupWithRetry([{ ErrorEquals: ['States.TaskFailed', 'States.Timeout'], MaxAttempts: 2 }]))),
      errors: [{ messageId: 'missingRetry', path: ['States', 'copy-assets-group'] }],
    },
    {
      name: 'a States.ALL retrier with MaxAttempts 0 never retries, so it does not count',
      code: machine(groupMachine(groupWithRetry([{ ErrorEquals: ['States.ALL'], MaxAttempts: 0 }]))),
      errors: [{ messageId: 'missingRetry', path: ['States', 'copy-assets-group'] }],
    },
    {
      name: 'an empty Retry does not count',
      code: machine(groupMachine(groupWithRetry([]))),
      errors: [{ messageId: 'missingRetry', path: ['States', 'copy-assets-group'] }],
    },
    {
      name: 'a States.ALL Retry on the Batch task is not on the group',
      code: machine(groupMachine(groupWithRetry(undefined, {}, triad({ Retry: [GROUP_RETRY] })))),
      errors: [{ messageId: 'missingRetry', path: ['States', 'copy-assets-group'] }],
    },
    {
      name: 'a States.ALL Catch is not a Retry',
      code: machine({
        StartAt: 'copy-assets-group',
        States: {
          'copy-assets-group': groupWithRetry(undefined, {
            End: undefined,
            Next: 'Publish',
            Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failure' }],
          }),
          Publish: { Type: 'Succeed' },
          Failure: { Type: 'Fail' },
        },
      }),
      errors: [{ messageId: 'missingRetry', path: ['States', 'copy-assets-group'] }],
    },
    {
      name: 'batch group without Retry inside a Map ItemProcessor',
      code: machine(inMap(groupMachine(groupWithRetry(undefined)), 'ItemProcessor', EACH_MAP)),
      errors: [{ messageId: 'missingRetry', path: ['States', 'Each', 'ItemProcessor', 'States', 'copy-assets-group'] }],
    },
    {
      name: 'batch group without Retry inside a legacy Map Iterator',
      code: machine(inMap(groupMachine(groupWithRetry(undefined)), 'Iterator', EACH_MAP)),
      errors: [{ messageId: 'missingRetry', path: ['States', 'Each', 'Iterator', 'States', 'copy-assets-group'] }],
    },
    {
      name: 'batch group without Retry inside a branch of a two-branch Parallel',
      code: machine(twoBranches(groupMachine(groupWithRetry(undefined)))),
      errors: [{ messageId: 'missingRetry', path: ['States', 'Both', 'Branches', 0, 'States', 'copy-assets-group'] }],
    },
    {
      name: 'two errors: two batch groups without a States.ALL Retry',
      code: machine({
        StartAt: 'copy-assets-group',
        States: {
          'copy-assets-group': groupWithRetry(undefined, { End: undefined, Next: 'make-preview-group' }),
          'make-preview-group': groupWithRetry([LAMBDA_RETRY]),
        },
      }),
      errors: [
        { messageId: 'missingRetry', path: ['States', 'copy-assets-group'] },
        { messageId: 'missingRetry', path: ['States', 'make-preview-group'], message: '"make-preview-group"' },
      ],
    },
    {
      name: 'settings.batch.batchResource makes a group around another task a batch group',
      code: machine(
        groupMachine(
          groupWithRetry(undefined, {}, {
            ...triad(),
            'copy-assets-batch': { Type: 'Task', Resource: 'arn:aws:states:::ecs:runTask.sync', Next: 'copy-assets-post-batch' },
          }),
        ),
      ),
      settings: { batch: { batchResource: String.raw`^arn:aws:states:::ecs:runTask\.sync$` } },
      errors: [{ messageId: 'missingRetry', path: ['States', 'copy-assets-group'] }],
    },
    {
      name: 'YAML position of the Parallel key',
      code: yaml`
        StartAt: copy-assets-group
        States:
          # one group per Batch job
          copy-assets-group:
            Type: Parallel
            Branches:
              - StartAt: copy-assets-pre-batch
                States:
                  copy-assets-pre-batch: { Type: Task, Resource: !GetAtt pre-batch.Arn, Next: copy-assets-batch }
                  copy-assets-batch: { Type: Task, Resource: arn:aws:states:::batch:submitJob.sync, Next: copy-assets-post-batch }
                  copy-assets-post-batch: { Type: Task, Resource: !GetAtt post-batch.Arn, End: true }
            OutputPath: $[0]
            End: true
            Retry:
              - ErrorEquals: [Lambda.Unknown]
                MaxAttempts: 2`,
      errors: [{ messageId: 'missingRetry', line: 4, column: 3 }],
    },
    {
      name: 'JSON position of the Parallel key',
      code: json`
        {
          "StartAt": "copy-assets-group",
          "States": {
            "copy-assets-group": {
              "Type": "Parallel",
              "Branches": [{
                "StartAt": "copy-assets-batch",
                "States": { "copy-assets-batch": { "Type": "Task", "Resource": "arn:aws:states:::batch:submitJob.sync", "End": true } }
              }],
              "OutputPath": "$[0]",
              "End": true
            }
          }
        }`,
      errors: [{ messageId: 'missingRetry', line: 4, column: 5 }],
    },
    {
      name: 'CloudFormation DefinitionString with !Sub maps to the host line',
      code: file(
        'template.yaml',
        [
          'Resources:',
          '  CopyAssetsStateMachine:',
          '    Type: AWS::StepFunctions::StateMachine',
          '    Properties:',
          '      DefinitionString: !Sub |',
          '        {',
          '          "StartAt": "copy-assets-group",',
          '          "States": {',
          '            "copy-assets-group": {',
          '              "Type": "Parallel",',
          '              "Branches": [{',
          '                "StartAt": "copy-assets-pre-batch",',
          '                "States": {',
          '                  "copy-assets-pre-batch": { "Type": "Task", "Resource": "${PreBatchFunctionArn}", "Next": "copy-assets-batch" },',
          '                  "copy-assets-batch": { "Type": "Task", "Resource": "arn:${AWS::Partition}:states:::batch:submitJob.sync", "Next": "copy-assets-post-batch" },',
          '                  "copy-assets-post-batch": { "Type": "Task", "Resource": "${PostBatchFunctionArn}", "End": true }',
          '                }',
          '              }],',
          '              "OutputPath": "$[0]",',
          '              "End": true',
          '            }',
          '          }',
          '        }',
          '',
        ].join('\n'),
      ),
      errors: [{ messageId: 'missingRetry', line: 9, column: 13 }],
    },
  ],
});
