/**
 * TypeScript sources end to end, one fixture per shape (`test/fixtures/ts/<name>.ts`): the batch
 * rules report at the state's property key, `--fix` produces exactly `<name>.fixed.ts`, a second
 * fix run changes nothing, and the fixed file lints clean for the batch rules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { rules } from '../../../rules';
import { Linter } from '../../../src/engine/linter';
import type { LintMessage } from '../../../src/engine/types';
import { parseSource } from '../../../src/sources/parse-source';

const FIXTURES = path.resolve(__dirname, '../../fixtures/ts');
const BATCH = Object.keys(rules).filter((id) => id.startsWith('batch/'));
// The Lambdas a fix inserts are named explicitly: TypeScript has no CloudFormation intrinsic.
const config = {
  rules: new Map(BATCH.map((id) => [id, { severity: 2 as const, options: [] as unknown[] }])),
  settings: { batch: { fix: { preBatchResource: '${PreBatchFunctionArn}', postBatchResource: '${PostBatchFunctionArn}' } } },
};
const linter = new Linter(rules);

function read(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

function lint(text: string, name: string): LintMessage[] {
  return linter.lintText(text, path.join(FIXTURES, name), config, { explicit: true })?.messages ?? [];
}

function fix(text: string, name: string): { output: string; messages: LintMessage[]; warnings: string[] } {
  const warnings: string[] = [];
  const result = linter.lintAndFixText(text, path.join(FIXTURES, name), config, { explicit: true }, { onWarning: (w) => warnings.push(w) });
  return { output: result?.output ?? text, messages: result?.messages ?? [], warnings };
}

const located = (messages: readonly LintMessage[]) => messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`).sort();

interface Case {
  readonly name: string;
  /** What the file shows. */
  readonly shape: string;
  /** `line:column rule`, sorted. */
  readonly diagnostics: readonly string[];
  /** Machine names, in the order found. */
  readonly machines: readonly (string | undefined)[];
}

const CASES: readonly Case[] = [
  {
    name: 'exported-const',
    shape: 'an exported constant with `as const`, single quotes, trailing commas and a comment',
    machines: ['convertToCog'],
    diagnostics: [
      '7:5 batch/require-catch-to-post-batch',
      '7:5 batch/require-parallel-group',
      '7:5 batch/require-payload-urls',
      '7:5 batch/require-payload-urls',
      '7:5 batch/require-post-batch',
      '7:5 batch/require-pre-batch',
      '7:5 batch/require-sync',
    ],
  },
  {
    name: 'json-stringify',
    shape: '`JSON.stringify({...})` passed to `sfn.DefinitionBody.fromString` of a CDK `StateMachine`',
    machines: ['CopyAssets'],
    diagnostics: ['19:13 batch/require-parallel-group'],
  },
  {
    name: 'cfn-definition',
    shape: '`CfnStateMachine` with `definitionString: JSON.stringify(variable)` (type-annotated) and `definition: {...} satisfies`, JSON style',
    machines: ['CopyAssetsMachine', 'PublishMachine'],
    diagnostics: [
      '15:5 batch/require-catch-to-post-batch',
      '15:5 batch/require-parallel-group',
      '15:5 batch/require-payload-urls',
      '15:5 batch/require-sync',
      '46:11 batch/no-native-retry',
      '46:11 batch/require-catch-to-post-batch',
      '46:11 batch/require-parallel-group',
      '46:11 batch/require-post-batch',
      '46:11 batch/require-pre-batch',
      '9:5 batch/unwrap-lambda-payload',
    ],
  },
  {
    name: 'const-refs',
    shape: 'a parenthesised definition with a shorthand property, `const` references, `process.env` and template strings',
    machines: ['definition'],
    diagnostics: ['26:5 batch/require-parallel-group', '26:5 batch/require-sync'],
  },
];

describe.each(CASES)('$name: $shape', ({ name, diagnostics, machines }) => {
  const file = `${name}.ts`;
  const text = read(file);
  const expected = read(`${name}.fixed.ts`);

  test('finds the machines, named after their variable or construct id', () => {
    expect(parseSource(text, path.join(FIXTURES, file)).machines.map((m) => [m.name, m.host.kind, m.host.syntax])).toEqual(
      machines.map((m) => [m, 'typescript', 'ts']),
    );
  });

  test('reports at the state property keys', () => {
    expect(located(lint(text, file))).toEqual(diagnostics);
  });

  test('--fix writes the expected file, and a second run changes nothing', () => {
    const first = fix(text, file);
    expect(first.warnings).toEqual([]);
    expect(first.output).toBe(expected);
    expect(fix(first.output, file).output).toBe(first.output);
  });

  test('the fixed file lints clean for the batch rules', () => {
    expect(lint(expected, `${name}.fixed.ts`)).toEqual([]);
  });
});

describe('a TypeScript syntax error', () => {
  // Not a fixture file: the project's own type check compiles test/.
  const text = "export const broken = {\n  StartAt: 'a',\n  States: {\n    a: { Type: 'Pass', End: true }\n\n};\n";

  test('is one fatal message with the compiler\'s line and column', () => {
    expect(lint(text, 'broken.ts')).toEqual([{ ruleId: null, severity: 2, fatal: true, message: "Parsing error: ',' expected.", line: 6, column: 2 }]);
  });

  test('--fix leaves the text as it is', () => {
    const run = fix(text, 'broken.ts');
    expect(run.output).toBe(text);
    expect(run.messages).toHaveLength(1);
  });
});

test('pre- and post-batch Lambdas referred to by code (`preBatch.functionArn`) are recognised by name', () => {
  const text = [
    'export const flow = {', // 1
    "  StartAt: 'job-pre-batch',", // 2
    '  States: {', // 3
    "    'job-pre-batch': { Type: 'Task', Resource: preBatch.functionArn, Next: 'job-batch' },", // 4
    "    'job-batch': {", // 5
    "      Type: 'Task',",
    "      Resource: 'arn:aws:states:::batch:submitJob.sync',",
    "      Parameters: { Parameters: { 'url.$': '$.url', 'url_out.$': '$.url_out' } },",
    "      Next: 'job-post-batch',",
    "      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'job-post-batch' }],",
    '    },',
    "    'job-post-batch': { Type: 'Task', Resource: this.props.postBatchFunction.functionArn, End: true },",
    '  },',
    '};',
  ].join('\n');
  // Only the missing group: no "missing pre-batch" or "missing post-batch".
  expect(located(lint(text, 'refs.ts'))).toEqual(['5:5 batch/require-parallel-group']);
});
