import rule from '../../../rules/asl/valid-resource';
import { judgeResource } from '../../../src/asl/resource';
import { RuleTester, file, json, machine, yaml } from '../../harness';

/** A machine whose only state is the Task `T` with `resource`. */
const task = (resource: unknown, top: Record<string, unknown> = {}) => ({ ...top, StartAt: 'T', States: { T: { Type: 'Task', Resource: resource, End: true } } });

describe('judgeResource', () => {
  test.each([
    'arn:aws:lambda:us-east-1:123456789012:function:charge',
    'arn:aws:lambda:us-east-1:123456789012:function:charge:$LATEST',
    'arn:aws:lambda:us-east-1:123456789012:function:charge:prod',
    'arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:charge:7',
    'arn:aws:states:us-east-1:123456789012:activity:approve',
    'arn:aws:states:::lambda:invoke',
    'arn:aws:states:::lambda:invoke.waitForTaskToken',
    'arn:aws-cn:states:::batch:submitJob.sync',
    'arn:aws-iso-b:states:::states:startExecution.sync:2',
    'arn:aws:states:::aws-sdk:s3:listObjectsV2',
    'arn:aws:states:::aws-sdk:sfn:startExecution.waitForTaskToken',
    'arn:aws:states:::http:invoke',
    'arn:${AWS::Partition}:states:::batch:submitJob.sync',
    'arn:${partition}:lambda:${region}:${account_id}:function:charge',
    'arn:<PARTITION>:states:::elasticmapreduce:createCluster.sync',
  ])('accepts %s', (resource) => expect(judgeResource(resource)).toEqual({ kind: 'valid' }));

  test.each(['${FunctionArn}', 'arn:aws:lambda:us-east-1:123:function:${name}', '#{ChargeFunction}', '${self:custom.chargeArn}', 'arn:aws:states:::${service}:invoke', '$variableName', '{{ charge_lambda_arn }}', 'arn:<PARTITION>:lambda:<REGION>:<ACCOUNT>:function:<NAME>'])(
    'leaves %s unknown',
    (resource) => expect(judgeResource(resource)).toEqual({ kind: 'unknown' }),
  );

  test.each([
    'InvalidArn',
    'arn:aws:lambda:us-east-1:123456789012:function:charge:',
    'arn:aws:lambda:us-east-1:123456789012:function:charge:$*#$7485',
    'arn:aws:swf:us-east-1:123456789012:task:X',
    'arn:aws:states:::lambda',
    'arn:aws:states:::batch:submitJob.synch',
    'arn:amazon:states:::lambda:invoke',
    'arn:aws:states:::lambda:invoke:extra',
  ])('rejects %s', (resource) => expect(judgeResource(resource)).toEqual({ kind: 'invalid' }));

  test('an AWS SDK integration with .sync', () => expect(judgeResource('arn:aws:states:::aws-sdk:batch:submitJob.sync')).toEqual({ kind: 'sdk-sync', suffix: '.sync' }));
});

new RuleTester().run('asl/valid-resource', rule, {
  valid: [
    { name: 'a Lambda ARN', code: machine(task('arn:aws:lambda:us-east-1:123456789012:function:charge')) },
    { name: 'a service integration', code: machine(task('arn:aws:states:::dynamodb:putItem')) },
    { name: 'a JSONata expression in a JSONata state is not judged', code: machine(task('{% $states.input.arn %}', { QueryLanguage: 'JSONata' })) },
    {
      name: 'CloudFormation intrinsics',
      code: yaml`
        StartAt: A
        States:
          A: { Type: Task, Resource: !GetAtt Charge.Arn, Next: B }
          B: { Type: Task, Resource: !Sub "arn:\${AWS::Partition}:states:::lambda:invoke", Next: C }
          C: { Type: Task, Resource: { "Fn::Join": [":", [arn, aws, lambda]] }, End: true }`,
    },
    {
      name: 'a DefinitionString placeholder',
      code: file(
        'template.yaml',
        [
          'Resources:',
          '  Machine:',
          '    Type: AWS::StepFunctions::StateMachine',
          '    Properties:',
          '      DefinitionString: !Sub |',
          '        { "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "${ChargeArn}", "End": true } } }',
          '',
        ].join('\n'),
      ),
    },
  ],
  invalid: [
    {
      name: 'not an ARN, at the value',
      code: yaml`
        StartAt: A
        States:
          A: { Type: Task, Resource: InvalidArn, End: true }`,
      errors: [
        {
          messageId: 'invalidResource',
          line: 3,
          column: 30,
          message: 'Invalid "Resource" "InvalidArn". Expected a Lambda function ARN, an activity ARN, or a service integration "arn:<partition>:states:::<service>:<action>".',
        },
      ],
    },
    {
      name: 'a bad Lambda qualifier and a number',
      code: json`
        {
          "StartAt": "A",
          "States": {
            "A": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:charge:", "Next": "B" },
            "B": { "Type": "Task", "Resource": 42, "End": true }
          }
        }`,
      errors: [
        { messageId: 'invalidResource', line: 4, column: 40, message: '"arn:aws:lambda:us-east-1:123456789012:function:charge:"' },
        { messageId: 'invalidResource', line: 5, column: 40, message: 'Invalid "Resource" 42.' },
      ],
    },
    {
      name: '.sync on an AWS SDK integration, inside !Sub',
      code: yaml`
        StartAt: A
        States:
          A:
            Type: Task
            Resource: !Sub arn:\${AWS::Partition}:states:::aws-sdk:glue:startJobRun.sync
            End: true`,
      errors: [
        {
          messageId: 'sdkSync',
          line: 5,
          column: 15,
          message: 'Unexpected ".sync" in AWS SDK integration "arn:${AWS::Partition}:states:::aws-sdk:glue:startJobRun.sync". AWS SDK integrations support only request-response and ".waitForTaskToken".',
        },
      ],
    },
    {
      name: 'a DefinitionSubstitutions value is filled in',
      code: file(
        'template.yaml',
        [
          'Resources:',
          '  Machine:',
          '    Type: AWS::StepFunctions::StateMachine',
          '    Properties:',
          '      DefinitionSubstitutions:',
          '        Target: arn:aws:states:::lambda',
          '      Definition:',
          '        StartAt: A',
          '        States:',
          '          A: { Type: Task, Resource: "${Target}", End: true }',
          '',
        ].join('\n'),
      ),
      errors: [{ messageId: 'invalidResource', line: 10, column: 38, message: '"arn:aws:states:::lambda"' }],
    },
  ],
});
