/**
 * The TypeScript renderer: each fix operation as a minimal edit of an object literal, in the
 * file's quote, comma and key style, leaving comments and everything else alone; and the cases
 * it refuses (an intrinsic, a computed value, an object assembled from spreads, a shared const).
 */
import { getAt, getProperty, type ArrayNode, type ObjectNode } from '../../../src/model/ast';
import { applyOps, fixer as f, stateNamed, unavailable } from '../../fix/fix-harness';

/** Lines joined with `\n`, plus a final one. */
const lines = (...text: string[]) => `${text.join('\n')}\n`;

const SINGLE = lines(
  'export const flow = {', // 1
  "  StartAt: 'A',", // 2
  '  States: {', // 3
  '    // the job', // 4
  "    A: {", // 5
  "      Type: 'Task',", // 6
  "      Resource: 'arn:aws:states:::batch:submitJob',", // 7
  "      Parameters: { JobName: 'x' },", // 8
  "      Retry: [{ ErrorEquals: ['States.TaskFailed'] }],", // 9
  "      Next: 'B',", // 10
  '    },', // 11
  "    B: { Type: 'Succeed' },", // 12
  '  },', // 13
  '} as const;', // 14
);

/** `SINGLE` with `count` lines from line `at` (1-based) replaced by `replacement`. */
function single(at: number, count: number, ...replacement: string[]): string {
  const all = SINGLE.split('\n');
  all.splice(at - 1, count, ...replacement);
  return all.join('\n');
}

type Machine = Parameters<Parameters<typeof applyOps>[2]>[1];
const state = (machine: Machine) => stateNamed(machine, 'A');

describe('single quotes, identifier keys, trailing commas', () => {
  test('set a scalar keeps the quote style', () => {
    const out = applyOps(SINGLE, 'flow.ts', (_, m) => f.set(state(m).field('Resource')!, 'arn:aws:states:::batch:submitJob.sync'));
    expect(out).toBe(single(7, 1, "      Resource: 'arn:aws:states:::batch:submitJob.sync',"));
  });

  test('set an object renders it over lines with trailing commas at the line\'s indentation', () => {
    const out = applyOps(SINGLE, 'flow.ts', (_, m) => f.set(state(m).field('Parameters')!, { JobName: 'x', 'url.$': '$.url', Timeout: 3 }));
    expect(out).toBe(single(8, 1, '      Parameters: {', "        JobName: 'x',", "        'url.$': '$.url',", '        Timeout: 3,', '      },'));
  });

  test('insert after the last property keeps its trailing comma', () => {
    const out = applyOps(SINGLE, 'flow.ts', (_, m) => f.insert(state(m).node, 'OutputPath', "it's $.Payload"));
    expect(out).toBe(single(10, 1, "      Next: 'B',", "      OutputPath: 'it\\'s $.Payload',"));
  });

  test('insert before the first property, and an inline insert', () => {
    const first = applyOps(SINGLE, 'flow.ts', (_, m) => f.insertBefore(state(m).node, 'Comment', 'c', state(m).node.properties[0]));
    expect(first).toBe(single(6, 0, "      Comment: 'c',"));
    const inline = applyOps(SINGLE, 'flow.ts', (_, m) => f.insert(state(m).field('Parameters') as ObjectNode, 'JobQueue', 'q'));
    expect(inline).toBe(single(8, 1, "      Parameters: { JobName: 'x', JobQueue: 'q' },"));
  });

  test('remove a property with its comma; the last one takes the comma before it', () => {
    expect(applyOps(SINGLE, 'flow.ts', (_, m) => f.remove(state(m).fieldProperty('Resource')!))).toBe(single(7, 1));
    const last = applyOps(SINGLE, 'flow.ts', (_, m) => f.remove(state(m).fieldProperty('Next')!));
    expect(last).toBe(single(9, 2, "      Retry: [{ ErrorEquals: ['States.TaskFailed'] }],"));
  });

  test('insert and remove array items', () => {
    const errors = (m: Machine) => getAt(state(m).field('Retry'), [0, 'ErrorEquals']) as ArrayNode;
    expect(applyOps(SINGLE, 'flow.ts', (_, m) => f.insertItem(errors(m), 'States.Timeout'))).toBe(
      single(9, 1, "      Retry: [{ ErrorEquals: ['States.TaskFailed', 'States.Timeout'] }],"),
    );
    const two = single(9, 1, "      Retry: [{ ErrorEquals: ['States.TaskFailed', 'States.Timeout'] }],");
    expect(applyOps(two, 'flow.ts', (_, m) => f.removeItem(errors(m), errors(m).items[0]))).toBe(single(9, 1, "      Retry: [{ ErrorEquals: ['States.Timeout'] }],"));
  });

  test('rename a key: an identifier when it is one, else quoted', () => {
    expect(applyOps(SINGLE, 'flow.ts', (_, m) => [f.renameKey(stateNamed(m, 'B').property, 'done-state'), f.set(state(m).field('Next')!, 'done-state')])).toBe(
      single(10, 3, "      Next: 'done-state',", '    },', "    'done-state': { Type: 'Succeed' },"),
    );
  });

  test('a comment after the property inserted after stays on its line', () => {
    const commented = single(10, 1, "      Next: 'B', // the end");
    const out = applyOps(commented, 'flow.ts', (_, m) => f.insert(state(m).node, 'OutputPath', '$.Payload'));
    expect(out).toBe(single(10, 1, "      Next: 'B', // the end", "      OutputPath: '$.Payload',"));
    const typed = single(6, 1, "      Type: 'Task', /* kind */");
    const middle = applyOps(typed, 'flow.ts', (_, m) => f.insert(state(m).node, 'Comment', 'c', state(m).fieldProperty('Type')));
    expect(middle).toBe(single(6, 1, "      Type: 'Task', /* kind */", "      Comment: 'c',"));
  });

  test('the comment above a state stays where it is', () => {
    const out = applyOps(SINGLE, 'flow.ts', (_, m) => f.insert(state(m).node, 'End', true, state(m).fieldProperty('Type')));
    expect(out).toBe(single(6, 1, "      Type: 'Task',", '      End: true,'));
    expect(out).toContain('    // the job\n    A: {');
  });
});

describe('double quotes, quoted keys, no trailing commas (JSON pasted into code)', () => {
  const text = lines(
    'const flow = {',
    '  "StartAt": "A",',
    '  "States": {',
    '    "A": {',
    '      "Type": "Task",',
    '      "Resource": "arn:aws:states:::batch:submitJob",',
    '      "End": true',
    '    }',
    '  }',
    '};',
  );

  test('new keys are quoted and objects end without a comma', () => {
    const out = applyOps(text, 'flow.ts', (_, m) => f.insert(stateNamed(m, 'A').node, 'Retry', [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }]));
    expect(out).toBe(
      text.replace(
        '      "End": true\n',
        ['      "End": true,', '      "Retry": [', '        {', '          "ErrorEquals": ["States.ALL"],', '          "MaxAttempts": 2', '        }', '      ]', ''].join('\n'),
      ),
    );
  });
});

describe('refused: the problem is still reported, without a fix', () => {
  const text = lines(
    "const QUEUE = 'q';",
    "const shared = { JobName: 'x' };",
    "const base = { Type: 'Task' };",
    'const flow = {',
    "  StartAt: 'A',",
    '  States: {',
    "    A: { ...base, Resource: process.env.JOB_ARN, Parameters: shared, Next: 'B' },",
    "    B: { Type: 'Pass', Parameters: shared, End: true },",
    '  },',
    '};',
  );

  test('an intrinsic has no TypeScript form', () => {
    expect(unavailable(text, 'flow.ts', (_, m) => f.set(stateNamed(m, 'B').field('Type')!, { intrinsic: 'GetAtt', args: 'pre-batch.Arn' }))).toBe(true);
  });

  test('a computed value is not overwritten', () => {
    expect(unavailable(text, 'flow.ts', (_, m) => f.set(stateNamed(m, 'A').field('Resource')!, 'arn'))).toBe(true);
  });

  test('an object assembled with a spread is not edited by position', () => {
    expect(unavailable(text, 'flow.ts', (_, m) => f.insert(stateNamed(m, 'A').node, 'End', true))).toBe(true);
    expect(unavailable(text, 'flow.ts', (_, m) => f.remove(stateNamed(m, 'A').fieldProperty('Next')!))).toBe(true);
  });

  test('a const object used twice is not edited through one use', () => {
    expect(unavailable(text, 'flow.ts', (_, m) => f.insert(stateNamed(m, 'B').field('Parameters') as ObjectNode, 'JobQueue', 'q'))).toBe(true);
  });

  test('a plain state of the same file is still edited', () => {
    const out = applyOps(text, 'flow.ts', (_, m) => f.insert(stateNamed(m, 'B').node, 'Comment', 'c', getProperty(stateNamed(m, 'B').node, 'Type')));
    expect(out).toBe(text.replace("B: { Type: 'Pass', ", "B: { Type: 'Pass', Comment: 'c', "));
  });
});

test('a template string with substitutions is edited as a template', () => {
  const text = "const flow = { StartAt: 'A', States: { A: { Type: 'Task', Resource: `arn:${p}:states:::batch:submitJob`, End: true } } };\n";
  const out = applyOps(text, 'flow.ts', (_, m) => f.set(stateNamed(m, 'A').field('Resource')!, 'arn:${p}:states:::batch:submitJob.sync'));
  expect(out).toBe(text.replace('submitJob`', 'submitJob.sync`'));
});

describe('wrap: a moved state holding a template literal over several lines', () => {
  // Re-indenting the moved state would change the literal's text.
  const text = lines(
    'const flow = {',
    "  StartAt: 'A',",
    '  States: {',
    '    A: {',
    "      Type: 'Pass',",
    '      Comment: `two',
    'lines`,',
    "      Next: 'B',",
    '    },',
    "    B: { Type: 'Succeed' },",
    '  },',
    '};',
  );
  const wrap = (edits: (m: Machine) => ReturnType<typeof f.renameKey>[]) => (_: unknown, m: Machine) => {
    const a = stateNamed(m, 'A');
    return f.wrap(a.property, 'G', { startAt: 'A', members: [{ move: a.property, edits: edits(m) }], fields: { Next: 'B' } });
  };

  test('is refused when the literal follows the last edit', () => {
    expect(unavailable(text, 'flow.ts', wrap(() => []))).toBe(true);
  });

  test('is refused when an edit of the state follows the literal', () => {
    const renameNext = (m: Machine) => [f.renameKey(stateNamed(m, 'A').fieldProperty('Next')!, 'End'), f.set(stateNamed(m, 'A').field('Next')!, true)];
    expect(unavailable(text, 'flow.ts', wrap(renameNext))).toBe(true);
  });

  test('a template literal on one line moves', () => {
    const oneLine = text.replace('`two\nlines`', '`one line`');
    const out = applyOps(oneLine, 'flow.ts', wrap(() => []));
    expect(out).toContain("Comment: `one line`,");
    expect(out).toContain("G: {\n      Type: 'Parallel',");
  });
});
