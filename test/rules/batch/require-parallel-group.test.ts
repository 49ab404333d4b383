import rule from '../../../rules/batch/require-parallel-group';
import { RuleTester, file, json, machine, yaml } from '../../harness';

const BATCH = 'arn:aws:states:::batch:submitJob.sync';
const PRE_ARN = 'arn:aws:lambda:us-west-2:123456789012:function:cirrus-pre-batch';
const POST_ARN = 'arn:aws:lambda:us-west-2:123456789012:function:cirrus-post-batch';

const batchTask = (next: string | null = 'copy-assets-post-batch') => ({
  Type: 'Task',
  Resource: BATCH,
  Parameters: {
    JobName: 'copy-assets',
    JobQueue: 'copy-assets-queue',
    JobDefinition: 'copy-assets',
    Parameters: { 'url.$': '$.url', 'url_out.$': '$.url_out' },
  },
  ...(next === null ? { End: true } : { Next: next }),
});

const triad = (preResource: unknown = PRE_ARN, postNext: string | null = null) => ({
  'copy-assets-pre-batch': { Type: 'Task', Resource: preResource, Next: 'copy-assets-batch' },
  'copy-assets-batch': batchTask(),
  'copy-assets-post-batch': { Type: 'Task', Resource: POST_ARN, ...(postNext === null ? { End: true } : { Next: postNext }) },
});

const groupState = (states: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  Type: 'Parallel',
  Branches: [{ StartAt: 'copy-assets-pre-batch', States: states }],
  OutputPath: '$[0]',
  End: true,
  ...extra,
});

const group = (states: Record<string, unknown>) => ({ StartAt: 'copy-assets-group', States: { 'copy-assets-group': groupState(states) } });

const inMap = (processorKey: 'ItemProcessor' | 'Iterator', startAt: string, states: Record<string, unknown>) => ({
  StartAt: 'Each',
  States: { Each: { Type: 'Map', [processorKey]: { StartAt: startAt, States: states }, End: true } },
});

new RuleTester().run('batch/require-parallel-group', rule, {
  valid: [
    { name: 'canonical batch group', code: machine(group(triad({ 'Fn::GetAtt': ['pre-batch', 'Arn'] }))) },
    {
      name: 'batch group inside a Map ItemProcessor',
      code: machine(inMap('ItemProcessor', 'copy-assets-group', { 'copy-assets-group': groupState(triad()) })),
    },
    {
      name: 'batch group inside a legacy Map Iterator',
      code: machine(inMap('Iterator', 'copy-assets-group', { 'copy-assets-group': groupState(triad()) })),
    },
    {
      name: 'batch group inside a branch of a two-branch Parallel',
      code: machine({
        StartAt: 'Both',
        States: {
          Both: {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'copy-assets-group', States: { 'copy-assets-group': groupState(triad()) } },
              { StartAt: 'Notify', States: { Notify: { Type: 'Pass', End: true } } },
            ],
            End: true,
          },
        },
      }),
    },
    {
      name: 'pre- and post-batch through lambda:invoke',
      code: machine(
        group({
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
    },
    { name: 'pre-batch as a Cirrus task reference', code: machine(group(triad('${tasks.pre-batch.lambda.function_arn}'))) },
    { name: 'pre-batch as a serverless pseudo parameter', code: machine(group(triad('#{PreBatchFunction.Arn}'))) },
    {
      name: 'pre-batch as an ARN templated with ${AWS::Partition} inside Fn::Sub',
      code: machine(
        group(triad({ 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${ResourcePrefix}-pre-batch' })),
      ),
    },
    {
      name: 'a Parallel with several branches but no Batch task',
      code: machine({
        StartAt: 'Both',
        States: {
          Both: {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'Charge', States: { Charge: { Type: 'Pass', End: true } } },
              { StartAt: 'Notify', States: { Notify: { Type: 'Pass', End: true } } },
            ],
            End: true,
          },
        },
      }),
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
        group({
          ...triad('arn:aws:lambda:us-west-2:123456789012:function:prepare-job'),
          'copy-assets-post-batch': { Type: 'Task', Resource: 'arn:aws:lambda:us-west-2:123456789012:function:collect-job-output', End: true },
        }),
      ),
      settings: { batch: { preBatch: 'prepare-job', postBatch: 'collect-job-output' } },
    },
  ],
  invalid: [
    {
      name: 'flat triad at the top of the machine',
      code: machine({ StartAt: 'copy-assets-pre-batch', States: triad() }),
      errors: [{ messageId: 'notInGroup', path: ['States', 'copy-assets-batch'], message: 'Batch task "copy-assets-batch"' }],
    },
    {
      name: 'naked Batch task',
      code: machine({ StartAt: 'copy-assets-batch', States: { 'copy-assets-batch': batchTask(null) } }),
      errors: [{ messageId: 'notInGroup', path: ['States', 'copy-assets-batch'] }],
    },
    {
      name: 'a Map ItemProcessor is not a batch group',
      code: machine(inMap('ItemProcessor', 'copy-assets-pre-batch', triad())),
      errors: [{ messageId: 'notInGroup', path: ['States', 'Each', 'ItemProcessor', 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'a legacy Map Iterator is not a batch group',
      code: machine(inMap('Iterator', 'copy-assets-pre-batch', triad())),
      errors: [{ messageId: 'notInGroup', path: ['States', 'Each', 'Iterator', 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'triad in one branch of a two-branch Parallel',
      code: machine({
        StartAt: 'Both',
        States: {
          Both: {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'copy-assets-pre-batch', States: triad() },
              { StartAt: 'Notify', States: { Notify: { Type: 'Pass', End: true } } },
            ],
            End: true,
          },
        },
      }),
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
      code: machine(group({ ...triad(PRE_ARN, 'Publish'), Publish: { Type: 'Pass', End: true } })),
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
        group({
          'copy-assets-pre-batch': { Type: 'Task', Resource: PRE_ARN, Next: 'copy-assets-batch' },
          'copy-assets-batch': batchTask('make-preview-batch'),
          'make-preview-batch': batchTask(),
          'copy-assets-post-batch': { Type: 'Task', Resource: POST_ARN, End: true },
        }),
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
        States: { 'copy-assets-batch': batchTask('make-preview-batch'), 'make-preview-batch': batchTask(null) },
      }),
      errors: [
        { messageId: 'notInGroup', path: ['States', 'copy-assets-batch'] },
        { messageId: 'notInGroup', path: ['States', 'make-preview-batch'] },
      ],
    },
    {
      name: 'settings.batch.preBatch replaces the default matcher',
      code: machine(group(triad())),
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
