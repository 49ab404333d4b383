import rule from '../../../rules/batch/unwrap-lambda-payload';
import { RuleTester, file, machine, yaml } from '../../harness';

type Fields = Record<string, unknown>;

const INVOKE = 'arn:aws:states:::lambda:invoke';
const PRE_ARN = { 'Fn::GetAtt': ['pre-batch', 'Arn'] };
const POST_ARN = { 'Fn::GetAtt': ['post-batch', 'Arn'] };

/** A `lambda:invoke` Task calling `functionName`, unwrapped with `OutputPath: $.Payload` unless `fields` say otherwise. */
const invoke = (functionName: unknown, fields: Fields = {}) => ({
  Resource: INVOKE,
  Parameters: { FunctionName: functionName, 'Payload.$': '$' },
  OutputPath: '$.Payload',
  ...fields,
});

/** The canonical triad (DESIGN §1); `pre` and `post` override fields of the Lambda states. */
const triad = (pre: Fields = {}, post: Fields = {}) => ({
  StartAt: 'copy-assets-pre-batch',
  States: {
    'copy-assets-pre-batch': { Type: 'Task', Resource: PRE_ARN, Next: 'copy-assets-batch', ...pre },
    'copy-assets-batch': {
      Type: 'Task',
      Resource: 'arn:aws:states:::batch:submitJob.sync',
      Parameters: { JobName: 'copy-assets', JobQueue: 'q', JobDefinition: 'd', Parameters: { 'url.$': '$.url', 'url_out.$': '$.url_out' } },
      Next: 'copy-assets-post-batch',
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'copy-assets-post-batch' }],
    },
    'copy-assets-post-batch': { Type: 'Task', Resource: POST_ARN, End: true, ...post },
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
    { name: 'the canonical batch group calls the Lambdas directly', code: machine(group(triad())) },
    { name: 'both Lambdas through lambda:invoke with OutputPath', code: machine(triad(invoke(PRE_ARN), invoke(POST_ARN))) },
    { name: 'OutputPath in bracket notation', code: machine(triad(invoke(PRE_ARN, { OutputPath: "$['Payload']" }))) },
    { name: 'OutputPath below a ResultPath', code: machine(triad(invoke(PRE_ARN, { ResultPath: '$.pre', OutputPath: '$.pre.Payload' }))) },
    {
      name: 'a ResultSelector reading from Payload',
      code: machine(triad(invoke(PRE_ARN, { OutputPath: undefined, ResultSelector: { 'url.$': '$.Payload.url', 'url_out.$': '$.Payload.url_out' } }))),
    },
    { name: 'FunctionName as a FilmDrop function_arn placeholder', code: machine(triad(invoke('${tasks.pre-batch.lambda.function_arn}'))) },
    {
      name: 'FunctionName as a templated ARN in Fn::Sub',
      code: machine(triad({}, invoke({ 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${ResourcePrefix}-post-batch' }))),
    },
    { name: 'inside a Map ItemProcessor', code: machine(inMap(triad(invoke(PRE_ARN), invoke(POST_ARN)))) },
    { name: 'a lambda:invoke of another function is not judged', code: machine({ StartAt: 'Charge', States: { Charge: { Type: 'Task', ...invoke('charge', NO_UNWRAP), End: true } } }) },
    {
      name: 'a direct Lambda ARN returns the result unwrapped',
      code: machine(triad({ Resource: 'arn:aws:lambda:us-east-1:123456789012:function:cirrus-pre-batch' })),
    },
    {
      name: 'a custom preBatch matcher leaves the default name alone',
      code: machine(triad(invoke(PRE_ARN, NO_UNWRAP))),
      settings: { batch: { preBatch: 'prepare[-_]?job' } },
    },
    {
      name: 'JSONata Output reading Payload',
      code: machine({
        QueryLanguage: 'JSONata',
        ...triad(invokeJsonata(PRE_ARN, { Output: '{% $states.result.Payload %}' }), invokeJsonata(POST_ARN, { Output: '{% $states.result.Payload %}' })),
      }),
    },
    {
      name: 'a JSONata machine calling the Lambdas directly',
      code: machine({ QueryLanguage: 'JSONata', ...triad() }),
    },
  ],
  invalid: [
    {
      name: 'pre-batch through lambda:invoke without OutputPath',
      code: machine(triad(invoke(PRE_ARN, NO_UNWRAP))),
      errors: [{ messageId: 'missingUnwrap', path: PRE, message: 'on pre-batch task "copy-assets-pre-batch".' }],
    },
    {
      name: 'post-batch through lambda:invoke without OutputPath',
      code: machine(triad({}, invoke(POST_ARN, NO_UNWRAP))),
      errors: [{ messageId: 'missingUnwrap', path: POST, message: 'on post-batch task "copy-assets-post-batch".' }],
    },
    {
      name: 'both Lambdas through lambda:invoke without OutputPath',
      code: machine(triad(invoke(PRE_ARN, NO_UNWRAP), invoke(POST_ARN, NO_UNWRAP))),
      errors: [
        { messageId: 'missingUnwrap', path: PRE },
        { messageId: 'missingUnwrap', path: POST },
      ],
    },
    {
      name: 'OutputPath selecting inside Payload',
      code: machine(triad(invoke(PRE_ARN, { OutputPath: '$.Payload.url' }))),
      errors: [{ messageId: 'missingUnwrap', path: PRE }],
    },
    {
      name: 'OutputPath set to the default "$"',
      code: machine(triad(invoke(PRE_ARN, { OutputPath: '$' }))),
      errors: [{ messageId: 'missingUnwrap', path: PRE }],
    },
    {
      name: 'OutputPath "$.Payload" while the result sits at a ResultPath',
      code: machine(triad(invoke(PRE_ARN, { ResultPath: '$.pre' }))),
      errors: [{ messageId: 'missingUnwrap', path: PRE }],
    },
    {
      name: 'ResultPath null discards the result',
      code: machine(triad(invoke(PRE_ARN, { ResultPath: null }))),
      errors: [{ messageId: 'missingUnwrap', path: PRE }],
    },
    {
      name: 'a ResultSelector reading Payload, placed at a ResultPath',
      code: machine(triad(invoke(PRE_ARN, { OutputPath: undefined, ResultPath: '$.pre', ResultSelector: { 'url.$': '$.Payload.url' } }))),
      errors: [{ messageId: 'missingUnwrap', path: PRE }],
    },
    {
      name: 'a ResultSelector that keeps the wrapper',
      code: machine(triad(invoke(PRE_ARN, { OutputPath: undefined, ResultSelector: { 'status.$': '$.StatusCode' } }))),
      errors: [{ messageId: 'missingUnwrap', path: PRE }],
    },
    {
      name: 'inside the batch group',
      code: machine(group(triad(invoke(PRE_ARN, NO_UNWRAP)))),
      errors: [{ messageId: 'missingUnwrap', path: ['States', 'copy-assets-group', 'Branches', 0, 'States', 'copy-assets-pre-batch'] }],
    },
    {
      name: 'inside a Map ItemProcessor without OutputPath',
      code: machine(inMap(triad({}, invoke(POST_ARN, NO_UNWRAP)))),
      errors: [{ messageId: 'missingUnwrap', path: ['States', 'Items', 'ItemProcessor', 'States', 'copy-assets-post-batch'] }],
    },
    {
      name: 'inside a legacy Map Iterator',
      code: machine(inMap(triad({}, invoke(POST_ARN, NO_UNWRAP)), 'Iterator')),
      errors: [{ messageId: 'missingUnwrap', path: ['States', 'Items', 'Iterator', 'States', 'copy-assets-post-batch'] }],
    },
    {
      name: 'FunctionName as a FilmDrop function_arn placeholder, without OutputPath',
      code: machine(triad(invoke('${tasks.pre-batch.lambda.function_arn}', NO_UNWRAP))),
      errors: [{ messageId: 'missingUnwrap', path: PRE }],
    },
    {
      name: 'FunctionName as a templated ARN in Fn::Sub, without OutputPath',
      code: machine(
        triad({}, invoke({ 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${ResourcePrefix}-post-batch' }, NO_UNWRAP)),
      ),
      errors: [{ messageId: 'missingUnwrap', path: POST }],
    },
    {
      name: 'lambda:invoke with a Terraform partition',
      code: machine(triad(invoke('${pre_batch_function_arn}', { Resource: 'arn:${partition}:states:::lambda:invoke', OutputPath: undefined }))),
      errors: [{ messageId: 'missingUnwrap', path: PRE }],
    },
    {
      name: 'a custom preBatch matcher',
      code: machine(triad(invoke({ 'Fn::GetAtt': ['prepare-job', 'Arn'] }, NO_UNWRAP))),
      settings: { batch: { preBatch: 'prepare[-_]?job' } },
      errors: [{ messageId: 'missingUnwrap', path: PRE }],
    },
    {
      name: 'a JSONPath state inside a JSONata machine',
      code: machine({ QueryLanguage: 'JSONata', ...triad(invoke(PRE_ARN, { QueryLanguage: 'JSONPath', OutputPath: undefined })) }),
      errors: [{ messageId: 'missingUnwrap', path: PRE }],
    },
    {
      name: 'JSONata pre-batch through lambda:invoke without Output',
      code: machine({ QueryLanguage: 'JSONata', ...triad(invokeJsonata(PRE_ARN)) }),
      errors: [{ messageId: 'missingUnwrapJsonata', path: PRE, message: 'Missing "Output": "{% $states.result.Payload %}" on pre-batch task' }],
    },
    {
      name: 'JSONata post-batch whose Output keeps the wrapper',
      code: machine({ QueryLanguage: 'JSONata', ...triad({}, invokeJsonata(POST_ARN, { Output: '{% $states.result %}' })) }),
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

