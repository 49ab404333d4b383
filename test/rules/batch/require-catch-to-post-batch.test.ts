import rule from '../../../rules/batch/require-catch-to-post-batch';
import { RuleTester, file, machine, yaml } from '../../harness';
import { BATCH_SYNC, POST_BATCH_GETATT, PRE_BATCH_GETATT, catchToPostBatch, group, inMap, jobRequest, triad } from '../../harness/batch-machines';

const JOB = jobRequest();
const BATCH = ['States', 'copy-assets-batch'];
const FAILURE = { failure: { Type: 'Fail' } };
const INVOKE_POST = {
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: '${tasks.post-batch.lambda.function_arn}', 'Payload.$': '$' },
  OutputPath: '$.Payload',
};

new RuleTester().run('batch/require-catch-to-post-batch', rule, {
  valid: [
    { name: 'the canonical batch group', code: machine(group(triad())) },
    { name: 'a flat triad', code: machine(triad()) },
    { name: 'inside a Map ItemProcessor', code: machine(inMap(triad())) },
    { name: 'inside a legacy Map Iterator', code: machine(inMap(triad(), 'Iterator')) },
    { name: 'ResultPath in bracket notation', code: machine(triad({ batch: { Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: "$['error']", Next: 'copy-assets-post-batch' }] } })) },
    {
      name: 'a catcher of one error before the States.ALL catcher',
      code: machine(
        triad({
          batch: {
            Catch: [
              { ErrorEquals: ['Batch.AWSBatchException'], ResultPath: '$.error', Next: 'copy-assets-post-batch' },
              ...catchToPostBatch(),
            ],
          },
          states: FAILURE,
        }),
      ),
    },
    { name: 'post-batch as a FilmDrop function_arn placeholder', code: machine(triad({ post: { Resource: '${tasks.post-batch.lambda.function_arn}' } })) },
    { name: 'post-batch called through lambda:invoke', code: machine(triad({ post: INVOKE_POST })) },
    {
      name: 'post-batch as a templated ARN in Fn::Sub',
      code: machine(
        triad({ post: { Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${ResourcePrefix}-post-batch' } } }),
      ),
    },
    { name: 'a wholly templated Batch Resource', code: machine(triad({ batch: { Resource: '${batch_arn}', Parameters: { JobQueue: '${job_queue}', JobDefinition: '${job_definition}' } } })) },
    { name: 'a Lambda task without a Catch is not judged', code: machine({ StartAt: 'Charge', States: { Charge: { Type: 'Task', Resource: PRE_BATCH_GETATT, End: true } } }) },
    {
      name: 'a custom postBatch matcher',
      code: machine(triad({ post: { Resource: { 'Fn::GetAtt': ['finish-job', 'Arn'] } } })),
      settings: { batch: { postBatch: 'finish[-_]?job' } },
    },
    {
      name: 'YAML short tags for the Lambdas',
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
            Next: copy-assets-post-batch
            Catch:
              - ErrorEquals: [States.ALL]
                ResultPath: $.error
                Next: copy-assets-post-batch
          copy-assets-post-batch:
            Type: Task
            Resource: !GetAtt post-batch.Arn
            End: true`,
    },
    {
      name: 'JSONata catcher Output object with the error output under "error"',
      code: machine({
        QueryLanguage: 'JSONata',
        ...triad({
          batch: {
            Arguments: { JobName: 'copy-assets', JobQueue: 'q', JobDefinition: 'd' },
            Parameters: undefined,
            Catch: [{ ErrorEquals: ['States.ALL'], Output: { error: '{% $states.errorOutput %}' }, Next: 'copy-assets-post-batch' }],
          },
        }),
      }),
    },
    {
      name: 'JSONata catcher Output expression merging the error output into the input',
      code: machine({
        QueryLanguage: 'JSONata',
        ...triad({
          batch: {
            Arguments: { JobName: 'copy-assets', JobQueue: 'q', JobDefinition: 'd' },
            Parameters: undefined,
            Catch: [
              {
                ErrorEquals: ['States.ALL'],
                Output: "{% $merge([$states.input, {'error': $states.errorOutput}]) %}",
                Next: 'copy-assets-post-batch',
              },
            ],
          },
        }),
      }),
    },
  ],
  invalid: [
    {
      name: 'no Catch, Next is the post-batch task',
      code: machine(triad({ batch: { Catch: undefined } })),
      errors: [{ messageId: 'missingCatch', path: BATCH, message: 'post-batch task "copy-assets-post-batch"' }],
    },
    {
      name: 'no Catch and no post-batch task at all',
      code: machine({ StartAt: 'Charge', States: { Charge: { Type: 'Task', Resource: BATCH_SYNC, Parameters: JOB, End: true } } }),
      errors: [{ messageId: 'missingCatchNoPost', path: ['States', 'Charge'], message: '"Charge"' }],
    },
    {
      name: 'a Catch of one error only',
      code: machine(triad({ batch: { Catch: [{ ErrorEquals: ['States.TaskFailed'], ResultPath: '$.error', Next: 'copy-assets-post-batch' }] } })),
      errors: [{ messageId: 'missingCatch', path: BATCH }],
    },
    {
      name: 'the States.ALL catcher goes to a Fail state',
      code: machine(triad({ batch: { Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'failure' }] }, states: FAILURE })),
      errors: [{ messageId: 'wrongTarget', path: BATCH, message: 'goes to "failure"' }],
    },
    {
      name: 'the States.ALL catcher goes back to pre-batch',
      code: machine(triad({ batch: { Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'copy-assets-pre-batch' }] } })),
      errors: [{ messageId: 'wrongTarget', path: BATCH, message: 'goes to "copy-assets-pre-batch"' }],
    },
    {
      name: 'the States.ALL catcher has no ResultPath',
      code: machine(triad({ batch: { Catch: [{ ErrorEquals: ['States.ALL'], Next: 'copy-assets-post-batch' }] } })),
      errors: [{ messageId: 'wrongResultPath', path: BATCH, message: 'but got none.' }],
    },
    {
      name: 'the States.ALL catcher has another ResultPath',
      code: machine(triad({ batch: { Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error_info', Next: 'copy-assets-post-batch' }] } })),
      errors: [{ messageId: 'wrongResultPath', path: BATCH, message: 'but got "$.error_info".' }],
    },
    {
      name: 'the States.ALL catcher discards the error',
      code: machine(triad({ batch: { Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: null, Next: 'copy-assets-post-batch' }] } })),
      errors: [{ messageId: 'wrongResultPath', path: BATCH, message: 'but got null.' }],
    },
    {
      name: 'wrong target and wrong ResultPath on one catcher',
      code: machine(triad({ batch: { Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$', Next: 'failure' }] }, states: FAILURE })),
      errors: [
        { messageId: 'wrongTarget', path: BATCH },
        { messageId: 'wrongResultPath', path: BATCH, message: 'but got "$".' },
      ],
    },
    {
      name: 'no Catch inside the batch group',
      code: machine(group(triad({ batch: { Catch: undefined } }))),
      errors: [{ messageId: 'missingCatch', path: ['States', 'copy-assets-group', 'Branches', 0, 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'no Catch inside a Map ItemProcessor',
      code: machine(inMap(triad({ batch: { Catch: undefined } }))),
      errors: [{ messageId: 'missingCatch', path: ['States', 'Items', 'ItemProcessor', 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'no Catch inside a legacy Map Iterator',
      code: machine(inMap(triad({ batch: { Catch: undefined } }), 'Iterator')),
      errors: [{ messageId: 'missingCatch', path: ['States', 'Items', 'Iterator', 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'no Catch on a Batch task whose Resource is in Fn::Sub',
      code: machine(triad({ batch: { Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:states:::batch:submitJob.sync' }, Catch: undefined } })),
      errors: [{ messageId: 'missingCatch', path: BATCH }],
    },
    {
      name: 'no Catch on a Batch task with a Terraform partition',
      code: machine(triad({ batch: { Resource: 'arn:${partition}:states:::batch:submitJob.sync', Catch: undefined } })),
      errors: [{ messageId: 'missingCatch', path: BATCH }],
    },
    {
      name: 'no Catch on a wholly templated Batch Resource',
      code: machine(triad({ batch: { Resource: '${batch_arn}', Parameters: { JobQueue: '${job_queue}', JobDefinition: '${job_definition}' }, Catch: undefined } })),
      errors: [{ messageId: 'missingCatch', path: BATCH }],
    },
    {
      name: 'no Catch, post-batch as a FilmDrop function_arn placeholder',
      code: machine(triad({ batch: { Catch: undefined }, post: { Resource: '${tasks.post-batch.lambda.function_arn}' } })),
      errors: [{ messageId: 'missingCatch', path: BATCH, message: '"copy-assets-post-batch"' }],
    },
    {
      name: 'no Catch, post-batch called through lambda:invoke',
      code: machine(triad({ batch: { Catch: undefined }, post: INVOKE_POST })),
      errors: [{ messageId: 'missingCatch', path: BATCH, message: '"copy-assets-post-batch"' }],
    },
    {
      name: 'the default matcher does not see a post-batch task renamed by the settings',
      code: machine(triad({ post: { Resource: POST_BATCH_GETATT } })),
      settings: { batch: { postBatch: 'finish[-_]?job' } },
      errors: [{ messageId: 'wrongTarget', path: BATCH }],
    },
    {
      name: 'two Batch tasks without a Catch',
      code: machine({
        StartAt: 'Charge',
        States: {
          Charge: { Type: 'Task', Resource: BATCH_SYNC, Parameters: JOB, Next: 'Refund' },
          Refund: { Type: 'Task', Resource: BATCH_SYNC, Parameters: JOB, End: true },
        },
      }),
      errors: [
        { messageId: 'missingCatchNoPost', path: ['States', 'Charge'], message: '"Charge"' },
        { messageId: 'missingCatchNoPost', path: ['States', 'Refund'], message: '"Refund"' },
      ],
    },
    {
      name: 'YAML short tags, catcher to a Fail state',
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
            Next: copy-assets-post-batch
            Catch:
              - ErrorEquals: [States.ALL]
                ResultPath: $.error
                Next: failure
          copy-assets-post-batch:
            Type: Task
            Resource: !GetAtt post-batch.Arn
            End: true
          failure:
            Type: Fail`,
      errors: [{ messageId: 'wrongTarget', line: 7, column: 3 }],
    },
    {
      name: 'JSONata Batch task without a Catch',
      code: machine({
        QueryLanguage: 'JSONata',
        ...triad({ batch: { Arguments: { JobName: 'copy-assets', JobQueue: 'q', JobDefinition: 'd' }, Parameters: undefined, Catch: undefined } }),
      }),
      errors: [{ messageId: 'missingCatchJsonata', path: BATCH }],
    },
    {
      name: 'JSONata catcher without an Output',
      code: machine({
        QueryLanguage: 'JSONata',
        ...triad({
          batch: {
            Arguments: { JobName: 'copy-assets', JobQueue: 'q', JobDefinition: 'd' },
            Parameters: undefined,
            Catch: [{ ErrorEquals: ['States.ALL'], Next: 'copy-assets-post-batch' }],
          },
        }),
      }),
      errors: [{ messageId: 'wrongOutput', path: BATCH }],
    },
    {
      name: 'JSONata state in a JSONPath machine, catcher Output without "error"',
      code: machine(
        triad({
          batch: {
            QueryLanguage: 'JSONata',
            Arguments: { JobName: 'copy-assets', JobQueue: 'q', JobDefinition: 'd' },
            Parameters: undefined,
            Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput %}', Next: 'copy-assets-post-batch' }],
          },
        }),
      ),
      errors: [{ messageId: 'wrongOutput', path: BATCH }],
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
          '          "StartAt": "copy-assets-pre-batch",',
          '          "States": {',
          '            "copy-assets-pre-batch": {',
          '              "Type": "Task",',
          '              "Resource": "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${ResourcePrefix}-pre-batch",',
          '              "Next": "copy-assets-batch"',
          '            },',
          '              "copy-assets-batch": {',
          '              "Type": "Task",',
          '              "Resource": "arn:${AWS::Partition}:states:::batch:submitJob.sync",',
          '              "Parameters": { "JobQueue": "${JobQueue}", "JobDefinition": "${JobDefinition}" },',
          '              "Next": "copy-assets-post-batch"',
          '            },',
          '            "copy-assets-post-batch": {',
          '              "Type": "Task",',
          '              "Resource": "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${ResourcePrefix}-post-batch",',
          '              "End": true',
          '            }',
          '          }',
          '        }',
          '',
        ].join('\n'),
      ),
      errors: [{ messageId: 'missingCatch', line: 15, column: 15, message: 'post-batch task "copy-assets-post-batch"' }],
    },
  ],
});
