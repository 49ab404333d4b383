import rule from '../../../rules/batch/require-pre-batch';
import { RuleTester, file, json, machine, yaml } from '../../harness';
import { BATCH_SYNC, EACH_MAP, POST_BATCH_ARN, PRE_BATCH_ARN, PRE_BATCH_GETATT, batchTask, flat, groupMachine, groupState, inMap, triadStates, twoBranches, type Fields } from '../../harness/batch-machines';

/** The bare triad with pre-batch's `Resource` set to `resource` and `fields` added to it. */
const triad = (resource: unknown = PRE_BATCH_ARN, fields: Fields = {}) => triadStates({ pre: { Resource: resource, ...fields } });

new RuleTester().run('batch/require-pre-batch', rule, {
  valid: [
    {
      name: 'JSONata pre-batch named in Arguments.FunctionName',
      code: machine({
        QueryLanguage: 'JSONata',
        StartAt: 'P',
        States: {
          P: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: PRE_BATCH_ARN }, Output: '{% $states.result.Payload %}', Next: 'B' },
          B: { Type: 'Task', Resource: BATCH_SYNC, Arguments: { JobName: 'b', JobQueue: 'q', JobDefinition: 'd' }, End: true },
        },
      }),
    },
    { name: 'canonical batch group', code: machine(groupMachine(groupState(triad(PRE_BATCH_GETATT)))) },
    { name: 'flat triad entered through pre-batch', code: machine(flat(triad())) },
    {
      name: 'triad inside a Map ItemProcessor',
      code: machine(inMap(flat(triad()), 'ItemProcessor', EACH_MAP)),
    },
    {
      name: 'triad inside a legacy Map Iterator',
      code: machine(inMap(flat(triad()), 'Iterator', EACH_MAP)),
    },
    {
      name: 'triad inside one branch of a two-branch Parallel',
      code: machine(twoBranches(flat(triad()))),
    },
    { name: 'pre-batch as Fn::GetAtt with a list', code: machine(flat(triad(PRE_BATCH_GETATT))) },
    { name: 'pre-batch as a Cirrus task reference', code: machine(flat(triad('${tasks.pre-batch.lambda.function_arn}'))) },
    {
      name: 'pre-batch as an ARN templated with ${AWS::Partition} inside Fn::Sub',
      code: machine(
        flat(triad({ 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${ResourcePrefix}-pre-batch' })),
      ),
    },
    { name: 'pre-batch as a serverless pseudo parameter', code: machine(flat(triad('#{PreBatchFunction.Arn}'))) },
    { name: 'pre-batch as a SAM function logical id', code: machine(flat(triad({ 'Fn::GetAtt': ['PreBatchFunction', 'Arn'] }))) },
    { name: 'pre-batch as a SAM substitution', code: machine(flat(triad('${PreBatchFunctionArn}'))) },
    { name: 'pre-batch spelled with an underscore', code: machine(flat(triad('arn:aws:lambda:us-west-2:123456789012:function:pre_batch'))) },
    {
      name: 'pre-batch through lambda:invoke with Parameters.FunctionName',
      code: machine(
        flat(
          triad('arn:aws:states:::lambda:invoke', {
            Parameters: { FunctionName: PRE_BATCH_ARN, 'Payload.$': '$' },
            OutputPath: '$.Payload',
          }),
        ),
      ),
    },
    {
      name: 'Batch Resource with a templated partition inside Fn::Sub',
      code: machine(flat(triadStates({ batch: { Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:states:::batch:submitJob.sync' } } }))),
    },
    {
      name: 'a state that is not a Batch task may be the StartAt',
      code: machine({ StartAt: 'Charge', States: { Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } }),
    },
    {
      name: 'YAML short tag !GetAtt pre-batch.Arn',
      code: yaml`
        StartAt: copy-assets-pre-batch
        States:
          copy-assets-pre-batch:
            Type: Task
            Resource: !GetAtt pre-batch.Arn
            Next: copy-assets-batch
          copy-assets-batch:
            Type: Task
            Resource: !Sub arn:\${AWS::Partition}:states:::batch:submitJob.sync
            Parameters: { JobName: copy-assets, JobQueue: "#{CopyAssetsJobQueue}", JobDefinition: "#{CopyAssetsJobDefinition}" }
            Next: copy-assets-post-batch
          copy-assets-post-batch:
            Type: Task
            Resource: !GetAtt post-batch.Arn
            End: true`,
    },
    {
      name: 'settings.batch.preBatch names the pre-batch function',
      code: machine(flat(triad('arn:aws:lambda:us-west-2:123456789012:function:prepare-job'))),
      settings: { batch: { preBatch: 'prepare-job' } },
    },
  ],
  invalid: [
    {
      name: 'StartAt pointing at a naked Batch task',
      code: machine({ StartAt: 'copy-assets-batch', States: { 'copy-assets-batch': batchTask({ next: null }) } }),
      errors: [{ messageId: 'notFromPreBatch', path: ['States', 'copy-assets-batch'], message: 'from "StartAt".' }],
    },
    {
      name: 'entered from a Lambda that is not pre-batch',
      code: machine(
        flat(
          {
            Prepare: { Type: 'Task', Resource: 'arn:aws:lambda:us-west-2:123456789012:function:prepare', Next: 'copy-assets-batch' },
            'copy-assets-batch': batchTask(),
            'copy-assets-post-batch': { Type: 'Task', Resource: POST_BATCH_ARN, End: true },
          },
          'Prepare',
        ),
      ),
      errors: [{ messageId: 'notFromPreBatch', path: ['States', 'copy-assets-batch'], message: 'from the "Next" of "Prepare".' }],
    },
    {
      name: 'branch of the group starts at the Batch task',
      code: machine(
        groupMachine(
          groupState(
            { 'copy-assets-batch': batchTask(), 'copy-assets-post-batch': { Type: 'Task', Resource: POST_BATCH_ARN, End: true } },
            {},
            'copy-assets-batch',
          ),
        ),
      ),
      errors: [
        { messageId: 'notFromPreBatch', path: ['States', 'copy-assets-group', 'Branches', 0, 'States', 'copy-assets-batch'] },
      ],
    },
    {
      name: 'Map ItemProcessor starts at the Batch task',
      code: machine(inMap(flat({ 'copy-assets-batch': batchTask({ next: null }) }, 'copy-assets-batch'), 'ItemProcessor', EACH_MAP)),
      errors: [{ messageId: 'notFromPreBatch', path: ['States', 'Each', 'ItemProcessor', 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'legacy Map Iterator starts at the Batch task',
      code: machine(inMap(flat({ 'copy-assets-batch': batchTask({ next: null }) }, 'copy-assets-batch'), 'Iterator', EACH_MAP)),
      errors: [{ messageId: 'notFromPreBatch', path: ['States', 'Each', 'Iterator', 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'a Choice and a Catch also enter the Batch task',
      code: machine(
        flat(
          {
            Route: { Type: 'Choice', Choices: [{ Variable: '$.rerun', BooleanEquals: true, Next: 'copy-assets-batch' }], Default: 'copy-assets-pre-batch' },
            ...triad(PRE_BATCH_ARN, { Catch: [{ ErrorEquals: ['States.ALL'], Next: 'copy-assets-batch' }] }),
          },
          'Route',
        ),
      ),
      errors: [
        {
          messageId: 'notFromPreBatch',
          path: ['States', 'copy-assets-batch'],
          message: 'from the "Choices" of "Route", the "Catch" of "copy-assets-pre-batch".',
        },
      ],
    },
    {
      name: 'two Choices of one Choice state are named once',
      code: machine(
        flat(
          {
            Route: {
              Type: 'Choice',
              Choices: [
                { Variable: '$.rerun', BooleanEquals: true, Next: 'copy-assets-batch' },
                { Variable: '$.resume', BooleanEquals: true, Next: 'copy-assets-batch' },
              ],
              Default: 'copy-assets-pre-batch',
            },
            ...triad(),
          },
          'Route',
        ),
      ),
      errors: [{ messageId: 'notFromPreBatch', path: ['States', 'copy-assets-batch'], message: 'from the "Choices" of "Route". Only' }],
    },
    {
      name: 'two Batch tasks in a row: the second is entered from the first',
      code: machine(
        flat({
          'copy-assets-pre-batch': { Type: 'Task', Resource: PRE_BATCH_ARN, Next: 'copy-assets-batch' },
          'copy-assets-batch': batchTask({ next: 'make-preview-batch' }),
          'make-preview-batch': batchTask({ next: 'copy-assets-post-batch' }),
          'copy-assets-post-batch': { Type: 'Task', Resource: POST_BATCH_ARN, End: true },
        }),
      ),
      errors: [{ messageId: 'notFromPreBatch', path: ['States', 'make-preview-batch'], message: 'from the "Next" of "copy-assets-batch".' }],
    },
    {
      name: 'two errors: two naked Batch tasks',
      code: machine({
        StartAt: 'copy-assets-batch',
        States: { 'copy-assets-batch': batchTask({ next: 'make-preview-batch' }), 'make-preview-batch': batchTask({ next: null }) },
      }),
      errors: [
        { messageId: 'notFromPreBatch', path: ['States', 'copy-assets-batch'] },
        { messageId: 'notFromPreBatch', path: ['States', 'make-preview-batch'] },
      ],
    },
    {
      name: 'settings.batch.preBatch replaces the default matcher',
      code: machine(flat(triad())),
      settings: { batch: { preBatch: 'prepare-job' } },
      errors: [
        { messageId: 'notFromPreBatch', path: ['States', 'copy-assets-batch'], message: 'from the "Next" of "copy-assets-pre-batch".' },
      ],
    },
    {
      name: 'YAML position of the Batch task key',
      code: yaml`
        StartAt: Prepare
        States:
          Prepare:
            Type: Pass
            Next: copy-assets-batch
          copy-assets-batch:   # entered without pre-batch
            Type: Task
            Resource: arn:aws:states:::batch:submitJob.sync
            End: true`,
      errors: [{ messageId: 'notFromPreBatch', line: 6, column: 3, message: '"copy-assets-batch"' }],
    },
    {
      name: 'JSON position of the Batch task key',
      code: json`
        {
          "StartAt": "copy-assets-batch",
          "States": {
            "copy-assets-batch": { "Type": "Task", "Resource": "arn:aws:states:::batch:submitJob.sync", "End": true }
          }
        }`,
      errors: [{ messageId: 'notFromPreBatch', line: 4, column: 5 }],
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
          '          "StartAt": "copy-assets-batch",',
          '          "States": {',
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
      errors: [{ messageId: 'notFromPreBatch', line: 9, column: 13 }],
    },
  ],
});
