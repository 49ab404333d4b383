import rule from '../../../rules/batch/no-native-retry';
import { RuleTester, file, json, machine, yaml } from '../../harness';
import { BATCH_SYNC, EACH_MAP, GROUP_RETRY, PRE_BATCH_ARN, batchTask, flat, groupMachine, groupState, inMap, triadStates, type Fields } from '../../harness/batch-machines';

/** The bare triad whose Batch task's `Parameters` are extended with `parameters`. */
const triad = (parameters: Fields = {}) => triadStates({ batch: batchTask({ parameters }) });

/** A machine whose only state is the batch group around `states`, with a `States.ALL` Retry. */
const group = (states: Fields) => groupMachine(groupState(states, { Retry: [GROUP_RETRY] }));

const RETRY_3 = { RetryStrategy: { Attempts: 3 } };

/**
 * A CloudFormation template: one job definition with `retryStrategy`, and one machine with a `Definition`
 * object whose Batch task uses `jobDefinition` (plus `parameters`).
 */
const template = (
  jobDefinition: unknown,
  retryStrategy: unknown,
  machineProperties: Record<string, unknown> = {},
  parameters: Record<string, unknown> = {},
) => ({
  Resources: {
    CopyAssetsJobDefinition: {
      Type: 'AWS::Batch::JobDefinition',
      Properties: {
        Type: 'container',
        JobDefinitionName: 'copy-assets',
        ContainerProperties: { Image: 'cirrus-geo/copy-assets:1.0', Vcpus: 1, Memory: 2048 },
        ...(retryStrategy === undefined ? {} : { RetryStrategy: retryStrategy }),
      },
    },
    CopyAssetsStateMachine: {
      Type: 'AWS::StepFunctions::StateMachine',
      Properties: {
        Definition: group(triad({ JobDefinition: jobDefinition, ...parameters })),
        ...machineProperties,
      },
    },
  },
});

const GROUP_BATCH = ['States', 'copy-assets-group', 'Branches', 0, 'States', 'copy-assets-batch'];

/** A CloudFormation template in YAML whose machine is a `DefinitionString: !Sub |` with `jobDefinition` in it. */
const subTemplate = (jobDefinition: string, attempts: number) =>
  [
    'Resources:',
    '  CopyAssetsJobDefinition:',
    '    Type: AWS::Batch::JobDefinition',
    '    Properties:',
    '      Type: container',
    '      RetryStrategy:',
    `        Attempts: ${attempts}`,
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
    `              "Parameters": { "JobName": "copy-assets", "JobQueue": "\${CopyAssetsJobQueue}", "JobDefinition": "${jobDefinition}" },`,
    '              "End": true',
    '            }',
    '          }',
    '        }',
    '',
  ].join('\n');

new RuleTester().run('batch/no-native-retry', rule, {
  valid: [
    { name: 'canonical batch group', code: machine(group(triad())) },
    { name: 'RetryStrategy with Attempts: 1 is not a retry', code: machine(group(triad({ RetryStrategy: { Attempts: 1 } }))) },
    {
      name: 'a RetryStrategy in the Parameters of a task that is not a Batch task',
      code: machine({ StartAt: 'Charge', States: { Charge: { Type: 'Task', Resource: PRE_BATCH_ARN, Parameters: RETRY_3, End: true } } }),
    },
    {
      name: 'a job parameter named RetryStrategy is passed to the container',
      code: machine(group(triad({ Parameters: { 'url.$': '$.url', 'url_out.$': '$.url_out', RetryStrategy: 'none' } }))),
    },
    { name: 'job definition in the template with Attempts: 1', code: machine(template({ Ref: 'CopyAssetsJobDefinition' }, { Attempts: 1 })) },
    { name: 'job definition in the template without RetryStrategy', code: machine(template({ Ref: 'CopyAssetsJobDefinition' }, undefined)) },
    {
      name: 'job definition with retries that the machine does not reference',
      code: machine(template('make-preview', { Attempts: 3 })),
    },
    {
      name: 'DefinitionString referencing a job definition with Attempts: 1',
      code: file('template.yaml', subTemplate('${CopyAssetsJobDefinition}', 1)),
    },
  ],
  invalid: [
    {
      name: 'RetryStrategy in the Parameters of a Batch task in a group',
      code: machine(group(triad(RETRY_3))),
      errors: [{ messageId: 'parametersRetry', path: GROUP_BATCH, message: 'Unexpected "RetryStrategy" in the "Parameters" of Batch task "copy-assets-batch".' }],
    },
    {
      name: 'RetryStrategy with only EvaluateOnExit still retries',
      code: machine(group(triad({ RetryStrategy: { EvaluateOnExit: [{ OnExitCode: '137', Action: 'RETRY' }] } }))),
      errors: [{ messageId: 'parametersRetry', path: GROUP_BATCH }],
    },
    {
      name: 'RetryStrategy on a naked Batch task',
      code: machine({ StartAt: 'copy-assets-batch', States: { 'copy-assets-batch': batchTask({ parameters: RETRY_3, next: null }) } }),
      errors: [{ messageId: 'parametersRetry', path: ['States', 'copy-assets-batch'] }],
    },
    {
      name: 'RetryStrategy inside a Map ItemProcessor',
      code: machine(inMap(flat(triad(RETRY_3)), 'ItemProcessor', EACH_MAP)),
      errors: [{ messageId: 'parametersRetry', path: ['States', 'Each', 'ItemProcessor', 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'RetryStrategy inside a legacy Map Iterator',
      code: machine(inMap(flat(triad(RETRY_3)), 'Iterator', EACH_MAP)),
      errors: [{ messageId: 'parametersRetry', path: ['States', 'Each', 'Iterator', 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'RetryStrategy in the Arguments of a JSONata Batch task',
      code: machine({
        QueryLanguage: 'JSONata',
        StartAt: 'copy-assets-batch',
        States: {
          'copy-assets-batch': {
            Type: 'Task',
            Resource: BATCH_SYNC,
            Arguments: { JobName: 'copy-assets', JobQueue: 'copy-assets-queue', JobDefinition: 'copy-assets', RetryStrategy: { Attempts: 2 } },
            End: true,
          },
        },
      }),
      errors: [{ messageId: 'parametersRetry', path: ['States', 'copy-assets-batch'], message: 'in the "Arguments" of Batch task' }],
    },
    {
      name: 'two errors: two Batch tasks with RetryStrategy',
      code: machine({
        StartAt: 'copy-assets-batch',
        States: {
          'copy-assets-batch': batchTask({ parameters: RETRY_3, next: 'make-preview-batch' }),
          'make-preview-batch': batchTask({ parameters: { JobName: 'make-preview', RetryStrategy: { Attempts: 5 } }, next: null }),
        },
      }),
      errors: [
        { messageId: 'parametersRetry', path: ['States', 'copy-assets-batch'] },
        { messageId: 'parametersRetry', path: ['States', 'make-preview-batch'], message: '"make-preview-batch"' },
      ],
    },
    {
      name: 'settings.batch.batchResource makes another task the Batch task',
      code: machine({
        StartAt: 'Render',
        States: { Render: { Type: 'Task', Resource: 'arn:aws:states:::ecs:runTask.sync', Parameters: RETRY_3, End: true } },
      }),
      settings: { batch: { batchResource: String.raw`^arn:aws:states:::ecs:runTask\.sync$` } },
      errors: [{ messageId: 'parametersRetry', path: ['States', 'Render'] }],
    },
    {
      name: 'job definition in the template referenced with Ref',
      code: machine(template({ Ref: 'CopyAssetsJobDefinition' }, { Attempts: 3 })),
      errors: [
        {
          messageId: 'definitionRetry',
          path: GROUP_BATCH,
          message: 'job definition "CopyAssetsJobDefinition" sets "RetryStrategy.Attempts" to 3.',
        },
      ],
    },
    {
      name: 'job definition referenced with Fn::GetAtt',
      code: machine(template({ 'Fn::GetAtt': ['CopyAssetsJobDefinition', 'JobDefinitionArn'] }, { Attempts: 2 })),
      errors: [{ messageId: 'definitionRetry', path: GROUP_BATCH }],
    },
    {
      name: 'job definition referenced by its ARN',
      code: machine(template('arn:aws:batch:us-west-2:123456789012:job-definition/copy-assets:4', { Attempts: 2 })),
      errors: [{ messageId: 'definitionRetry', path: GROUP_BATCH }],
    },
    {
      name: 'job definition referenced by name and revision',
      code: machine(template('copy-assets:4', { Attempts: 2 })),
      errors: [{ messageId: 'definitionRetry', path: GROUP_BATCH }],
    },
    {
      name: 'job definition referenced as a serverless pseudo parameter',
      code: machine(template('#{CopyAssetsJobDefinition}', { Attempts: 2 })),
      errors: [{ messageId: 'definitionRetry', path: GROUP_BATCH }],
    },
    {
      name: 'job definition with Attempts written as a string',
      code: machine(template({ Ref: 'CopyAssetsJobDefinition' }, { Attempts: '3' })),
      errors: [{ messageId: 'definitionRetry', path: GROUP_BATCH, message: 'to 3.' }],
    },
    {
      name: 'job definition reached through DefinitionSubstitutions',
      code: machine(
        template('${CopyAssetsJobDefinitionArn}', { Attempts: 3 }, { DefinitionSubstitutions: { CopyAssetsJobDefinitionArn: { Ref: 'CopyAssetsJobDefinition' } } }),
      ),
      errors: [{ messageId: 'definitionRetry', path: GROUP_BATCH }],
    },
    {
      name: 'two errors at one task: RetryStrategy in Parameters and in the job definition',
      code: machine(template({ Ref: 'CopyAssetsJobDefinition' }, { Attempts: 3 }, {}, { RetryStrategy: { Attempts: 2 } })),
      errors: [
        { messageId: 'parametersRetry', path: GROUP_BATCH },
        { messageId: 'definitionRetry', path: GROUP_BATCH },
      ],
    },
    {
      name: 'YAML !Ref to a job definition, reported at each Batch task that uses it',
      code: file(
        'template.yaml',
        [
          'Resources:',
          '  CopyAssetsJobDefinition:',
          '    Type: AWS::Batch::JobDefinition',
          '    Properties:',
          '      Type: container',
          '      RetryStrategy: { Attempts: 3 }',
          '  CopyAssetsStateMachine:',
          '    Type: AWS::StepFunctions::StateMachine',
          '    Properties:',
          '      Definition:',
          '        StartAt: copy-assets-batch',
          '        States:',
          '          copy-assets-batch:',
          '            Type: Task',
          '            Resource: !Sub arn:${AWS::Partition}:states:::batch:submitJob.sync',
          '            Parameters: { JobName: copy-assets, JobQueue: !Ref CopyAssetsJobQueue, JobDefinition: !Ref CopyAssetsJobDefinition }',
          '            Next: copy-assets-again-batch',
          '          copy-assets-again-batch:',
          '            Type: Task',
          '            Resource: !Sub arn:${AWS::Partition}:states:::batch:submitJob.sync',
          '            Parameters: { JobName: copy-assets-again, JobQueue: !Ref CopyAssetsJobQueue, JobDefinition: !GetAtt CopyAssetsJobDefinition.JobDefinitionArn }',
          '            End: true',
          '',
        ].join('\n'),
      ),
      errors: [
        { messageId: 'definitionRetry', line: 13, column: 11, message: 'Batch task "copy-assets-batch"' },
        { messageId: 'definitionRetry', line: 18, column: 11, message: 'Batch task "copy-assets-again-batch"' },
      ],
    },
    {
      name: 'CloudFormation DefinitionString with !Sub and ${JobDefinition} maps to the host line',
      code: file('template.yaml', subTemplate('${CopyAssetsJobDefinition}', 3)),
      errors: [{ messageId: 'definitionRetry', line: 15, column: 13 }],
    },
    {
      name: 'Fn::Sub variable map naming the job definition',
      code: file(
        'template.yaml',
        [
          'Resources:',
          '  CopyAssetsJobDefinition:',
          '    Type: AWS::Batch::JobDefinition',
          '    Properties:',
          '      Type: container',
          '      RetryStrategy:',
          '        Attempts: 2',
          '  CopyAssetsStateMachine:',
          '    Type: AWS::StepFunctions::StateMachine',
          '    Properties:',
          '      DefinitionString: !Sub',
          '        - |',
          '          {',
          '            "StartAt": "copy-assets-batch",',
          '            "States": {',
          '              "copy-assets-batch": {',
          '                "Type": "Task",',
          '                "Resource": "arn:aws:states:::batch:submitJob.sync",',
          '                "Parameters": { "JobName": "copy-assets", "JobQueue": "copy-assets-queue", "JobDefinition": "${Definition}" },',
          '                "End": true',
          '              }',
          '            }',
          '          }',
          '        - Definition: !Ref CopyAssetsJobDefinition',
          '',
        ].join('\n'),
      ),
      errors: [{ messageId: 'definitionRetry', line: 16, column: 15 }],
    },
    {
      name: 'serverless.yml with a #{...} job definition in resources',
      code: file(
        'serverless.yml',
        [
          'service: cirrus',
          'stepFunctions:',
          '  stateMachines:',
          '    copy-assets:',
          '      definition:',
          '        StartAt: copy-assets-batch',
          '        States:',
          '          copy-assets-batch:',
          '            Type: Task',
          '            Resource: arn:aws:states:::batch:submitJob.sync',
          '            Parameters:',
          '              JobName: copy-assets',
          '              JobQueue: "#{CopyAssetsJobQueue}"',
          '              JobDefinition: "#{CopyAssetsJobDefinition}"',
          '            End: true',
          'resources:',
          '  Resources:',
          '    CopyAssetsJobDefinition:',
          '      Type: AWS::Batch::JobDefinition',
          '      Properties:',
          '        Type: container',
          '        RetryStrategy:',
          '          Attempts: 3',
          '',
        ].join('\n'),
      ),
      errors: [{ messageId: 'definitionRetry', line: 8, column: 11 }],
    },
    {
      name: 'JSON position of the Batch task key',
      code: json`
        {
          "StartAt": "copy-assets-batch",
          "States": {
            "copy-assets-batch": {
              "Type": "Task",
              "Resource": "arn:aws:states:::batch:submitJob.sync",
              "Parameters": { "JobName": "copy-assets", "JobQueue": "copy-assets-queue", "JobDefinition": "copy-assets", "RetryStrategy": { "Attempts": 3 } },
              "End": true
            }
          }
        }`,
      errors: [{ messageId: 'parametersRetry', line: 4, column: 5 }],
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
            Parameters:
              JobName: copy-assets
              JobQueue: "#{CopyAssetsJobQueue}"
              JobDefinition: "#{CopyAssetsJobDefinition}"
              RetryStrategy:
                Attempts: 3   # AWS Batch would rerun the job alone
            Next: copy-assets-post-batch
          copy-assets-post-batch: { Type: Task, Resource: !GetAtt post-batch.Arn, End: true }`,
      errors: [{ messageId: 'parametersRetry', line: 4, column: 3 }],
    },
  ],
});
