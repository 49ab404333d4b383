/** The JSON adapter's renderer: each operation as a minimal edit at the file's own indentation. */
import { getAt, getProperty, type ArrayNode, type ObjectNode } from '../../src/model/ast';
import { applyOps, fixer as f, stateNamed, unavailable } from './fix-harness';

const DEFINITION = {
  StartAt: 'A',
  States: {
    A: { Type: 'Task', Resource: 'arn:aws:states:::batch:submitJob', Parameters: { JobName: 'x', Parameters: {} }, Retry: [{ ErrorEquals: ['States.TaskFailed'] }], Next: 'B' },
    B: { Type: 'Succeed' },
  },
};

/** The 2-space `text` re-indented with `unit` per level. */
function reindent(text: string, unit: string): string {
  return text.replace(/^((?: {2})+)/gm, (spaces: string) => unit.repeat(spaces.length / 2));
}

const PRETTY = [
  '{',
  '  "StartAt": "A",',
  '  "States": {',
  '    "A": {',
  '      "Type": "Task",',
  '      "Resource": "arn:aws:states:::batch:submitJob",',
  '      "Parameters": {',
  '        "JobName": "x",',
  '        "Parameters": {}',
  '      },',
  '      "Retry": [',
  '        {',
  '          "ErrorEquals": [',
  '            "States.TaskFailed"',
  '          ]',
  '        }',
  '      ],',
  '      "Next": "B"',
  '    },',
  '    "B": {',
  '      "Type": "Succeed"',
  '    }',
  '  }',
  '}',
  '',
];

/** `PRETTY` with `count` lines from line `at` (1-based) replaced by `replacement`. */
function pretty(at: number, count: number, ...replacement: string[]): string {
  const all = [...PRETTY];
  all.splice(at - 1, count, ...replacement);
  return all.join('\n');
}

describe.each([
  ['2 spaces', '  '],
  ['4 spaces', '    '],
  ['tabs', '\t'],
])('pretty JSON indented with %s', (_, unit) => {
  const text = `${JSON.stringify(DEFINITION, null, unit)}\n`;
  const expected = (at: number, count: number, ...replacement: string[]) => reindent(pretty(at, count, ...replacement), unit);

  test('the fixture is PRETTY re-indented', () => {
    expect(text).toBe(reindent(pretty(1, 0), unit));
  });

  test('set a string', () => {
    const out = applyOps(text, 'a.asl.json', (_, m) => f.set(stateNamed(m, 'A').field('Resource')!, 'arn:aws:states:::batch:submitJob.sync'));
    expect(out).toBe(expected(6, 1, '      "Resource": "arn:aws:states:::batch:submitJob.sync",'));
  });

  test('set an intrinsic: the long form on one line', () => {
    const out = applyOps(text, 'a.asl.json', (_, m) => f.set(stateNamed(m, 'A').field('Resource')!, { intrinsic: 'GetAtt', args: 'pre-batch.Arn' }));
    expect(out).toBe(expected(6, 1, '      "Resource": {"Fn::GetAtt": ["pre-batch", "Arn"]},'));
  });

  test('insert after a given property', () => {
    const out = applyOps(text, 'a.asl.json', (_, m) => f.insert(stateNamed(m, 'A').node, 'OutputPath', '$[0]', stateNamed(m, 'A').fieldProperty('Type')));
    expect(out).toBe(expected(6, 0, '      "OutputPath": "$[0]",'));
  });

  test('insert at the end, a nested value at the right depth', () => {
    const out = applyOps(text, 'a.asl.json', (_, m) => f.insert(stateNamed(m, 'A').node, 'Catch', [{ ErrorEquals: ['States.ALL'], Next: 'B' }]));
    expect(out).toBe(
      expected(18, 1, '      "Next": "B",', '      "Catch": [', '        {', '          "ErrorEquals": ["States.ALL"],', '          "Next": "B"', '        }', '      ]'),
    );
  });

  test('insert into an empty object', () => {
    const out = applyOps(text, 'a.asl.json', (_, m) => f.insert(getAt(stateNamed(m, 'A').field('Parameters'), ['Parameters']) as ObjectNode, 'url.$', '$.url'));
    expect(out).toBe(expected(9, 1, '        "Parameters": {', '          "url.$": "$.url"', '        }'));
  });

  test('insertItem: an object item after the last one', () => {
    const out = applyOps(text, 'a.asl.json', (_, m) => f.insertItem(stateNamed(m, 'A').field('Retry') as ArrayNode, { ErrorEquals: ['States.ALL'], MaxAttempts: 2 }));
    expect(out).toBe(expected(16, 1, '        },', '        {', '          "ErrorEquals": ["States.ALL"],', '          "MaxAttempts": 2', '        }'));
  });

  test('remove a middle property with its comma', () => {
    expect(applyOps(text, 'a.asl.json', (_, m) => f.remove(stateNamed(m, 'A').fieldProperty('Retry')!))).toBe(expected(11, 7));
  });

  test('remove the last property with the comma before it', () => {
    expect(applyOps(text, 'a.asl.json', (_, m) => f.remove(stateNamed(m, 'A').fieldProperty('Next')!))).toBe(expected(17, 2, '      ]'));
  });

  test('remove the only property', () => {
    expect(applyOps(text, 'a.asl.json', (_, m) => f.remove(stateNamed(m, 'B').fieldProperty('Type')!))).toBe(expected(20, 3, '    "B": {}'));
  });

  test('renameKey', () => {
    expect(applyOps(text, 'a.asl.json', (_, m) => f.renameKey(stateNamed(m, 'A').property, 'A-group'))).toBe(expected(4, 1, '    "A-group": {'));
  });
});

describe('objects written on one line', () => {
  const text = '{\n  "StartAt": "A",\n  "States": { "A": { "Type": "Pass", "End": true } }\n}\n';

  test('insert stays on the line, with the file\'s spacing', () => {
    const out = applyOps(text, 'a.asl.json', (_, m) => f.insert(stateNamed(m, 'A').node, 'Comment', 'x', stateNamed(m, 'A').fieldProperty('Type')));
    expect(out).toBe(text.replace('"Type": "Pass",', '"Type": "Pass", "Comment": "x",'));
  });

  test('a new object value is written on one line too', () => {
    const out = applyOps(text, 'a.asl.json', (_, m) => f.insert(m.root.statesNode!, 'B', { Type: 'Succeed' }));
    expect(out).toBe(text.replace('"End": true } }', '"End": true }, "B": { "Type": "Succeed" } }'));
  });

  test('remove the first entry with the comma after it', () => {
    const out = applyOps(text, 'a.asl.json', (_, m) => f.remove(stateNamed(m, 'A').fieldProperty('Type')!));
    expect(out).toBe(text.replace('"Type": "Pass", ', ''));
  });

  test('compact JSON (no spaces at all)', () => {
    const compact = '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}';
    const out = applyOps(compact, 'a.asl.json', (_, m) => f.insert(stateNamed(m, 'A').node, 'Retry', [{ ErrorEquals: ['States.ALL'] }]));
    expect(out).toBe('{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"Retry":[{"ErrorEquals":["States.ALL"]}]}}}');
  });
});

test('CRLF line breaks are kept', () => {
  const text = '{\r\n  "StartAt": "A",\r\n  "States": {\r\n    "A": {\r\n      "Type": "Pass",\r\n      "End": true\r\n    }\r\n  }\r\n}\r\n';
  const out = applyOps(text, 'a.asl.json', (_, m) => f.insert(stateNamed(m, 'A').node, 'Parameters', { a: 1 }, stateNamed(m, 'A').fieldProperty('Type')));
  expect(out).toBe(text.replace('"Type": "Pass",', '"Type": "Pass",\r\n      "Parameters": {\r\n        "a": 1\r\n      },'));
});

test('a key already there is not inserted twice', () => {
  const text = `${JSON.stringify(DEFINITION, null, 2)}\n`;
  expect(unavailable(text, 'a.asl.json', (_, m) => f.insert(stateNamed(m, 'A').node, 'Next', 'C'))).toBe(true);
  expect(unavailable(text, 'a.asl.json', (_, m) => f.renameKey(getProperty(stateNamed(m, 'A').node, 'Next')!, 'Type'))).toBe(true);
});
