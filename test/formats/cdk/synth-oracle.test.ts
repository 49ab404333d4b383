/**
 * The synthetic definition the reader builds is what CDK itself synthesises: each fixture's
 * stack is synthesised with the installed `aws-cdk-lib` and its `DefinitionString` compared
 * with the reader's tree. Tokens CDK resolves at deploy time (the partition, a function's ARN)
 * are unknown to both sides: CDK's become `<token>`, as do the reader's placeholders.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { Project, ts } from 'ts-morph';
import type { AstNode } from '../../../src/model/ast';
import { findCdkMachines } from '../../../src/formats/ts/cdk';
import { FIXTURES, fixCdk, fixture } from './cdk-harness';

/** Plain data for the reader's tree, each placeholder as `<token>`. */
function readerValue(node: AstNode): unknown {
  if (node.placeholder && node.kind === 'scalar') return '<token>';
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'array') return node.items.map(readerValue);
  return Object.fromEntries(node.properties.map((p) => [String(p.key.value), readerValue(p.value)]));
}

/** CDK's `DefinitionString` (a string, or `Fn::Join` around tokens) parsed, each token as `<token>`. */
function cdkValue(definitionString: unknown): unknown {
  const join = (definitionString as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  const text = join ? join[1].map((part) => (typeof part === 'string' ? part : '@@token@@')).join(join[0]) : String(definitionString);
  const tokenised = (value: unknown): unknown => {
    if (typeof value === 'string') {
      // The partition is the one token the reader writes as `aws`, as the docs' ARNs do.
      const arn = value.replace(/^arn:@@token@@:states:::/, 'arn:aws:states:::');
      return arn.includes('@@token@@') ? '<token>' : arn;
    }
    if (Array.isArray(value)) return value.map(tokenised);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tokenised(v)]));
    return value;
  };
  return tokenised(JSON.parse(text));
}

function readerDefinitions(name: string, text = fixture(name)): unknown[] {
  const file = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true }).createSourceFile(`/app/${name}`, text);
  return findCdkMachines(file, text).map((m) => readerValue(m.definition));
}

/** The exports of `text`, compiled and run as the module `name` of the fixtures folder. */
function load(name: string, text: string): Record<string, unknown> {
  const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
  const module = { exports: {} as Record<string, unknown> };
  const localRequire = createRequire(path.join(FIXTURES, name));
  new Function('require', 'module', 'exports', js)(localRequire, module, module.exports);
  return module.exports;
}

function cdkDefinitions(name: string, text = fixture(name)): unknown[] {
  // named-imports.ts uses the deprecated `definition` prop on purpose: no warning for it.
  process.env.JSII_DEPRECATED = 'quiet';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { App } = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
  const exported = load(name, text) as Record<string, new (scope: unknown, id: string) => unknown>;
  const app = new App();
  const [StackClass] = Object.values(exported);
  new StackClass(app, 'Test');
  const template = app.synth().getStackByName('Test').template as { Resources: Record<string, { Type: string; Properties: { DefinitionString: unknown } }> };
  return Object.values(template.Resources)
    .filter((r) => r.Type === 'AWS::StepFunctions::StateMachine')
    .map((r) => cdkValue(r.Properties.DefinitionString));
}

const READABLE = ['other-states.ts', 'compliant-group.ts', 'flat-triad.ts', 'naked-job.ts', 'request-response.ts', 'native-retry.ts', 'parallel-without-output-path.ts', 'split-chain.ts', 'named-imports.ts'];

test.each(READABLE)('%s: the reader builds the definition CDK synthesises', (name) => {
  const cdk = cdkDefinitions(name);
  expect(cdk).toHaveLength(1);
  expect(readerDefinitions(name)).toEqual(cdk);
}, 60_000);

const FIXABLE = ['flat-triad.ts', 'named-imports.ts', 'request-response.ts', 'native-retry.ts', 'parallel-without-output-path.ts'];

test.each(FIXABLE)('%s after --fix: CDK synthesises it, and the reader still agrees', (name) => {
  const output = fixCdk(fixture(name), name).output;
  expect(output).not.toBe(fixture(name));
  const cdk = cdkDefinitions(name, output);
  expect(cdk).toHaveLength(1);
  expect(readerDefinitions(name, output)).toEqual(cdk);
}, 60_000);
