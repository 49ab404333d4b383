import rule from '../../../rules/batch/no-result-override';
import { RuleTester, file, json, machine, yaml } from '../../harness';
import { BATCH_SYNC, group, inMap, triad } from '../../harness/batch-machines';

const BATCH = ['States', 'copy-assets-batch'];
const JSONATA_BATCH = { Parameters: undefined, Arguments: { JobName: 'copy-assets', JobQueue: 'q', JobDefinition: 'd' }, Catch: undefined };

new RuleTester().run('batch/no-result-override', rule, {
  valid: [
    { name: 'the canonical batch group, whose Catch has a ResultPath', code: machine(group(triad())) },
    { name: 'ResultPath and OutputPath set to their default "$"', code: machine(triad({ batch: { ResultPath: '$', OutputPath: '$' } })) },
    { name: 'InputPath does not reshape the result', code: machine(triad({ batch: { InputPath: '$' } })) },
    {
      name: 'OutputPath on a Lambda task',
      code: machine({
        StartAt: 'Charge',
        States: { Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'charge' }, OutputPath: '$.Payload', End: true } },
      }),
    },
    { name: 'JSONata Batch task without Output', code: machine({ QueryLanguage: 'JSONata', ...triad({ batch: JSONATA_BATCH }) }) },
    { name: 'JSONata Batch task with the default Output', code: machine({ QueryLanguage: 'JSONata', ...triad({ batch: { ...JSONATA_BATCH, Output: '{% $states.result %}' } }) }) },
    {
      name: 'a custom batchResource matcher leaves other Resources alone',
      code: machine(triad({ batch: { ResultPath: '$.job' } })),
      settings: { batch: { batchResource: String.raw`^\$\{batch_job\}$` } },
    },
  ],
  invalid: [
    {
      name: 'ResultPath on the Batch task',
      code: machine(triad({ batch: { ResultPath: '$.job' } })),
      errors: [{ messageId: 'override', path: BATCH, message: 'Unexpected "ResultPath" on Batch task "copy-assets-batch".' }],
    },
    {
      name: 'ResultSelector on the Batch task',
      code: machine(triad({ batch: { ResultSelector: { 'status.$': '$.Status' } } })),
      errors: [{ messageId: 'override', path: BATCH, message: '"ResultSelector"' }],
    },
    {
      name: 'OutputPath on the Batch task',
      code: machine(triad({ batch: { OutputPath: '$.Container' } })),
      errors: [{ messageId: 'override', path: BATCH, message: '"OutputPath"' }],
    },
    {
      name: 'ResultPath null discards the job result',
      code: machine(triad({ batch: { ResultPath: null } })),
      errors: [{ messageId: 'override', path: BATCH, message: '"ResultPath"' }],
    },
    {
      name: 'all three fields on one Batch task',
      code: machine(triad({ batch: { ResultSelector: { 'id.$': '$.JobId' }, ResultPath: '$.job', OutputPath: '$.job' } })),
      errors: [
        { messageId: 'override', path: BATCH, message: '"ResultPath"' },
        { messageId: 'override', path: BATCH, message: '"ResultSelector"' },
        { messageId: 'override', path: BATCH, message: '"OutputPath"' },
      ],
    },
    {
      name: 'inside the batch group',
      code: machine(group(triad({ batch: { ResultPath: '$.job' } }))),
      errors: [{ messageId: 'override', path: ['States', 'copy-assets-group', 'Branches', 0, 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'inside a Map ItemProcessor',
      code: machine(inMap(triad({ batch: { OutputPath: '$.Container' } }))),
      errors: [{ messageId: 'override', path: ['States', 'Items', 'ItemProcessor', 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'inside a legacy Map Iterator',
      code: machine(inMap(triad({ batch: { OutputPath: '$.Container' } }), 'Iterator')),
      errors: [{ messageId: 'override', path: ['States', 'Items', 'Iterator', 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'Batch Resource in Fn::Sub',
      code: machine(triad({ batch: { Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:states:::batch:submitJob.sync' }, ResultPath: '$.job' } })),
      errors: [{ messageId: 'override', path: BATCH }],
    },
    {
      name: 'Batch Resource with a Terraform partition',
      code: machine(triad({ batch: { Resource: 'arn:${partition}:states:::batch:submitJob.sync', ResultPath: '$.job' } })),
      errors: [{ messageId: 'override', path: BATCH }],
    },
    {
      name: 'a wholly templated Batch Resource',
      code: machine(triad({ batch: { Resource: '${batch_arn}', Parameters: { JobQueue: '${job_queue}', JobDefinition: '${job_definition}' }, ResultPath: '$.job' } })),
      errors: [{ messageId: 'override', path: BATCH }],
    },
    {
      name: 'a custom batchResource matcher',
      code: machine(triad({ batch: { Resource: '${batch_job}', OutputPath: '$.Container' } })),
      settings: { batch: { batchResource: String.raw`^\$\{batch_job\}$` } },
      errors: [{ messageId: 'override', path: BATCH }],
    },
    {
      name: 'JSONata Batch task reshaping its result with Output',
      code: machine({ QueryLanguage: 'JSONata', ...triad({ batch: { ...JSONATA_BATCH, Output: { status: '{% $states.result.Status %}' } } }) }),
      errors: [{ messageId: 'override', path: BATCH, message: 'Unexpected "Output"' }],
    },
    {
      name: 'YAML with a comment',
      code: yaml`
        StartAt: Charge
        States:
          Charge:
            Type: Task
            Resource: arn:aws:states:::batch:submitJob.sync
            Parameters: { JobQueue: q, JobDefinition: d }
            ResultPath: $.charge   # keeps the input
            End: true`,
      errors: [{ messageId: 'override', line: 3, column: 3, message: '"Charge"' }],
    },
    {
      name: 'JSON with two Batch tasks',
      code: json`
        {
          "StartAt": "Charge",
          "States": {
            "Charge": { "Type": "Task", "Resource": "${BATCH_SYNC}", "OutputPath": "$.JobId", "Next": "Refund" },
              "Refund": { "Type": "Task", "Resource": "${BATCH_SYNC}", "ResultSelector": { "id.$": "$.JobId" }, "End": true }
          }
        }`,
      errors: [
        { messageId: 'override', line: 4, column: 5, message: '"Charge"' },
        { messageId: 'override', line: 5, column: 7, message: '"Refund"' },
      ],
    },
    {
      name: 'CloudFormation DefinitionString in !Sub, reported on the host line',
      code: file(
        'template.yaml',
        [
          "AWSTemplateFormatVersion: '2010-09-09'",
          'Resources:',
          '  CopyAssetsWorkflow:',
          '    Type: AWS::StepFunctions::StateMachine',
          '    Properties:',
          '      DefinitionString: !Sub |',
          '        {',
          '          "StartAt": "copy-assets-batch",',
          '          "States": {',
          '            "copy-assets-batch": {',
          '              "Type": "Task",',
          '              "Resource": "arn:${AWS::Partition}:states:::batch:submitJob.sync",',
          '              "Parameters": { "JobQueue": "${JobQueue}", "JobDefinition": "${JobDefinition}" },',
          '              "ResultPath": "$.job",',
          '              "End": true',
          '            }',
          '          }',
          '        }',
          '',
        ].join('\n'),
      ),
      errors: [{ messageId: 'override', line: 10, column: 13, message: '"ResultPath"' }],
    },
  ],
});
