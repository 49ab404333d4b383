/**
 * Parsing a Task's `Resource`. AWS accepts three kinds
 * (https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html):
 * - a Lambda function ARN `arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]`;
 * - an activity ARN `arn:<partition>:states:<region>:<account>:activity:<name>`;
 * - a service integration `arn:<partition>:states:::<service>:<action>[.sync|.sync:2|.waitForTaskToken]`,
 *   including AWS SDK integrations `arn:<partition>:states:::aws-sdk:<service>:<action>`, which
 *   support request-response and `.waitForTaskToken` but not `.sync`
 *   (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html).
 * Text filled in at deploy time (`${AWS::Partition}`, `${partition}`, `#{Region}`,
 * `${self:custom.arn}`, `<PARTITION>`, a whole `$lambdaArn`) is unknown: a placeholder standing for a whole partition, region or
 * account segment is replaced by a valid value and the rest is checked; a placeholder anywhere
 * else makes the whole Resource unknown, never an error.
 */

export type ResourceVerdict =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'valid' }
  | { readonly kind: 'invalid' }
  /** An AWS SDK integration with `.sync`, which AWS does not support. */
  | { readonly kind: 'sdk-sync'; readonly suffix: string };

// `${X}` (CloudFormation, Terraform, serverless), `#{X}` (serverless pseudo-parameters),
// `{{X}}` (Jinja, Mustache) and the `<PARTITION>` of AWS's own samples.
const PLACEHOLDER = /\$\{[^}]*\}|#\{[^}]*\}|\{\{[^}]*\}\}|<[A-Za-z0-9_.:-]+>/g;
// A whole Resource written as a tool's variable (`$lambdaArn`), as the AWS Toolkit substitutes.
const VARIABLE = /^\$[A-Za-z_][\w.-]*$/;
const MARK = '\u0000';
const PARTITION = /^aws(?:-[a-z]+)*$/;
const REGION = /^[A-Za-z0-9-]*$/;
const ACCOUNT = /^[^:\s]*$/;
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,140}$/;
const QUALIFIER = /^(?:\$LATEST|[A-Za-z0-9_-]{1,128})$/;
const ACTIVITY_NAME = /^[^:\s]{1,80}$/;
const SERVICE = /^[a-z0-9][a-z0-9.-]*$/;
const ACTION = /^[A-Za-z][A-Za-z0-9]*(?:\.(?:sync(?::2)?|waitForTaskToken))?$/;
// What each placeholder-only segment stands for when it is checked.
const STAND_INS: Readonly<Record<number, string>> = { 1: 'aws', 3: 'us-east-1', 4: '123456789012' };

/** Judges a Resource string as AWS would, treating deploy-time text as unknown. */
export function judgeResource(resource: string): ResourceVerdict {
  if (VARIABLE.test(resource)) return { kind: 'unknown' };
  const marked = resource.replace(PLACEHOLDER, MARK);
  const segments = marked.split(':');
  for (let i = 0; i < segments.length; i++) {
    if (!segments[i].includes(MARK)) continue;
    if (segments[i] !== MARK || !(i in STAND_INS)) return { kind: 'unknown' };
    segments[i] = STAND_INS[i];
  }
  return judgeLiteral(segments);
}

function judgeLiteral(segments: string[]): ResourceVerdict {
  const [arn, partition, service, region, account, ...rest] = segments;
  if (arn !== 'arn' || partition === undefined || !PARTITION.test(partition) || region === undefined || account === undefined) return { kind: 'invalid' };
  if (!REGION.test(region) || !ACCOUNT.test(account)) return { kind: 'invalid' };
  if (service === 'lambda') return judgeLambda(rest);
  if (service !== 'states') return { kind: 'invalid' };
  if (rest[0] === 'activity') return rest.length === 2 && ACTIVITY_NAME.test(rest[1]) ? { kind: 'valid' } : { kind: 'invalid' };
  return judgeIntegration(rest);
}

function judgeLambda(rest: string[]): ResourceVerdict {
  const [kind, name, qualifier, ...extra] = rest;
  if (kind !== 'function' || name === undefined || !FUNCTION_NAME.test(name) || extra.length > 0) return { kind: 'invalid' };
  return qualifier === undefined || QUALIFIER.test(qualifier) ? { kind: 'valid' } : { kind: 'invalid' };
}

/** `<service>:<action>[suffix]` or `aws-sdk:<service>:<action>[suffix]`; `.sync:2` splits into two segments. */
function judgeIntegration(rest: string[]): ResourceVerdict {
  const parts = rest[rest.length - 1] === '2' && rest[rest.length - 2]?.endsWith('.sync') ? [...rest.slice(0, -2), `${rest[rest.length - 2]}:2`] : rest;
  const sdk = parts[0] === 'aws-sdk';
  const [service, action, ...extra] = sdk ? parts.slice(1) : parts;
  if (service === undefined || action === undefined || extra.length > 0 || !SERVICE.test(service) || !ACTION.test(action)) return { kind: 'invalid' };
  const suffix = /\.sync(?::2)?$/.exec(action)?.[0];
  if (sdk && suffix) return { kind: 'sdk-sync', suffix };
  return { kind: 'valid' };
}
