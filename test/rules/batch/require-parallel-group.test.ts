import rule from '../../../rules/batch/require-parallel-group';
import { RuleTester, file, json, machine, yaml } from '../../harness';
import { EACH_MAP, POST_BATCH_ARN, PRE_BATCH_ARN, PRE_BATCH_GETATT, batchTask, flat, groupMachine, groupState, inMap, triadStates, twoBranches } from '../../harness/batch-machines';

/** A machine whose only state is the batch group around the bare triad, with pre-batch's `Resource` set to `resource`. */
const groupWithPre = (resource: unknown) => groupMachine(groupState(triadStates({ pre: { Resource: resource } })));

new RuleTester().run('batch/require-parallel-group', rule, {
  valid: [
    { name: 'canonical batch group', code: machine(groupWithPre(PRE_BATCH_GETATT)) },
    {
      name: 'batch group inside a Map ItemProcessor',
      code: machine(inMap(groupMachine(groupState()), 'ItemProcessor', EACH_MAP)),
    },
    {
      name: 'batch group inside a legacy Map Iterator',
      code: machine(inMap(groupMachine(groupState()), 'Iterator', EACH_MAP)),
    },
    {
      name: 'batch group inside a branch of a two-branch Parallel',
      code: machine(twoBranches(groupMachine(groupState()))),
    },
    {
      name: 'pre- and post-batch through lambda:invoke',
      code: machine(
        groupMachine(
          groupState({
            'copy-assets-pre-batch': {
              Type: 'Task',
              Resource: 'arn:aws:states:::lambda:invoke',
              Parameters: { FunctionName: '${PreBatchFunctionArn}', 'Payload.$': '$' },
              OutputPath: '$.Payload',
              Next: 'copy-assets-batch',
            },
            'copy-assets-batch': batchTask(),
            'copy-assets-post-batch': {
              Type: 'Task',
              Resource: 'arn:aws:states:::lambda:invoke',
              Parameters: { FunctionName: 'post_batch', 'Payload.$': '$' },
              OutputPath: '$.Payload',
              End: true,
            },
          }),
        ),
      ),
    },
    { name: 'pre-batch as a Cirrus task reference', code: machine(groupWithPre('${tasks.pre-batch.lambda.function_arn}')) },
    { name: 'pre-batch as a serverless pseudo parameter', code: machine(groupWithPre('#{PreBatchFunction.Arn}')) },
    {
      name: 'pre-batch as an ARN templated with ${AWS::Partition} inside Fn::Sub',
      code: machine(groupWithPre({ 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${ResourcePrefix}-pre-batch' })),
    },
    {
      name: 'a Parallel with several branches but no Batch task',
      code: machine(twoBranches(flat({ Charge: { Type: 'Pass', End: true } }, 'Charge'))),
    },
    {
      name: 'YAML short tags !GetAtt pre-batch.Arn and post-batch.Arn',
      code: yaml`
        StartAt: copy-assets-group
        States:
          copy-assets-group:
            Type: Parallel
            Branches:
              - StartAt: copy-assets-pre-batch
                States:
                  copy-assets-pre-batch: { Type: Task, Resource: !GetAtt pre-batch.Arn, Next: copy-assets-batch }
                  copy-assets-batch:
                    Type: Task
                    Resource: arn:aws:states:::batch:submitJob.sync
                    Parameters: { JobName: copy-assets, JobQueue: "#{CopyAssetsJobQueue}", JobDefinition: "#{CopyAssetsJobDefinition}" }
                    Next: copy-assets-post-batch
                  copy-assets-post-batch: { Type: Task, Resource: !GetAtt post-batch.Arn, End: true }
            OutputPath: $[0]
            End: true`,
    },
    {
      name: 'settings.batch.preBatch and postBatch name the Lambdas in the group',
      code: machine(
        groupMachine(
          groupState(
            triadStates({
              pre: { Resource: 'arn:aws:lambda:us-west-2:123456789012:function:prepare-job' },
              post: { Resource: 'arn:aws:lambda:us-west-2:123456789012:function:collect-job-output' },
            }),
          ),
        ),
      ),
      settings: { batch: { preBatch: 'prepare-job', postBatch: 'collect-job-output' } },
    },
  ],
  invalid: [
    {
      name: 'flat triad at the top of the machine',
      code: machine(flat(triadStates())),
      errors: [{ messageId: 'notInGroup', path: ['States', 'copy-assets-batch'], message: 'Batch task "copy-assets-batch"' }],
    },
    {
      name: 'naked Batch task',
      code: machine({ StartAt: 'copy-assets-batch', States: { 'copy-assets-batch': batchTask({ next: null }) } }),
      errors: [{ messageId: 'notInGroup', path: ['States', 'copy-assets-batch'] }],
    },
    {
      name: 'a Map ItemProcessor is not a batch group',
      code: machine(inMap(flat(triadStates()), 'ItemProcessor', EACH_MAP)),
      errors: [{ messageId: 'notInGroup', path: ['States', 'Each', 'ItemProcessor', 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'a legacy Map Iterator is not a batch group',
      code: machine(inMap(flat(triadStates()), 'Iterator', EACH_MAP)),
      errors: [{ messageId: 'notInGroup', path: ['States', 'Each', 'Iterator', 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'triad in one branch of a two-branch Parallel',
      code: machine(twoBranches(flat(triadStates()))),
      errors: [
        {
          messageId: 'manyBranches',
          path: ['States', 'Both', 'Branches', 0, 'States', 'copy-assets-batch'],
          message: 'but "Both" has 2 branches.',
        },
      ],
    },
    {
      name: 'another state beside the triad in the group',
      code: machine(groupMachine(groupState({ ...triadStates({ post: { End: undefined, Next: 'Publish' } }), Publish: { Type: 'Pass', End: true } }))),
      errors: [
        {
          messageId: 'notAlone',
          path: ['States', 'copy-assets-group', 'Branches', 0, 'States', 'copy-assets-batch'],
          message: 'Unexpected state "Publish" beside Batch task "copy-assets-batch" in batch group "copy-assets-group".',
        },
      ],
    },
    {
      name: 'two errors: two Batch tasks share one group',
      code: machine(
        groupMachine(
          groupState({
            'copy-assets-pre-batch': { Type: 'Task', Resource: PRE_BATCH_ARN, Next: 'copy-assets-batch' },
            'copy-assets-batch': batchTask({ next: 'make-preview-batch' }),
            'make-preview-batch': batchTask(),
            'copy-assets-post-batch': { Type: 'Task', Resource: POST_BATCH_ARN, End: true },
          }),
        ),
      ),
      errors: [
        {
          messageId: 'notAlone',
          path: ['States', 'copy-assets-group', 'Branches', 0, 'States', 'copy-assets-batch'],
          message: 'Unexpected state "make-preview-batch"',
        },
        {
          messageId: 'notAlone',
          path: ['States', 'copy-assets-group', 'Branches', 0, 'States', 'make-preview-batch'],
          message: 'Unexpected state "copy-assets-batch"',
        },
      ],
    },
    {
      name: 'two errors: two flat Batch tasks',
      code: machine({
        StartAt: 'copy-assets-batch',
        States: { 'copy-assets-batch': batchTask({ next: 'make-preview-batch' }), 'make-preview-batch': batchTask({ next: null }) },
      }),
      errors: [
        { messageId: 'notInGroup', path: ['States', 'copy-assets-batch'] },
        { messageId: 'notInGroup', path: ['States', 'make-preview-batch'] },
      ],
    },
    {
      name: 'settings.batch.preBatch replaces the default matcher',
      code: machine(groupMachine(groupState())),
      settings: { batch: { preBatch: 'prepare-job' } },
      errors: [
        {
          messageId: 'notAlone',
          path: ['States', 'copy-assets-group', 'Branches', 0, 'States', 'copy-assets-batch'],
          message: 'Unexpected state "copy-assets-pre-batch"',
        },
      ],
    },
    {
      name: 'settings.batch.batchResource makes another task the Batch task',
      code: machine({
        StartAt: 'Render',
        States: { Render: { Type: 'Task', Resource: 'arn:aws:states:::ecs:runTask.sync', End: true } },
      }),
      settings: { batch: { batchResource: String.raw`^arn:aws:states:::ecs:runTask\.sync$` } },
      errors: [{ messageId: 'notInGroup', path: ['States', 'Render'] }],
    },
    {
      name: 'YAML position of the Batch task key',
      code: yaml`
        StartAt: copy-assets-pre-batch
        States:
          copy-assets-pre-batch: { Type: Task, Resource: !GetAtt pre-batch.Arn, Next: copy-assets-batch }
          copy-assets-batch:   # not wrapped
            Type: Task
            Resource: arn:aws:states:::batch:submitJob.sync
            Next: copy-assets-post-batch
          copy-assets-post-batch: { Type: Task, Resource: !GetAtt post-batch.Arn, End: true }`,
      errors: [{ messageId: 'notInGroup', line: 4, column: 3 }],
    },
    {
      name: 'JSON position of the Batch task key in a Map processor',
      code: json`
        {
          "StartAt": "Each",
          "States": {
            "Each": {
              "Type": "Map",
              "ItemProcessor": {
                "StartAt": "copy-assets-batch",
                "States": { "copy-assets-batch": { "Type": "Task", "Resource": "arn:aws:states:::batch:submitJob.sync", "End": true } }
              },
              "End": true
            }
          }
        }`,
      errors: [{ messageId: 'notInGroup', line: 8, column: 21 }],
    },
    {
      name: 'CloudFormation DefinitionString with !Sub maps to the host line',
      code: file(
        'template.yaml',
        [
          'AWSTemplateFormatVersion: "2010-09-09"',
          'Resources:',
          '  CopyAssetsStateMachine:',
          '    Type: AWS::StepFunctions::StateMachine',
          '    Properties:',
          '      DefinitionString: !Sub |',
          '        {',
          '          "StartAt": "copy-assets-pre-batch",',
          '          "States": {',
          '            "copy-assets-pre-batch": { "Type": "Task", "Resource": "${PreBatchFunctionArn}", "Next": "copy-assets-batch" },',
          '            "copy-assets-batch": {',
          '              "Type": "Task",',
          '              "Resource": "arn:${AWS::Partition}:states:::batch:submitJob.sync",',
          '              "Next": "copy-assets-post-batch"',
          '            },',
          '            "copy-assets-post-batch": { "Type": "Task", "Resource": "${PostBatchFunctionArn}", "End": true }',
          '          }',
          '        }',
          '',
        ].join('\n'),
      ),
      errors: [{ messageId: 'notInGroup', line: 11, column: 13 }],
    },
  ],
});
