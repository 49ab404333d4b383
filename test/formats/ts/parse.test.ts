/**
 * The TypeScript adapter's reading: which object literals are definitions, how they are named,
 * what each expression becomes in the neutral tree (literal, resolved `const`, or placeholder)
 * and where its range points, syntax errors, and directive comments.
 */
import { getAt, getProperty, toValue, type AstNode, type ObjectNode } from '../../../src/model/ast';
import { parseTs } from '../../../src/formats/ts/parse';
import { parseSource, syntaxOf } from '../../../src/sources/parse-source';

const slice = (text: string, node: { range: readonly [number, number] }) => text.slice(node.range[0], node.range[1]);

function definitions(text: string, file = 'machine.ts') {
  const parsed = parseTs(text, file);
  expect(parsed.error).toBeUndefined();
  return parsed.definitions;
}

function only(text: string): ObjectNode {
  const found = definitions(text);
  expect(found).toHaveLength(1);
  return found[0].definition;
}

function at(node: AstNode, ...path: (string | number)[]): AstNode {
  const found = getAt(node, path);
  if (!found) throw new Error(`nothing at ${path.join('.')}`);
  return found;
}

const MINIMAL = "{ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }";

describe('finding definitions', () => {
  test.each([
    ['a variable', `const flow = ${MINIMAL};`, 'flow'],
    ['an exported constant with `as const`', `export const flow = ${MINIMAL} as const;`, 'flow'],
    ['`satisfies`', `export const flow = ${MINIMAL} satisfies object;`, 'flow'],
    ['a type annotation', `const flow: Record<string, unknown> = ${MINIMAL};`, 'flow'],
    ['parentheses and a type assertion', `let flow = (<object>(${MINIMAL}));`, 'flow'],
    ['a property of an object', `const machines = { publish: ${MINIMAL} };`, 'publish'],
    ['a class property', `class S { flow = ${MINIMAL}; }`, 'flow'],
    ['`export default`', `export default ${MINIMAL};`, 'default'],
    ['`JSON.stringify` into `DefinitionBody.fromString`', `new sfn.StateMachine(this, 'Publish', { definitionBody: sfn.DefinitionBody.fromString(JSON.stringify(${MINIMAL})) });`, 'Publish'],
    ['`CfnStateMachine` `definition`', `new CfnStateMachine(this, 'Cfn', { roleArn: 'r', definition: ${MINIMAL} });`, 'Cfn'],
    ['a variable passed to a construct', `const d = ${MINIMAL};\nnew CfnStateMachine(this, 'FromVar', { definitionString: JSON.stringify(d, null, 2) });`, 'FromVar'],
    ['a construct without a literal id', `const m = new CfnStateMachine(this, id, { definition: ${MINIMAL} });`, 'm'],
    ['a function argument', `register(${MINIMAL});`, undefined],
  ])('%s', (_shape, text, name) => {
    const [found, ...rest] = definitions(text);
    expect(rest).toEqual([]);
    expect(found.name).toBe(name);
    expect(toValue(found.definition)).toEqual({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } });
  });

  test('a Parallel branch belongs to its machine; an object without both keys is no definition', () => {
    const text = `const partial = { StartAt: 'A' };\nconst flow = { StartAt: 'P', States: { P: { Type: 'Parallel', Branches: [${MINIMAL}], End: true } } };`;
    expect(definitions(text).map((d) => d.name)).toEqual(['flow']);
  });

  test('several machines in one file, in the order written, with quoted keys too', () => {
    const text = `const a = ${MINIMAL};\nconst b = { "StartAt": "B", "States": { "B": { "Type": "Succeed" } } };`;
    expect(definitions(text).map((d) => [d.name, toValue(d.definition)])).toEqual([
      ['a', { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }],
      ['b', { StartAt: 'B', States: { B: { Type: 'Succeed' } } }],
    ]);
  });

  test('JavaScript flavours parse too; a file with a TypeScript extension is syntax "ts"', () => {
    for (const file of ['m.js', 'm.mjs', 'm.cjs', 'm.tsx', 'm.mts', 'm.cts']) {
      expect(syntaxOf(file, '')).toBe('ts');
      expect(definitions(`module.exports = ${MINIMAL};`, file)).toHaveLength(1);
    }
    expect(definitions(`const view = <div/>;\nexport const flow = ${MINIMAL};`, 'm.tsx')).toHaveLength(1);
  });
});

describe('values', () => {
  test('literals of every kind, and keys as identifiers, strings, numbers and computed literals', () => {
    const text = [
      'const flow = {',
      "  StartAt: 'A',",
      '  States: {',
      '    A: {',
      "      'quoted': \"double\",",
      '      template: `no substitution`,',
      '      42: -1.5,',
      "      ['computed']: [true, false, null, 0x10],",
      '      nested: { empty: {}, list: [] },',
      '    },',
      '  },',
      '};',
    ].join('\n');
    const a = at(only(text), 'States', 'A');
    expect(toValue(a)).toEqual({ quoted: 'double', template: 'no substitution', '42': -1.5, computed: [true, false, null, 16], nested: { empty: {}, list: [] } });
    const quoted = getProperty(a, 'quoted')!;
    expect([slice(text, quoted.key), quoted.key.style, slice(text, quoted.value), (quoted.value as { style?: string }).style]).toEqual(["'quoted'", 'single', '"double"', 'double']);
    expect(slice(text, getProperty(a, 'computed')!.key)).toBe("['computed']");
    expect(slice(text, at(a, 'computed', 3))).toBe('0x10');
  });

  test('a state key is ranged at the key as written, so diagnostics point there', () => {
    const text = "const flow = {\n  StartAt: 'copy-batch',\n  States: {\n    'copy-batch': { Type: 'Task' },\n  },\n};";
    const states = at(only(text), 'States') as ObjectNode;
    expect(slice(text, states.properties[0].key)).toBe("'copy-batch'");
    expect(slice(text, states.properties[0])).toBe("'copy-batch': { Type: 'Task' }");
  });

  test('a `const` scalar is resolved and ranged at its use; a `const` object keeps its declaration ranges', () => {
    const text = [
      "const QUEUE = 'queue-arn' as const;",
      'const retry = [{ ErrorEquals: [\'States.ALL\'], MaxAttempts: 2 }];',
      "const Comment = 'shorthand';",
      'const flow = {',
      '  Comment,',
      "  StartAt: 'A',",
      "  States: { A: { Type: 'Task', Parameters: { JobQueue: QUEUE }, Retry: retry, End: true } },",
      '};',
    ].join('\n');
    const flow = only(text);
    const queue = at(flow, 'States', 'A', 'Parameters', 'JobQueue');
    expect([toValue(queue), slice(text, queue), queue.placeholder]).toEqual(['queue-arn', 'QUEUE', undefined]);
    const comment = getProperty(flow, 'Comment')!;
    expect([comment.value.kind, toValue(comment.value), slice(text, comment.key), slice(text, comment.value)]).toEqual(['scalar', 'shorthand', 'Comment', 'Comment']);
    const retry = at(flow, 'States', 'A', 'Retry');
    expect(toValue(retry)).toEqual([{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }]);
    expect(slice(text, at(retry, 0, 'MaxAttempts'))).toBe('2');
    expect(retry.range[0]).toBe(text.indexOf('[{'));
    expect(slice(text, getProperty(at(flow, 'States', 'A'), 'Retry')!)).toBe('Retry: retry');
  });

  test('spreads of `const` literals are inlined; other spreads mark the object unknown', () => {
    const text = [
      "const common = { Type: 'Task', End: true };",
      "const flow = { StartAt: 'A', States: { A: { ...common, Resource: 'r' }, B: { ...other(), Type: 'Pass' } }, Extra: [...['x'], ...more] };",
    ].join('\n');
    const flow = only(text);
    expect(toValue(at(flow, 'States', 'A'))).toEqual({ Type: 'Task', End: true, Resource: 'r' });
    expect(at(flow, 'States', 'A').placeholder).toBeUndefined();
    expect(at(flow, 'States', 'B').placeholder).toBe(true);
    expect(toValue(at(flow, 'States', 'B'))).toEqual({ Type: 'Pass' });
    expect(toValue(at(flow, 'Extra'))).toEqual(['x', '...more']);
    expect(at(flow, 'Extra', 1).placeholder).toBe(true);
  });

  test.each([
    ['an environment variable', 'process.env.QUEUE_ARN', 'process.env.QUEUE_ARN'],
    ['a call', 'queue.queueArn()', 'queue.queueArn()'],
    ['a property of a construct', 'preBatch.functionArn', 'preBatch.functionArn'],
    ['a template with substitutions (its content)', '`arn:${partition}:states:::batch:submitJob`', 'arn:${partition}:states:::batch:submitJob'],
    ['an identifier not declared as a const', 'queueArn', 'queueArn'],
    ['a `let` variable', 'mutable', 'mutable'],
    ['an arrow function', '() => 1', '() => 1'],
    ['a condition', "ok ? 'a' : 'b'", "ok ? 'a' : 'b'"],
    ['undefined', 'undefined', 'undefined'],
  ])('%s is an unknown value: a placeholder holding its source text', (_what, expression, value) => {
    const text = `let mutable = 'x';\nconst flow = { StartAt: 'A', States: { A: { Type: 'Task', Resource: ${expression}, End: true } } };`;
    const resource = at(only(text), 'States', 'A', 'Resource');
    expect([resource.kind, toValue(resource), resource.placeholder, slice(text, resource)]).toEqual(['scalar', value, true, expression]);
  });

  test('a `const` declared in a function is resolved; a name declared twice in the file is not', () => {
    const text = [
      'class S {',
      '  constructor(queue: string) {',
      "    const JOB = 'job-name';",
      "    const QUEUE = 'local';",
      "    new CfnStateMachine(this, 'M', { definition: { StartAt: 'A', States: { A: { Type: 'Task', Parameters: { JobName: JOB, JobQueue: QUEUE, Other: queue }, End: true } } } });",
      '  }',
      '}',
      "function other(QUEUE: string) { return QUEUE; }",
    ].join('\n');
    const parameters = at(only(text), 'States', 'A', 'Parameters');
    expect(toValue(parameters)).toEqual({ JobName: 'job-name', JobQueue: 'QUEUE', Other: 'queue' });
    expect([at(parameters, 'JobName').placeholder, at(parameters, 'JobQueue').placeholder, at(parameters, 'Other').placeholder]).toEqual([undefined, true, true]);
  });

  test('a `const` cycle or a self reference is unknown, not a hang', () => {
    const text = "const a = b;\nconst b = a;\nconst flow = { StartAt: 'A', States: { A: { Type: 'Task', Resource: a, End: true } } };";
    expect(at(only(text), 'States', 'A', 'Resource').placeholder).toBe(true);
  });
});

describe('syntax errors', () => {
  test.each([
    ['an unclosed object', "const flow = { StartAt: 'A',\n  States: {}\n", "'}' expected.", 3, 1],
    ['a missing comma', "const flow = {\n  StartAt: 'A'\n  States: {} };", "',' expected.", 3, 3],
    ['an unterminated string (reported at the end of its line)', "const flow = { StartAt: 'A };", 'Unterminated string literal.', 1, 30],
  ])('%s is one fatal error where the compiler reports it', (_what, text, message, line, column) => {
    const source = parseSource(text, '/app/flow.ts');
    expect(source.machines).toEqual([]);
    expect(source.errors).toHaveLength(1);
    expect(source.errors[0].message).toBe(message);
    expect(source.lines.locate(source.errors[0].offset)).toEqual({ line, column });
  });

  test('type errors are not syntax errors: the file is linted', () => {
    expect(parseSource(`const flow: number = ${MINIMAL};`, '/app/flow.ts').machines).toHaveLength(1);
  });
});

describe('directive comments', () => {
  test('line and block comments of every kind, with ids and a reason', () => {
    const text = [
      '// wf-lint-disable-next-line batch/require-sync, batch/require-pre-batch -- legacy job', // 1
      `const a = ${MINIMAL}; // wf-lint-disable-line asl/a`, // 2
      '/* wf-lint-disable batch/require-sync */', // 3
      '/* wf-lint-enable */', // 4
      '/**', // 5
      ' * wf-lint-disable', // 6 (not at the start of the comment: not a directive)
      ' */', // 7
    ].join('\n');
    const parsed = parseTs(text, 'flow.ts');
    expect(parsed.directives.map(({ offset, ...rest }) => {
      expect(text.slice(offset, offset + 2)).toMatch(/^\/[/*]$/);
      return rest;
    })).toEqual([
      { kind: 'disable-next-line', line: 1, ruleIds: ['batch/require-sync', 'batch/require-pre-batch'] },
      { kind: 'disable-line', line: 2, ruleIds: ['asl/a'] },
      { kind: 'disable', line: 3, ruleIds: ['batch/require-sync'] },
      { kind: 'enable', line: 4, ruleIds: [] },
    ]);
  });

  test('a directive inside a string or template literal is data', () => {
    const text = `const a = { StartAt: 'A', Comment: '// wf-lint-disable', Other: \`/* wf-lint-disable */\`, States: {} };`;
    expect(parseTs(text, 'flow.ts').directives).toEqual([]);
  });

  test('a disable-next-line comment suppresses the batch rule on the state below it', () => {
    const { Linter } = require('../../../src/engine/linter') as typeof import('../../../src/engine/linter');
    const { rules } = require('../../../rules') as typeof import('../../../rules');
    const text = [
      'export const flow = {',
      "  StartAt: 'job-batch',",
      '  States: {',
      '    // wf-lint-disable-next-line batch/require-sync',
      "    'job-batch': { Type: 'Task', Resource: 'arn:aws:states:::batch:submitJob', End: true },",
      '  },',
      '};',
    ].join('\n');
    const config = { rules: new Map([['batch/require-sync', { severity: 2 as const, options: [] }], ['batch/require-pre-batch', { severity: 2 as const, options: [] }]]), settings: {} };
    const result = new Linter(rules).lintText(text, '/app/flow.ts', config, { explicit: true })!;
    expect(result.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['batch/require-pre-batch', 5, 5]]);
    expect(result.suppressedMessages?.map((m) => [m.ruleId, m.line, m.column])).toEqual([['batch/require-sync', 5, 5]]);
  });
});

test('nesting deep enough to exhaust the compiler\'s stack is one fatal error, not a crash', () => {
  const depth = 20_000;
  const text = `export const flow = { StartAt: 'A', States: { A: { Type: 'Pass', Result: ${'['.repeat(depth)}${']'.repeat(depth)}, End: true } } };`;
  const source = parseSource(text, '/app/deep.ts');
  expect(source.machines).toEqual([]);
  expect(source.errors).toEqual([{ message: 'The file nests too deeply to parse.', offset: 0 }]);
});
