import rule from '../../../rules/batch/unwrap-lambda-payload';
import { RuleTester, file, machine, yaml } from '../../harness';
import { POST_BATCH_GETATT, PRE_BATCH_GETATT, group, inMap, jobRequest, triad, type Fields } from '../../harness/batch-machines';

const INVOKE = 'arn:aws:states:::lambda:invoke';

/** A `lambda:invoke` Task calling `functionName`, unwrapped with `OutputPath: $.Payload` unless `fields` say otherwise. */
const invoke = (functionName: unknown, fields: Fields = {}) => ({
  Resource: INVOKE,
  Parameters: { FunctionName: functionName, 'Payload.$': '$' },
  OutputPath: '$.Payload',
  ...fields,
});

/** The canonical triad with job queue "q" and definition "d"; `pre` and `post` override fields of the Lambda states. */
const triadWith = (pre: Fields = {}, post: Fields = {}) =>
  triad({ pre, batch: { Parameters: jobRequest({ JobQueue: 'q', JobDefinition: 'd' }) }, post });

/** A JSONata `lambda:invoke` Task calling `functionName`, with extra `fields`. */
const invokeJsonata = (functionName: unknown, fields: Fields = {}) => ({
  Resource: INVOKE,
  Arguments: { FunctionName: functionName, Payload: '{% $states.input %}' },
  ...fields,
});

const PRE = ['States', 'copy-assets-pre-batch'];
const POST = ['States', 'copy-assets-post-batch'];
const NO_UNWRAP = { OutputPath: undefined };

new RuleTester().run('batch/unwrap-lambda-payload', rule, {
  valid: [
    { name: 'the canonical batch group calls the Lambdas directly', code: machine(group(triadWith())) },
    { name: 'both Lambdas through lambda:invoke with OutputPath', code: machine(triadWith(invoke(PRE_BATCH_GETATT), invoke(POST_BATCH_GETATT))) },
    { name: 'OutputPath in bracket notation', code: machine(triadWith(invoke(PRE_BATCH_GETATT, { OutputPath: "$['Payload']" }))) },
    { name: 'OutputPath below a ResultPath', code: machine(triadWith(invoke(PRE_BATCH_GETATT, { ResultPath: '$.pre', OutputPath: '$.pre.Payload' }))) },
    {
      name: 'a ResultSelector reading from Payload',
      code: machine(triadWith(invoke(PRE_BATCH_GETATT, { OutputPath: undefined, ResultSelector: { 'url.$': '$.Payload.url', 'url_out.$': '$.Payload.url_out' } }))),
    },
    { name: 'FunctionName as a FilmDrop function_arn placeholder', code: machine(triadWith(invoke('${tasks.pre-batch.lambda.function_arn}'))) },
    {
      name: 'FunctionName as a templated ARN in Fn::Sub',
      code: machine(triadWith({}, invoke({ 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${ResourcePrefix}-post-batch' }))),
    },
    { name: 'inside a Map ItemProcessor', code: machine(inMap(triadWith(invoke(PRE_BATCH_GETATT), invoke(POST_BATCH_GETATT)))) },
    { name: 'a lambda:invoke of another function is not judged', code: machine({ StartAt: 'Charge', States: { Charge: { Type: 'Task', ...invoke('charge', NO_UNWRAP), End: true } } }) },
    {
      name: 'a direct Lambda ARN returns the result unwrapped',
      code: machine(triadWith({ Resource: 'arn:aws:lambda:us-east-1:123456789012:function:cirrus-pre-batch' })),
    },
    {
      name: 'a custom preBatch matcher leaves the default name alone',
      code: machine(triadWith(invoke(PRE_BATCH_GETATT, NO_UNWRAP))),
      settings: { batch: { preBatch: 'prepare[-_]?job' } },
    },
    {
      name: 'JSONata Output reading Payload',
      code: machine({
        QueryLanguage: 'JSONata',
        ...triadWith(invokeJsonata(PRE_BATCH_GETATT, { Output: '{% $states.result.Payload %}' }), invokeJsonata(POST_BATCH_GETATT, { Output: '{% $states.result.Payload %}' })),
      }),
    },
    {
      name: 'a JSONata machine calling the Lambdas directly',
      code: machine({ QueryLanguage: 'JSONata', ...triadWith() }),
    },
  ],
  invalid: [
    {
      name: 'pre-batch through lambda:invoke without OutputPath',
      code: machine(triadWith(invoke(PRE_BATCH_GETATT, NO_UNWRAP))),
      errors: [{ messageId: 'missingUnwrap', path: PRE, message: 'on pre-batch task "copy-assets-pre-batch".' }],
    },
    {
      name: 'post-batch through lambda:invoke without OutputPath',
      code: machine(triadWith({}, invoke(POST_BATCH_GETATT, NO_UNWRAP))),
      errors: [{ messageId: 'missingUnwrap', path: POST, message: 'on post-batch task "copy-assets-post-batch".' }],
    },
    {
      name: 'both Lambdas through lambda:invoke without OutputPath',
      code: machine(triadWith(invoke(PRE_BATCH_GETATT, NO_UNWRAP), invoke(POST_BATCH_GETATT, NO_UNWRAP))),
      errors: [
        { messageId: 'missingUnwrap', path: PRE },
        { messageId: 'missingUnwrap', path: POST },
      ],
    },
    {
      name: 'OutputPath selecting inside Payload',
      code: machine(triadWith(invoke(PRE_BATCH_GETATT, { OutputPath: '$.Payload.url' }))),
      errors: [{ messageId: 'missingUnwrap', path: PRE }],
    },
    {
      name: 'OutputPath set to the default "$"',
      code: machine(triadWith(invoke(PRE_BATCH_GETATT, { OutputPath: '$' }))),
      errors: [{ messageId: 'missingUnwrap', path: PRE }],
    },
    {
      name: 'OutputPath "$.Payload" while the result sits at a ResultPath',
      code: machine(triadWith(invoke(PRE_BATCH_GETATT, { ResultPath: '$.pre' }))),
      errors: [{ messageId: 'missingUnwrap', path: PRE }],
    },
    {
      name: 'ResultPath null discards the result',
      code: machine(triadWith(invoke(PRE_BATCH_GETATT, { ResultPath: null }))),
      errors: [{ messageId: 'missingUnwrap', path: PRE }],
    },
    {
      name: 'a ResultSelector reading Payload, placed at a ResultPath',
      code: machine(triadWith(invoke(PRE_BATCH_GETATT, { OutputPath: undefined, ResultPath: '$.pre', ResultSelector: { 'url.$': '$.Payload.url' } }))),
      errors: [{ messageId: 'missingUnwrap', path: PRE }],
    },
    {
      name: 'a ResultSelector that keeps the wrapper',
      code: machine(triadWith(invoke(PRE_BATCH_GETATT, { OutputPath: undefined, ResultSelector: { 'status.$': '$.StatusCode' } }))),
      errors: [{ messageId: 'missingUnwrap', path: PRE }],
    },
    {
      name: 'inside the batch group',
      code: machine(group(triadWith(invoke(PRE_BATCH_GETATT, NO_UNWRAP)))),
      errors: [{ messageId: 'missingUnwrap', path: ['States', 'copy-assets-group', 'Branches', 0, 'States', 'copy-assets-pre-batch'] }],
    },
    {
      name: 'inside a Map ItemProcessor without OutputPath',
      code: machine(inMap(triadWith({}, invoke(POST_BATCH_GETATT, NO_UNWRAP)))),
      errors: [{ messageId: 'missingUnwrap', path: ['States', 'Items', 'ItemProcessor', 'States', 'copy-assets-post-batch'] }],
    },
    {
      name: 'inside a legacy Map Iterator',
      code: machine(inMap(triadWith({}, invoke(POST_BATCH_GETATT, NO_UNWRAP)), 'Iterator')),
      errors: [{ messageId: 'missingUnwrap', path: ['States', 'Items', 'Iterator', 'States', 'copy-assets-post-batch'] }],
    },
    {
      name: 'FunctionName as a FilmDrop function_arn placeholder, without OutputPath',
      code: machine(triadWith(invoke('${tasks.pre-batch.lambda.function_arn}', NO_UNWRAP))),
      errors: [{ messageId: 'missingUnwrap', path: PRE }],
    },
    {
      name: 'FunctionName as a templated ARN in Fn::Sub, without OutputPath',
      code: machine(
        triadWith({}, invoke({ 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${ResourcePrefix}-post-batch' }, NO_UNWRAP)),
      ),
      errors: [{ messageId: 'missingUnwrap', path: POST }],
    },
    {
      name: 'lambda:invoke with a Terraform partition',
      code: machine(triadWith(invoke('${pre_batch_function_arn}', { Resource: 'arn:${partition}:states:::lambda:invoke', OutputPath: undefined }))),
      errors: [{ messageId: 'missingUnwrap', path: PRE }],
    },
    {
      name: 'a custom preBatch matcher',
      code: machine(triadWith(invoke({ 'Fn::GetAtt': ['prepare-job', 'Arn'] }, NO_UNWRAP))),
      settings: { batch: { preBatch: 'prepare[-_]?job' } },
      errors: [{ messageId: 'missingUnwrap', path: PRE }],
    },
    {
      name: 'a JSONPath state inside a JSONata machine',
      code: machine({ QueryLanguage: 'JSONata', ...triadWith(invoke(PRE_BATCH_GETATT, { QueryLanguage: 'JSONPath', OutputPath: undefined })) }),
      errors: [{ messageId: 'missingUnwrap', path: PRE }],
    },
    {
      name: 'JSONata pre-batch through lambda:invoke without Output',
      code: machine({ QueryLanguage: 'JSONata', ...triadWith(invokeJsonata(PRE_BATCH_GETATT)) }),
      errors: [{ messageId: 'missingUnwrapJsonata', path: PRE, message: 'Missing "Output": "{% $states.result.Payload %}" on pre-batch task' }],
    },
    {
      name: 'JSONata post-batch whose Output keeps the wrapper',
      code: machine({ QueryLanguage: 'JSONata', ...triadWith({}, invokeJsonata(POST_BATCH_GETATT, { Output: '{% $states.result %}' })) }),
      errors: [{ messageId: 'missingUnwrapJsonata', path: POST }],
    },
    {
      name: 'YAML with short tags',
      code: yaml`
        StartAt: copy-assets-pre-batch
        States:
          copy-assets-pre-batch:
            Type: Task
            Resource: !Sub arn:\${AWS::Partition}:states:::lambda:invoke
            Parameters:
              FunctionName: !GetAtt pre-batch.Arn
              Payload.$: $
            Next: copy-assets-batch
          copy-assets-batch:
            Type: Task
            Resource: arn:aws:states:::batch:submitJob.sync
            Parameters: { JobQueue: q, JobDefinition: d }
            End: true`,
      errors: [{ messageId: 'missingUnwrap', line: 3, column: 3 }],
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
          '              "Next": "copy-assets-post-batch"',
          '            },',
          '            "copy-assets-post-batch": {',
          '              "Type": "Task",',
          '              "Resource": "arn:${AWS::Partition}:states:::lambda:invoke",',
          '              "Parameters": { "FunctionName": "${PostBatchFunctionArn}", "Payload.$": "$" },',
          '              "End": true',
          '            }',
          '          }',
          '        }',
          '',
        ].join('\n'),
      ),
      errors: [{ messageId: 'missingUnwrap', line: 16, column: 13, message: 'post-batch task' }],
    },
  ],
});

