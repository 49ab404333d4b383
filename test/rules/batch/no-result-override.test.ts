import rule from '../../../rules/batch/no-result-override';
import { RuleTester, file, json, machine, yaml } from '../../harness';

type Fields = Record<string, unknown>;

const SYNC = 'arn:aws:states:::batch:submitJob.sync';
const JOB = {
  JobName: 'copy-assets',
  JobQueue: '#{CopyAssetsJobQueue}',
  JobDefinition: '#{CopyAssetsJobDefinition}',
  Parameters: { 'url.$': '$.url', 'url_out.$': '$.url_out' },
};

/** The canonical triad (DESIGN §1); `batch` overrides fields of the Batch task. */
const triad = (batch: Fields = {}) => ({
  StartAt: 'copy-assets-pre-batch',
  States: {
    'copy-assets-pre-batch': { Type: 'Task', Resource: { 'Fn::GetAtt': ['pre-batch', 'Arn'] }, Next: 'copy-assets-batch' },
    'copy-assets-batch': {
      Type: 'Task',
      Resource: SYNC,
      Parameters: JOB,
      Next: 'copy-assets-post-batch',
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'copy-assets-post-batch' }],
      ...batch,
    },
    'copy-assets-post-batch': { Type: 'Task', Resource: { 'Fn::GetAtt': ['post-batch', 'Arn'] }, End: true },
  },
});

/** The canonical batch group around `branch`. */
const group = (branch: unknown) => ({
  StartAt: 'copy-assets-group',
  States: {
    'copy-assets-group': {
      Type: 'Parallel',
      Branches: [branch],
      OutputPath: '$[0]',
      Next: 'publish',
      Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 3, MaxAttempts: 2 }],
    },
    publish: { Type: 'Succeed' },
  },
});

/** A Map whose processor (`ItemProcessor`, or the legacy `Iterator`) is `processor`. */
const inMap = (processor: unknown, field: 'ItemProcessor' | 'Iterator' = 'ItemProcessor') => ({
  StartAt: 'Items',
  States: { Items: { Type: 'Map', ItemsPath: '$.items', [field]: processor, End: true } },
});

const BATCH = ['States', 'copy-assets-batch'];
const JSONATA_BATCH = { Parameters: undefined, Arguments: { JobName: 'copy-assets', JobQueue: 'q', JobDefinition: 'd' }, Catch: undefined };

new RuleTester().run('batch/no-result-override', rule, {
  valid: [
    { name: 'the canonical batch group, whose Catch has a ResultPath', code: machine(group(triad())) },
    { name: 'ResultPath and OutputPath set to their default "$"', code: machine(triad({ ResultPath: '$', OutputPath: '$' })) },
    { name: 'InputPath does not reshape the result', code: machine(triad({ InputPath: '$' })) },
    {
      name: 'OutputPath on a Lambda task',
      code: machine({
        StartAt: 'Charge',
        States: { Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'charge' }, OutputPath: '$.Payload', End: true } },
      }),
    },
    { name: 'JSONata Batch task without Output', code: machine({ QueryLanguage: 'JSONata', ...triad(JSONATA_BATCH) }) },
    { name: 'JSONata Batch task with the default Output', code: machine({ QueryLanguage: 'JSONata', ...triad({ ...JSONATA_BATCH, Output: '{% $states.result %}' }) }) },
    {
      name: 'a custom batchResource matcher leaves other Resources alone',
      code: machine(triad({ ResultPath: '$.job' })),
      settings: { batch: { batchResource: String.raw`^\$\{batch_job\}$` } },
    },
  ],
  invalid: [
    {
      name: 'ResultPath on the Batch task',
      code: machine(triad({ ResultPath: '$.job' })),
      errors: [{ messageId: 'override', path: BATCH, message: 'Unexpected "ResultPath" on Batch task "copy-assets-batch".' }],
    },
    {
      name: 'ResultSelector on the Batch task',
      code: machine(triad({ ResultSelector: { 'status.$': '$.Status' } })),
      errors: [{ messageId: 'override', path: BATCH, message: '"ResultSelector"' }],
    },
    {
      name: 'OutputPath on the Batch task',
      code: machine(triad({ OutputPath: '$.Container' })),
      errors: [{ messageId: 'override', path: BATCH, message: '"OutputPath"' }],
    },
    {
      name: 'ResultPath null discards the job result',
      code: machine(triad({ ResultPath: null })),
      errors: [{ messageId: 'override', path: BATCH, message: '"ResultPath"' }],
    },
    {
      name: 'all three fields on one Batch task',
      code: machine(triad({ ResultSelector: { 'id.$': '$.JobId' }, ResultPath: '$.job', OutputPath: '$.job' })),
      errors: [
        { messageId: 'override', path: BATCH, message: '"ResultPath"' },
        { messageId: 'override', path: BATCH, message: '"ResultSelector"' },
        { messageId: 'override', path: BATCH, message: '"OutputPath"' },
      ],
    },
    {
      name: 'inside the batch group',
      code: machine(group(triad({ ResultPath: '$.job' }))),
      errors: [{ messageId: 'override', path: ['States', 'copy-assets-group', 'Branches', 0, 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'inside a Map ItemProcessor',
      code: machine(inMap(triad({ OutputPath: '$.Container' }))),
      errors: [{ messageId: 'override', path: ['States', 'Items', 'ItemProcessor', 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'inside a legacy Map Iterator',
      code: machine(inMap(triad({ OutputPath: '$.Container' }), 'Iterator')),
      errors: [{ messageId: 'override', path: ['States', 'Items', 'Iterator', 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'Batch Resource in Fn::Sub',
      code: machine(triad({ Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:states:::batch:submitJob.sync' }, ResultPath: '$.job' })),
      errors: [{ messageId: 'override', path: BATCH }],
    },
    {
      name: 'Batch Resource with a Terraform partition',
      code: machine(triad({ Resource: 'arn:${partition}:states:::batch:submitJob.sync', ResultPath: '$.job' })),
      errors: [{ messageId: 'override', path: BATCH }],
    },
    {
      name: 'a wholly templated Batch Resource',
      code: machine(triad({ Resource: '${batch_arn}', Parameters: { JobQueue: '${job_queue}', JobDefinition: '${job_definition}' }, ResultPath: '$.job' })),
      errors: [{ messageId: 'override', path: BATCH }],
    },
    {
      name: 'a custom batchResource matcher',
      code: machine(triad({ Resource: '${batch_job}', OutputPath: '$.Container' })),
      settings: { batch: { batchResource: String.raw`^\$\{batch_job\}$` } },
      errors: [{ messageId: 'override', path: BATCH }],
    },
    {
      name: 'JSONata Batch task reshaping its result with Output',
      code: machine({ QueryLanguage: 'JSONata', ...triad({ ...JSONATA_BATCH, Output: { status: '{% $states.result.Status %}' } }) }),
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
            "Charge": { "Type": "Task", "Resource": "${SYNC}", "OutputPath": "$.JobId", "Next": "Refund" },
              "Refund": { "Type": "Task", "Resource": "${SYNC}", "ResultSelector": { "id.$": "$.JobId" }, "End": true }
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
