import rule from '../../../rules/batch/require-post-batch';
import { RuleTester, file, json, machine, yaml } from '../../harness';
import { EACH_MAP, POST_BATCH_ARN, POST_BATCH_GETATT, PRE_BATCH_ARN, batchTask, flat, groupMachine, groupState, inMap, triadStates, type Fields } from '../../harness/batch-machines';

/** The bare triad with post-batch's `Resource` set to `resource` and `fields` added to it. */
const triad = (resource: unknown = POST_BATCH_ARN, fields: Fields = {}) => triadStates({ post: { Resource: resource, ...fields } });

/** pre-batch, then a Batch task that ends its scope. */
const endingBatch = () => ({
  'copy-assets-pre-batch': { Type: 'Task', Resource: PRE_BATCH_ARN, Next: 'copy-assets-batch' },
  'copy-assets-batch': batchTask({ next: null }),
});

new RuleTester().run('batch/require-post-batch', rule, {
  valid: [
    { name: 'canonical batch group', code: machine(groupMachine(groupState(triad(POST_BATCH_GETATT)))) },
    { name: 'flat triad going on to post-batch', code: machine(flat(triad())) },
    { name: 'triad inside a Map ItemProcessor', code: machine(inMap(flat(triad()), 'ItemProcessor', EACH_MAP)) },
    { name: 'triad inside a legacy Map Iterator', code: machine(inMap(flat(triad()), 'Iterator', EACH_MAP)) },
    { name: 'post-batch as a Cirrus task reference', code: machine(flat(triad('${tasks.post-batch.lambda.function_arn}'))) },
    {
      name: 'post-batch as an ARN templated with ${AWS::Partition} inside Fn::Sub',
      code: machine(
        flat(triad({ 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${ResourcePrefix}-post-batch' })),
      ),
    },
    { name: 'post-batch as a serverless pseudo parameter', code: machine(flat(triad('#{PostBatchFunction.Arn}'))) },
    { name: 'post-batch as a SAM function logical id', code: machine(flat(triad({ 'Fn::GetAtt': ['PostBatchFunction', 'Arn'] }))) },
    { name: 'post-batch as a SAM substitution', code: machine(flat(triad('${PostBatchFunctionArn}'))) },
    { name: 'post-batch spelled with an underscore', code: machine(flat(triad('arn:aws:lambda:us-west-2:123456789012:function:post_batch'))) },
    {
      name: 'post-batch through lambda:invoke with Parameters.FunctionName',
      code: machine(
        flat(triad('arn:aws:states:::lambda:invoke', { Parameters: { FunctionName: POST_BATCH_ARN, 'Payload.$': '$' }, OutputPath: '$.Payload' })),
      ),
    },
    {
      name: 'YAML short tag !GetAtt post-batch.Arn',
      code: yaml`
        StartAt: copy-assets-pre-batch
        States:
          copy-assets-pre-batch:
            Type: Task
            Resource: !GetAtt pre-batch.Arn
            Next: copy-assets-batch
          copy-assets-batch:
            Type: Task
            Resource: arn:aws:states:::batch:submitJob.sync
            Parameters: { JobName: copy-assets, JobQueue: "#{CopyAssetsJobQueue}", JobDefinition: "#{CopyAssetsJobDefinition}" }
            Next: copy-assets-post-batch
          copy-assets-post-batch:
            Type: Task
            Resource: !GetAtt post-batch.Arn
            End: true`,
    },
    {
      name: 'settings.batch.postBatch names the post-batch function',
      code: machine(flat(triad('arn:aws:lambda:us-west-2:123456789012:function:collect-job-output'))),
      settings: { batch: { postBatch: 'collect-job-output' } },
    },
  ],
  invalid: [
    {
      name: 'Batch task that ends the machine',
      code: machine({ StartAt: 'copy-assets-batch', States: { 'copy-assets-batch': batchTask({ next: null }) } }),
      errors: [{ messageId: 'noNext', path: ['States', 'copy-assets-batch'], message: '"copy-assets-batch"' }],
    },
    {
      name: 'Next goes to a task that is not post-batch',
      code: machine(
        flat({
          'copy-assets-pre-batch': { Type: 'Task', Resource: PRE_BATCH_ARN, Next: 'copy-assets-batch' },
          'copy-assets-batch': batchTask({ next: 'publish' }),
          publish: { Type: 'Task', Resource: 'arn:aws:lambda:us-west-2:123456789012:function:publish', End: true },
        }),
      ),
      errors: [{ messageId: 'nextNotPostBatch', path: ['States', 'copy-assets-batch'], message: 'but got "publish".' }],
    },
    {
      name: 'a Pass state named like post-batch is not post-batch',
      code: machine(flat({ ...triad(), 'copy-assets-post-batch': { Type: 'Pass', End: true } })),
      errors: [{ messageId: 'nextNotPostBatch', path: ['States', 'copy-assets-batch'], message: 'but got "copy-assets-post-batch".' }],
    },
    {
      name: 'End: true inside the branch of a batch group',
      code: machine(groupMachine(groupState(endingBatch()))),
      errors: [{ messageId: 'noNext', path: ['States', 'copy-assets-group', 'Branches', 0, 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'End: true ends a Map ItemProcessor',
      code: machine(inMap(flat(endingBatch()), 'ItemProcessor', EACH_MAP)),
      errors: [{ messageId: 'noNext', path: ['States', 'Each', 'ItemProcessor', 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'End: true ends a legacy Map Iterator',
      code: machine(inMap(flat(endingBatch()), 'Iterator', EACH_MAP)),
      errors: [{ messageId: 'noNext', path: ['States', 'Each', 'Iterator', 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'post-batch of the machine is not seen from inside a Map processor',
      code: machine({
        StartAt: 'Each',
        States: {
          Each: {
            Type: 'Map',
            ItemProcessor: {
              StartAt: 'copy-assets-pre-batch',
              States: {
                'copy-assets-pre-batch': { Type: 'Task', Resource: PRE_BATCH_ARN, Next: 'copy-assets-batch' },
                'copy-assets-batch': batchTask({ next: 'Wait' }),
                Wait: { Type: 'Wait', Seconds: 5, End: true },
              },
            },
            Next: 'copy-assets-post-batch',
          },
          'copy-assets-post-batch': { Type: 'Task', Resource: POST_BATCH_ARN, End: true },
        },
      }),
      errors: [
        { messageId: 'nextNotPostBatch', path: ['States', 'Each', 'ItemProcessor', 'States', 'copy-assets-batch'], message: 'but got "Wait".' },
      ],
    },
    {
      name: 'two errors: one Batch task ends, the other goes to a Pass',
      code: machine({
        StartAt: 'copy-assets-batch',
        States: {
          'copy-assets-batch': batchTask({ next: 'Merge' }),
          Merge: { Type: 'Pass', Next: 'make-preview-batch' },
          'make-preview-batch': batchTask({ next: null }),
        },
      }),
      errors: [
        { messageId: 'nextNotPostBatch', path: ['States', 'copy-assets-batch'], message: 'but got "Merge".' },
        { messageId: 'noNext', path: ['States', 'make-preview-batch'] },
      ],
    },
    {
      name: 'settings.batch.postBatch replaces the default matcher',
      code: machine(flat(triad())),
      settings: { batch: { postBatch: 'collect-job-output' } },
      errors: [{ messageId: 'nextNotPostBatch', path: ['States', 'copy-assets-batch'] }],
    },
    {
      name: 'YAML position of the Batch task key',
      code: yaml`
        StartAt: copy-assets-pre-batch
        States:
          copy-assets-pre-batch: { Type: Task, Resource: !GetAtt pre-batch.Arn, Next: copy-assets-batch }
          copy-assets-batch:
            Type: Task
            Resource: arn:aws:states:::batch:submitJob.sync
            End: true   # nothing collects the job output`,
      errors: [{ messageId: 'noNext', line: 4, column: 3 }],
    },
    {
      name: 'JSON position of the Batch task key',
      code: json`
        {
          "StartAt": "copy-assets-batch",
          "States": {
            "copy-assets-batch": { "Type": "Task", "Resource": "arn:aws:states:::batch:submitJob.sync", "Next": "Done" },
            "Done": { "Type": "Succeed" }
          }
        }`,
      errors: [{ messageId: 'nextNotPostBatch', line: 4, column: 5, message: 'but got "Done".' }],
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
          '      RoleArn: !GetAtt CopyAssetsRole.Arn',
          '      DefinitionString: !Sub |',
          '        {',
          '          "StartAt": "copy-assets-pre-batch",',
          '          "States": {',
          '            "copy-assets-pre-batch": {',
          '              "Type": "Task",',
          '              "Resource": "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${ResourcePrefix}-pre-batch",',
          '              "Next": "copy-assets-batch"',
          '            },',
          '            "copy-assets-batch": {',
          '              "Type": "Task",',
          '              "Resource": "arn:${AWS::Partition}:states:::batch:submitJob.sync",',
          '              "End": true',
          '            }',
          '          }',
          '        }',
          '',
        ].join('\n'),
      ),
      errors: [{ messageId: 'noNext', line: 15, column: 13 }],
    },
  ],
});
