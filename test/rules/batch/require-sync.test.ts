import rule from '../../../rules/batch/require-sync';
import { RuleTester, file, json, machine, yaml } from '../../harness';
import { BATCH_SYNC, group, inMap, jobRequest, triad } from '../../harness/batch-machines';

const NO_SYNC = 'arn:aws:states:::batch:submitJob';
const JOB = jobRequest();

/** A lone Batch task named "Run" with `resource`. */
const batch = (resource: unknown) => ({
  StartAt: 'Run',
  States: { Run: { Type: 'Task', Resource: resource, Parameters: JOB, End: true } },
});

const GROUP_BATCH = ['States', 'copy-assets-group', 'Branches', 0, 'States', 'copy-assets-batch'];

new RuleTester().run('batch/require-sync', rule, {
  valid: [
    { name: 'the canonical batch group', code: machine(group(triad())) },
    { name: 'submitJob.sync', code: machine(batch(BATCH_SYNC)) },
    { name: 'templated partition with .sync', code: machine(batch('arn:${AWS::Partition}:states:::batch:submitJob.sync')) },
    { name: 'Fn::Sub partition with .sync', code: machine(batch({ 'Fn::Sub': 'arn:${AWS::Partition}:states:::batch:submitJob.sync' })) },
    { name: 'Terraform partition with .sync', code: machine(batch('arn:${partition}:states:::batch:submitJob.sync')) },
    { name: 'opaque Resource is unknown, not guessed', code: machine(batch('${batch_arn}')) },
    { name: 'a Lambda task is not a Batch task', code: machine(batch('arn:aws:states:::lambda:invoke')) },
    { name: 'submitJob.sync inside a Map ItemProcessor', code: machine(inMap(triad())) },
    {
      name: 'a custom batchResource matcher on a placeholder does not say whether the job is waited for',
      code: machine(batch('${batch_job}')),
      settings: { batch: { batchResource: String.raw`^\$\{batch_job\}$` } },
    },
    {
      name: 'a custom batchResource matcher replaces the default one',
      code: machine(batch(NO_SYNC)),
      settings: { batch: { batchResource: String.raw`^\$\{batch_job\}$` } },
    },
  ],
  invalid: [
    {
      name: 'submitJob without .sync',
      code: machine(batch(NO_SYNC)),
      errors: [{ messageId: 'missingSync', path: ['States', 'Run'] }],
    },
    {
      name: 'without .sync inside the batch group',
      code: machine(group(triad({ batch: { Resource: NO_SYNC } }))),
      errors: [{ messageId: 'missingSync', path: GROUP_BATCH }],
    },
    {
      name: 'without .sync inside a Map ItemProcessor',
      code: machine(inMap(triad({ batch: { Resource: NO_SYNC } }))),
      errors: [{ messageId: 'missingSync', path: ['States', 'Items', 'ItemProcessor', 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'without .sync inside a legacy Map Iterator',
      code: machine(inMap(batch(NO_SYNC), 'Iterator')),
      errors: [{ messageId: 'missingSync', path: ['States', 'Items', 'Iterator', 'States', 'Run'] }],
    },
    {
      name: 'Fn::Sub partition without .sync',
      code: machine(batch({ 'Fn::Sub': 'arn:${AWS::Partition}:states:::batch:submitJob' })),
      errors: [{ messageId: 'missingSync', path: ['States', 'Run'] }],
    },
    {
      name: 'Fn::Sub with a variable map, without .sync',
      code: machine(batch({ 'Fn::Sub': ['arn:${Partition}:states:::batch:submitJob', { Partition: { Ref: 'AWS::Partition' } }] })),
      errors: [{ messageId: 'missingSync', path: ['States', 'Run'] }],
    },
    {
      name: 'a JSONata machine without .sync',
      code: machine({
        QueryLanguage: 'JSONata',
        StartAt: 'Run',
        States: { Run: { Type: 'Task', Resource: NO_SYNC, Arguments: JOB, End: true } },
      }),
      errors: [{ messageId: 'missingSync', path: ['States', 'Run'] }],
    },
    {
      name: 'two Batch tasks without .sync',
      code: machine({
        StartAt: 'Charge',
        States: {
          Charge: { Type: 'Task', Resource: NO_SYNC, Parameters: JOB, Next: 'Refund' },
          Refund: { Type: 'Task', Resource: BATCH_SYNC, Parameters: JOB, Next: 'Archive' },
          Archive: { Type: 'Task', Resource: 'arn:${partition}:states:::batch:submitJob', Parameters: JOB, End: true },
        },
      }),
      errors: [
        { messageId: 'missingSync', path: ['States', 'Charge'], message: '"Charge"' },
        { messageId: 'missingSync', path: ['States', 'Archive'], message: '"Archive"' },
      ],
    },
    {
      name: 'CloudFormation partition without .sync, in YAML with !Sub',
      code: yaml`
        StartAt: Submit
        States:
          Submit:   # fire and forget
            Type: Task
            Resource: !Sub arn:\${AWS::Partition}:states:::batch:submitJob
            End: true`,
      errors: [{ messageId: 'missingSync', line: 3, column: 3, message: '"Submit"' }],
    },
    {
      name: 'Terraform template without .sync, in JSON',
      code: json`
        {
          "StartAt": "copy-assets-batch",
          "States": {
            "copy-assets-batch": {
              "Type": "Task",
              "Resource": "arn:\${partition}:states:::batch:submitJob",
              "Parameters": { "JobQueue": "\${job_queue_arn}", "JobDefinition": "\${job_definition_arn}" },
              "End": true
            }
          }
        }`,
      errors: [{ messageId: 'missingSync', line: 4, column: 5 }],
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
          '              "Resource": "arn:${AWS::Partition}:states:::batch:submitJob",',
          '              "Parameters": { "JobQueue": "${JobQueue}", "JobDefinition": "${JobDefinition}" },',
          '              "End": true',
          '            }',
          '          }',
          '        }',
          '',
        ].join('\n'),
      ),
      errors: [{ messageId: 'missingSync', line: 10, column: 13, message: '"copy-assets-batch"' }],
    },
  ],
});
