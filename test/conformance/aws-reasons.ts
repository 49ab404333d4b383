/** Known differences that recur across corpora, each with the AWS behaviour that decides it. */
import type { KnownDifference } from './run-corpus';

/** A Task `Resource` that is no ARN (`foo:bar`, `module:hello`, `InvalidArn`) or names a service Step Functions cannot call. */
export const RESOURCE_NOT_AN_ARN: KnownDifference = {
  wfLint: 'rejects',
  rules: ['asl/valid-resource'],
  reason:
    'A Task "Resource" must be a Lambda function ARN, an activity ARN or an "arn:<partition>:states:::<service>:<action>" ' +
    'integration (AWS Step Functions guide, "Task workflow state"); AWS rejects anything else with "SCHEMA_VALIDATION_FAILED: ' +
    'Value is not a valid resource ARN at /States/<state>/Resource" (quoted in aws/aws-sam-cli-app-templates#185). The peer ' +
    'does not check Resource values (ASLS removed its ARN pattern on purpose: aws/amazon-states-language-service#23).',
};
