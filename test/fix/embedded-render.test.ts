/**
 * JSON embedded in a CloudFormation `DefinitionString`: edits are rendered in the embedded
 * JSON's own layout, then written into the host string (indented in a `|` block, escaped in a
 * JSON string). Strings that cannot be edited safely make the fix unavailable.
 */
import { getAt, getProperty, type ObjectNode } from '../../src/model/ast';
import { parseSource } from '../../src/sources/parse-source';
import { applyOps, fixer as f, lines, stateNamed, unavailable } from './fix-harness';

const HEAD = ['Resources:', '  Machine:', '    Type: AWS::StepFunctions::StateMachine', '    Properties:'];

const BLOCK = lines(
  ...HEAD,
  '      DefinitionString: !Sub |',
  '        {',
  '          "StartAt": "Charge",',
  '          "States": {',
  '            "Charge": {',
  '              "Type": "Task",',
  '              "Resource": "arn:${AWS::Partition}:states:::batch:submitJob",',
  '              "Parameters": {},',
  '              "Next": "Done"',
  '            },',
  '            "Done": { "Type": "Succeed" }',
  '          }',
  '        }',
  '      RoleArn: !GetAtt Role.Arn  # after the block',
);

function blockWith(at: number, count: number, ...replacement: string[]): string {
  const all = BLOCK.split('\n');
  all.splice(at - 1, count, ...replacement);
  return all.join('\n');
}

/** The definition, decoded from the host, as JSON.parse reads it (placeholders stay text). */
function definitionOf(text: string, file: string): unknown {
  const source = parseSource(text, `/cases/${file}`);
  expect(source.errors).toEqual([]);
  return JSON.parse(source.embedded.get(source.machines[0])!.text);
}

describe('DefinitionString: !Sub | (block literal)', () => {
  test('set keeps the substitution and the line', () => {
    const out = applyOps(BLOCK, 'template.yaml', (_, m) => f.set(stateNamed(m, 'Charge').field('Resource')!, 'arn:${AWS::Partition}:states:::batch:submitJob.sync'));
    expect(out).toBe(blockWith(11, 1, '              "Resource": "arn:${AWS::Partition}:states:::batch:submitJob.sync",'));
  });

  test('insert a nested value: every new line takes the block indentation plus the JSON indentation', () => {
    const out = applyOps(BLOCK, 'template.yaml', (_, m) =>
      f.insert(stateNamed(m, 'Charge').node, 'Retry', [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }], stateNamed(m, 'Charge').fieldProperty('Next')),
    );
    expect(out).toBe(
      blockWith(
        13,
        1,
        '              "Next": "Done",',
        '              "Retry": [',
        '                {',
        '                  "ErrorEquals": ["States.ALL"],',
        '                  "MaxAttempts": 2',
        '                }',
        '              ]',
      ),
    );
    expect((definitionOf(out, 'template.yaml') as { States: { Charge: { Retry: unknown } } }).States.Charge.Retry).toEqual([{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }]);
  });

  test('insert into an empty object', () => {
    const out = applyOps(BLOCK, 'template.yaml', (_, m) => f.insert(stateNamed(m, 'Charge').field('Parameters') as ObjectNode, 'url.$', '$.url'));
    expect(out).toBe(blockWith(12, 1, '              "Parameters": {', '                "url.$": "$.url"', '              },'));
  });

  test('insert into an object written on one line', () => {
    const out = applyOps(BLOCK, 'template.yaml', (_, m) => f.insert(stateNamed(m, 'Done').node, 'Comment', 'end'));
    expect(out).toBe(blockWith(15, 1, '            "Done": { "Type": "Succeed", "Comment": "end" }'));
  });

  test('remove a property with its comma', () => {
    const out = applyOps(BLOCK, 'template.yaml', (_, m) => f.remove(stateNamed(m, 'Charge').fieldProperty('Parameters')!));
    expect(out).toBe(blockWith(12, 1));
  });

  test('an op on the host template, next to the embedded machine, is rendered as YAML', () => {
    const out = applyOps(BLOCK, 'template.yaml', (source) => f.insert(getAt(source.roots[0], ['Resources', 'Machine', 'Properties']) as ObjectNode, 'StateMachineName', 'charge'));
    expect(out).toBe(`${BLOCK}      StateMachineName: charge\n`);
  });
});

describe('CloudFormation JSON: "DefinitionString": {"Fn::Sub": "..."}', () => {
  const definition = { StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:${AWS::Partition}:states:::batch:submitJob', End: true } } };
  const host = (embedded: string) =>
    `${JSON.stringify({ Resources: { Machine: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: { 'Fn::Sub': embedded } } } } }, null, 2)}\n`;

  test('one-line JSON: the new text is escaped', () => {
    const text = host(JSON.stringify(definition));
    const out = applyOps(text, 'template.json', (_, m) => f.insert(stateNamed(m, 'A').node, 'Comment', 'say "hi"', stateNamed(m, 'A').fieldProperty('Type')));
    expect(out).toBe(text.replace('\\"Type\\":\\"Task\\",', '\\"Type\\":\\"Task\\",\\"Comment\\":\\"say \\\\\\"hi\\\\\\"\\",'));
    expect(definitionOf(out, 'template.json')).toEqual({ ...definition, States: { A: { Type: 'Task', Comment: 'say "hi"', Resource: definition.States.A.Resource, End: true } } });
  });

  test('pretty JSON inside the string: new lines are escaped line breaks at the JSON indentation', () => {
    const text = host(JSON.stringify(definition, null, 2));
    const out = applyOps(text, 'template.json', (_, m) => f.insert(stateNamed(m, 'A').node, 'Retry', [{ ErrorEquals: ['States.ALL'] }]));
    expect(out).toBe(text.replace('\\"End\\": true', '\\"End\\": true,\\n      \\"Retry\\": [\\n        {\\n          \\"ErrorEquals\\": [\\"States.ALL\\"]\\n        }\\n      ]'));
    expect(definitionOf(out, 'template.json')).toEqual({ ...definition, States: { A: { ...definition.States.A, Retry: [{ ErrorEquals: ['States.ALL'] }] } } });
  });

  test('set inside the escaped string', () => {
    const text = host(JSON.stringify(definition));
    const out = applyOps(text, 'template.json', (_, m) => f.set(stateNamed(m, 'A').field('Resource')!, 'arn:${AWS::Partition}:states:::batch:submitJob.sync'));
    expect(out).toBe(text.replace('submitJob\\"', 'submitJob.sync\\"'));
  });
});

describe('other string styles: edited when the mapping is exact, else the fix is unavailable', () => {
  const json = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}';
  const insertComment = (_: unknown, m: Parameters<typeof stateNamed>[0]) => f.insert(stateNamed(m, 'A').node, 'Comment', 'x');

  test('a one-line double-quoted YAML string is edited (escaped)', () => {
    const text = lines(...HEAD, `      DefinitionString: ${JSON.stringify(json)}`);
    expect(applyOps(text, 'template.yaml', insertComment)).toBe(text.replace('\\"End\\": true', '\\"End\\": true, \\"Comment\\": \\"x\\"'));
  });

  test('unavailable: a double-quoted YAML string folded over lines', () => {
    const text = lines(...HEAD, '      DefinitionString: "{\\"StartAt\\": \\"A\\",', '        \\"States\\": {\\"A\\": {\\"Type\\": \\"Pass\\", \\"End\\": true}}}"');
    expect(parseSource(text, '/cases/template.yaml').machines).toHaveLength(1);
    expect(unavailable(text, 'template.yaml', insertComment)).toBe(true);
  });

  test('unavailable: a single-quoted YAML string', () => {
    const text = lines(...HEAD, `      DefinitionString: '${json}'`);
    expect(parseSource(text, '/cases/template.yaml').machines).toHaveLength(1);
    expect(unavailable(text, 'template.yaml', insertComment)).toBe(true);
  });

  test('unavailable: Fn::Join pieces', () => {
    const text = lines(...HEAD, '      DefinitionString: !Join', '        - ""', `        - - '{"StartAt": "A", "States": {"A": '`, `          - '{"Type": "Pass", "End": true}}}'`);
    expect(parseSource(text, '/cases/template.yaml').machines).toHaveLength(1);
    expect(unavailable(text, 'template.yaml', insertComment)).toBe(true);
  });

  test('a | block holding JSON on one line: remove takes the comma after', () => {
    const text = lines(...HEAD, '      DefinitionString: |', `        ${json}`);
    const out = applyOps(text, 'template.yaml', (_, m) => f.remove(getProperty(stateNamed(m, 'A').node, 'Type')!));
    expect(out).toBe(text.replace('"Type": "Pass", ', ''));
  });
});
