/**
 * `wf-lint lambdas build`: self-contained ESM bundles of the reference Lambdas, a zip of each,
 * a least-privilege IAM policy per function and a SAM template snippet that deploys both.
 *
 * Bundles include the AWS SDK so they load with no node_modules (and do not depend on the
 * SDK version a Lambda runtime happens to ship).
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import YAML from 'yaml';

export const FUNCTIONS = ['pre-batch', 'post-batch'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export interface PolicyValues {
  partition: string;
  region: string;
  account: string;
  bucket: string;
  prefix: string;
  logGroups: string[];
}

export interface BuildOptions {
  outDir: string;
  /** Values for the standalone policy files; placeholders are written where none is given. */
  bucket?: string;
  prefix?: string;
  logGroups?: string[];
  partition?: string;
}

export interface BuiltFunction {
  name: FunctionName;
  bundle: string;
  zip: string;
  policy: string;
}

export interface BuildResult {
  functions: BuiltFunction[];
  template: string;
}

// CommonJS dependencies inside an ESM bundle call `require` for Node built-ins; ESM has none.
const REQUIRE_SHIM = "import { createRequire as __wfLintCreateRequire } from 'node:module';\nconst require = __wfLintCreateRequire(import.meta.url);";

/** A fixed zip timestamp, so the same sources give byte-identical zips (cacheable deployments). */
const ZIP_MTIME = new Date('2020-01-01T00:00:00Z');

type Statement = { Sid: string; Effect: 'Allow'; Action: string[]; Resource: string[] };

/** The least a function needs: its payload-bucket keys and, for post-batch, reading Batch job logs. */
export function policyStatements(fn: FunctionName, v: PolicyValues): Statement[] {
  const obj = (suffix: string) => `arn:${v.partition}:s3:::${v.bucket}/${v.prefix}/${suffix}`;
  if (fn === 'pre-batch') {
    return [
      // `{url}` events point at payloads anywhere under the prefix.
      { Sid: 'ReadPayloads', Effect: 'Allow', Action: ['s3:GetObject'], Resource: [obj('*')] },
      { Sid: 'WriteBatchPayloads', Effect: 'Allow', Action: ['s3:PutObject'], Resource: [obj('tmp/batch/*')] },
    ];
  }
  return [
    { Sid: 'ReadBatchOutputs', Effect: 'Allow', Action: ['s3:GetObject'], Resource: [obj('tmp/batch/*')] },
    { Sid: 'WriteOversizedPayloads', Effect: 'Allow', Action: ['s3:PutObject'], Resource: [obj('tmp/oversized/*')] },
    {
      Sid: 'ReadBatchJobLogs',
      Effect: 'Allow',
      Action: ['logs:GetLogEvents'],
      Resource: v.logGroups.map((g) => `arn:${v.partition}:logs:${v.region}:${v.account}:log-group:${g}:log-stream:*`),
    },
  ];
}

export function policyDocument(fn: FunctionName, v: PolicyValues) {
  return { Version: '2012-10-17', Statement: policyStatements(fn, v) };
}

/** SAM snippet: both functions, their environment and inline least-privilege policies. */
export function templateSnippet(): string {
  // Placeholders resolved by CloudFormation through Fn::Sub.
  const cfn: PolicyValues = {
    partition: '${AWS::Partition}',
    region: '${AWS::Region}',
    account: '${AWS::AccountId}',
    bucket: '${PayloadBucket}',
    prefix: '${PayloadRootPrefix}',
    logGroups: ['${BatchLogGroup}'],
  };
  const fn = (name: FunctionName, env: Record<string, unknown>) => ({
    Type: 'AWS::Serverless::Function',
    Properties: {
      CodeUri: `${name}.zip`,
      Handler: 'index.handler',
      Runtime: 'nodejs20.x',
      Architectures: ['arm64'],
      MemorySize: 256,
      Timeout: 60,
      Environment: { Variables: env },
      Policies: [
        {
          Version: '2012-10-17',
          Statement: policyStatements(name, cfn).map((s) => ({ ...s, Resource: s.Resource.map((r) => ({ 'Fn::Sub': r })) })),
        },
      ],
    },
  });
  const common = { CIRRUS_PAYLOAD_BUCKET: { Ref: 'PayloadBucket' }, CIRRUS_PAYLOAD_ROOT_PREFIX: { Ref: 'PayloadRootPrefix' } };
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Description: 'wf-lint reference pre-batch and post-batch Lambdas for the Cirrus Batch contract',
    Parameters: {
      PayloadBucket: { Type: 'String', Description: 'Bucket holding Cirrus payloads (CIRRUS_PAYLOAD_BUCKET)' },
      PayloadRootPrefix: { Type: 'String', Default: 'cirrus', Description: 'Key prefix of payloads (CIRRUS_PAYLOAD_ROOT_PREFIX)' },
      BatchLogGroup: { Type: 'String', Default: '/aws/batch/job', Description: 'Log group of the Batch jobs (CIRRUS_BATCH_LOG_GROUP)' },
    },
    Resources: {
      PreBatchFunction: fn('pre-batch', common),
      PostBatchFunction: fn('post-batch', { ...common, CIRRUS_BATCH_LOG_GROUP: { Ref: 'BatchLogGroup' } }),
    },
    Outputs: {
      PreBatchFunctionArn: { Value: { 'Fn::GetAtt': ['PreBatchFunction', 'Arn'] } },
      PostBatchFunctionArn: { Value: { 'Fn::GetAtt': ['PostBatchFunction', 'Arn'] } },
    },
  };
  return `# Generated by \`wf-lint lambdas build\`. Deploy with: sam deploy --template-file template.yaml --guided\n${YAML.stringify(template)}`;
}

/** Bundles one handler module to a single ESM file exporting `handler`. */
export async function bundle(fn: FunctionName): Promise<Uint8Array> {
  // __dirname is src/lambdas under ts-jest and dist/src/lambdas when installed; esbuild
  // resolves the extension (.ts or .js) itself.
  const result = await build({
    stdin: { contents: `export { handler } from ${JSON.stringify(`./${fn}`)};`, resolveDir: __dirname, loader: 'ts' },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    minify: true,
    legalComments: 'none',
    banner: { js: REQUIRE_SHIM },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.contents;
}

export async function buildLambdas(opts: BuildOptions): Promise<BuildResult> {
  const values: PolicyValues = {
    partition: opts.partition ?? 'aws',
    region: '*',
    account: '*',
    bucket: opts.bucket ?? 'CIRRUS_PAYLOAD_BUCKET',
    prefix: (opts.prefix ?? 'cirrus').replace(/\/+$/, ''),
    logGroups: opts.logGroups?.length ? opts.logGroups : ['/aws/batch/job'],
  };
  const functions: BuiltFunction[] = [];
  for (const name of FUNCTIONS) {
    const dir = path.join(opts.outDir, name);
    fs.mkdirSync(dir, { recursive: true });
    const code = await bundle(name);
    const files = { bundle: path.join(dir, 'index.mjs'), zip: path.join(opts.outDir, `${name}.zip`), policy: path.join(dir, 'policy.json') };
    fs.writeFileSync(files.bundle, code);
    fs.writeFileSync(files.zip, zipSync({ 'index.mjs': [code, { mtime: ZIP_MTIME, level: 9 }] }));
    fs.writeFileSync(files.policy, `${JSON.stringify(policyDocument(name, values), null, 2)}\n`);
    functions.push({ name, ...files });
  }
  const template = path.join(opts.outDir, 'template.yaml');
  fs.writeFileSync(template, templateSnippet());
  return { functions, template };
}
