/** The machine model: scopes (Parallel branches, Map processors), states, transitions, incoming(). */
import { parseJson } from '../../src/formats/json/parse';
import { parseYaml } from '../../src/formats/yaml/parse';
import type { ObjectNode } from '../../src/model/ast';
import { buildMachine } from '../../src/model/build';
import { LineIndex } from '../../src/model/positions';
import type { State, StateMachine, Transition } from '../../src/model/types';

const HOST = { kind: 'asl', embedded: false, syntax: 'yaml' } as const;

function fromYaml(text: string): { machine: StateMachine; lines: LineIndex; text: string } {
  const parsed = parseYaml(text);
  expect(parsed.error).toBeUndefined();
  return { machine: buildMachine(parsed.roots[0] as ObjectNode, HOST, 'M'), lines: new LineIndex(text), text };
}

function fromValue(value: unknown): StateMachine {
  const parsed = parseJson(JSON.stringify(value, null, 2));
  expect(parsed.error).toBeUndefined();
  return buildMachine(parsed.roots[0] as ObjectNode, { ...HOST, syntax: 'json' }, undefined);
}

function state(machine: StateMachine, name: string): State {
  const found = machine.states().find((s) => s.name === name);
  if (!found) throw new Error(`no state ${name}`);
  return found;
}

/** A transition as plain data: `from` state name, field, index and target name. */
const describeTransition = (t: Transition) => ({ from: t.from?.name, field: t.field, index: t.index, target: t.target.value });

const y = (...rows: string[]) => `${rows.join('\n')}\n`;

describe('scopes', () => {
  const text = y(
    'StartAt: Fork', // 1
    'States:', // 2
    '  Fork:', // 3
    '    Type: Parallel', // 4
    '    Branches:', // 5
    '      - StartAt: Left', // 6
    '        States:', // 7
    '          Left: {Type: Pass, End: true}', // 8
    '      - StartAt: Right', // 9
    '        States:', // 10
    '          Right: {Type: Pass, Next: RightEnd}', // 11
    '          RightEnd: {Type: Succeed}', // 12
    '    Next: Each', // 13
    '  Each:', // 14
    '    Type: Map', // 15
    '    ItemProcessor:', // 16
    '      ProcessorConfig: {Mode: INLINE}', // 17
    '      StartAt: Item', // 18
    '      States:', // 19
    '        Item:', // 20
    '          Type: Parallel', // 21
    '          Branches:', // 22
    '            - StartAt: Deep', // 23
    '              States: {Deep: {Type: Succeed}}', // 24
    '          End: true', // 25
    '    Next: Legacy', // 26
    '  Legacy:', // 27
    '    Type: Map', // 28
    '    Iterator:', // 29
    '      StartAt: Old', // 30
    '      States: {Old: {Type: Pass, End: true}}', // 31
    '    End: true', // 32
  );

  test('machine, Parallel branches, Map ItemProcessor and legacy Iterator, outermost first', () => {
    const { machine } = fromYaml(text);
    expect(
      machine.scopes().map((s) => ({ kind: s.kind, owner: s.owner?.name, branch: s.branchIndex, states: s.states.map((st) => st.name) })),
    ).toEqual([
      { kind: 'machine', owner: undefined, branch: undefined, states: ['Fork', 'Each', 'Legacy'] },
      { kind: 'branch', owner: 'Fork', branch: 0, states: ['Left'] },
      { kind: 'branch', owner: 'Fork', branch: 1, states: ['Right', 'RightEnd'] },
      { kind: 'processor', owner: 'Each', branch: undefined, states: ['Item'] },
      { kind: 'branch', owner: 'Item', branch: 0, states: ['Deep'] },
      { kind: 'processor', owner: 'Legacy', branch: undefined, states: ['Old'] },
    ]);
    expect(machine.root).toBe(machine.scopes()[0]);
    expect(machine.name).toBe('M');
    expect(machine.host).toBe(HOST);
  });

  test('states() lists every state; each state knows its scope and its children', () => {
    const { machine } = fromYaml(text);
    expect(machine.states().map((s) => s.name)).toEqual(['Fork', 'Each', 'Legacy', 'Left', 'Right', 'RightEnd', 'Item', 'Deep', 'Old']);
    const fork = state(machine, 'Fork');
    expect(fork.type).toBe('Parallel');
    expect(fork.scope).toBe(machine.root);
    expect(fork.children.map((s) => s.branchIndex)).toEqual([0, 1]);
    expect(state(machine, 'Deep').scope.owner?.name).toBe('Item');
    expect(state(machine, 'Deep').scope.owner?.scope.owner?.name).toBe('Each');
    expect(state(machine, 'Old').scope.machine).toBe(machine);
  });

  test('get() finds states of its own scope only', () => {
    const { machine } = fromYaml(text);
    expect(machine.root.get('Fork')?.name).toBe('Fork');
    expect(machine.root.get('Left')).toBeUndefined();
    const [left, right] = state(machine, 'Fork').children;
    expect(left.get('Left')?.name).toBe('Left');
    expect(left.get('Right')).toBeUndefined();
    expect(right.get('RightEnd')?.type).toBe('Succeed');
  });

  test('scope nodes: StartAt and States of each scope, with ranges in the file', () => {
    const { machine, lines, text: source } = fromYaml(text);
    const processor = state(machine, 'Each').children[0];
    expect(processor.startAt?.value).toBe('Item');
    expect(lines.locate(processor.startAt!.range[0])).toEqual({ line: 18, column: 16 });
    expect(processor.statesNode?.properties.map((p) => p.key.value)).toEqual(['Item']);
    expect(lines.locate(state(machine, 'Item').key.range[0])).toEqual({ line: 20, column: 9 });
    expect(source.slice(...state(machine, 'Right').key.range)).toBe('Right');
    expect(lines.locate(state(machine, 'Old').key.range[0])).toEqual({ line: 31, column: 16 });
  });

  test('ItemProcessor wins over Iterator when both are present; a Map without either has no scope', () => {
    const machine = fromValue({
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'New', States: { New: { Type: 'Succeed' } } },
          Iterator: { StartAt: 'Old', States: { Old: { Type: 'Succeed' } } },
          Next: 'Empty',
        },
        Empty: { Type: 'Map', End: true },
      },
    });
    expect(state(machine, 'M').children.map((s) => s.states.map((st) => st.name))).toEqual([['New']]);
    expect(state(machine, 'Empty').children).toEqual([]);
  });

  test('Branches and ItemProcessor on other state types do not open scopes', () => {
    const machine = fromValue({
      StartAt: 'A',
      States: { A: { Type: 'Pass', Branches: [{ StartAt: 'X', States: { X: { Type: 'Succeed' } } }], ItemProcessor: { StartAt: 'Y', States: {} }, End: true } },
    });
    expect(machine.scopes()).toHaveLength(1);
  });
});

describe('states', () => {
  test('duplicate names: both are states, get() returns the first', () => {
    const { machine, lines } = fromYaml(y('StartAt: A', 'States:', '  A: {Type: Pass, Next: B}', '  B: {Type: Succeed}', '  A: {Type: Fail}'));
    expect(machine.root.states.map((s) => [s.name, s.type])).toEqual([
      ['A', 'Pass'],
      ['B', 'Succeed'],
      ['A', 'Fail'],
    ]);
    expect(machine.root.get('A')?.type).toBe('Pass');
    expect(machine.root.states.filter((s) => s.name === 'A').map((s) => lines.locate(s.key.range[0]).line)).toEqual([3, 5]);
  });

  // BUG: buildScope skips every state whose key is not a string, so in YAML a state written
  // `1:` (or `true:`) disappears from the model while CloudFormation / serverless turn the key
  // into "1" and AWS accepts the machine; `StartAt: "1"` then points at no state.
  // Fix: name states by `String(key.value)` for number and boolean keys (the source text for null).
  test('a YAML state whose key reads as a number is still a state', () => {
    const { machine } = fromYaml(y('StartAt: "1"', 'States:', '  1: {Type: Pass, Next: "2"}', '  "2": {Type: Succeed}'));
    expect(machine.root.states.map((s) => s.name)).toEqual(['1', '2']);
    expect(machine.root.get('1')?.type).toBe('Pass');
  });

  test('non-object state values are not states', () => {
    const machine = fromValue({ StartAt: 'A', States: { A: { Type: 'Succeed' }, B: 'oops', C: [1], D: null } });
    expect(machine.root.states.map((s) => s.name)).toEqual(['A']);
  });

  test('field() and fieldProperty() read top-level fields (the last duplicate wins)', () => {
    const { machine, text } = fromYaml(y('StartAt: A', 'States:', '  A:', '    Type: Task', '    Resource: x', '    Resource: y', '    End: true'));
    const a = state(machine, 'A');
    expect(a.field('Resource')).toMatchObject({ kind: 'scalar', value: 'y' });
    expect(text.slice(...a.fieldProperty('Resource')!.range)).toBe('Resource: y');
    expect(a.field('Missing')).toBeUndefined();
    expect(a.property.key).toBe(a.key);
    expect(a.property.value).toBe(a.node);
  });
});

describe('transitions', () => {
  const text = y(
    'StartAt: Choose', // 1
    'States:', // 2
    '  Choose:', // 3
    '    Type: Choice', // 4
    '    Choices:', // 5
    '      - Variable: $.x', // 6
    '        NumericEquals: 1', // 7
    '        Next: Charge', // 8
    '      - And:', // 9
    '          - Variable: $.y', // 10
    '            IsPresent: true', // 11
    '        Next: Refund', // 12
    '    Default: Charge', // 13
    '  Charge:', // 14
    '    Type: Task', // 15
    '    Resource: arn:aws:states:::lambda:invoke', // 16
    '    Next: Done', // 17
    '    Catch:', // 18
    '      - ErrorEquals: [Payment.Declined]', // 19
    '        Next: Refund', // 20
    '      - ErrorEquals: [States.ALL]', // 21
    '        ResultPath: $.error', // 22
    '        Next: Failed', // 23
    '  Refund: {Type: Pass, Next: Done}', // 24
    '  Done: {Type: Succeed}', // 25
    '  Failed: {Type: Fail}', // 26
  );

  test('StartAt, Next, Default, Choices[].Next and Catch[].Next with from, field and index', () => {
    const { machine } = fromYaml(text);
    expect(machine.root.transitions.map(describeTransition)).toEqual([
      { from: undefined, field: 'StartAt', index: undefined, target: 'Choose' },
      { from: 'Choose', field: 'Default', index: undefined, target: 'Charge' },
      { from: 'Choose', field: 'Choices', index: 0, target: 'Charge' },
      { from: 'Choose', field: 'Choices', index: 1, target: 'Refund' },
      { from: 'Charge', field: 'Next', index: undefined, target: 'Done' },
      { from: 'Charge', field: 'Catch', index: 0, target: 'Refund' },
      { from: 'Charge', field: 'Catch', index: 1, target: 'Failed' },
      { from: 'Refund', field: 'Next', index: undefined, target: 'Done' },
    ]);
    expect(state(machine, 'Charge').transitions.map(describeTransition)).toEqual([
      { from: 'Charge', field: 'Next', index: undefined, target: 'Done' },
      { from: 'Charge', field: 'Catch', index: 0, target: 'Refund' },
      { from: 'Charge', field: 'Catch', index: 1, target: 'Failed' },
    ]);
    expect(state(machine, 'Done').transitions).toEqual([]);
    for (const t of machine.root.transitions) expect(t.scope).toBe(machine.root);
  });

  test('each target is the value scalar, at its line and column', () => {
    const { machine, lines, text: source } = fromYaml(text);
    const at = (t: Transition) => ({ ...lines.locate(t.target.range[0]), text: source.slice(...t.target.range) });
    const [startAt, defaultT, choice0, choice1] = machine.root.transitions;
    expect(at(startAt)).toEqual({ line: 1, column: 10, text: 'Choose' });
    expect(at(defaultT)).toEqual({ line: 13, column: 14, text: 'Charge' });
    expect(at(choice0)).toEqual({ line: 8, column: 15, text: 'Charge' });
    expect(at(choice1)).toEqual({ line: 12, column: 15, text: 'Refund' });
    const catch1 = state(machine, 'Charge').transitions[2];
    expect(at(catch1)).toEqual({ line: 23, column: 15, text: 'Failed' });
    expect(at(state(machine, 'Refund').transitions[0])).toEqual({ line: 24, column: 30, text: 'Done' });
  });

  test('a Choices index counts every choice, even one without Next; non-string targets are ignored', () => {
    const machine = fromValue({
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Variable: '$.a', IsNull: true }, 'junk', { Variable: '$.b', IsNull: true, Next: 'D' }], Default: 7 },
        D: { Type: 'Pass', Next: null, Catch: [{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['States.ALL'], Next: 'C' }] },
      },
    });
    expect(machine.root.transitions.map(describeTransition)).toEqual([
      { from: undefined, field: 'StartAt', index: undefined, target: 'C' },
      { from: 'C', field: 'Choices', index: 2, target: 'D' },
      { from: 'D', field: 'Catch', index: 1, target: 'C' },
    ]);
  });

  test('transitions inside a branch belong to the branch scope', () => {
    const machine = fromValue({
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Succeed' } } }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'F' }],
          Next: 'B',
        },
        B: { Type: 'Succeed' },
        F: { Type: 'Fail' },
      },
    });
    const branch = state(machine, 'P').children[0];
    expect(branch.transitions.map(describeTransition)).toEqual([
      { from: undefined, field: 'StartAt', index: undefined, target: 'A' },
      { from: 'A', field: 'Next', index: undefined, target: 'B' },
    ]);
    for (const t of branch.transitions) expect(t.scope).toBe(branch);
    expect(machine.root.transitions.map(describeTransition)).toEqual([
      { from: undefined, field: 'StartAt', index: undefined, target: 'P' },
      { from: 'P', field: 'Next', index: undefined, target: 'B' },
      { from: 'P', field: 'Catch', index: 0, target: 'F' },
    ]);
  });
});

describe('incoming()', () => {
  test('every transition of the same scope that targets the state, StartAt included', () => {
    const { machine } = fromYaml(
      y(
        'StartAt: Charge',
        'States:',
        '  Choose:',
        '    Type: Choice',
        '    Choices: [{Variable: $.x, IsNull: true, Next: Charge}]',
        '    Default: Charge',
        '  Charge:',
        '    Type: Task',
        '    Resource: x',
        '    Next: Choose',
        '    Catch: [{ErrorEquals: [States.ALL], Next: Charge}]',
      ),
    );
    expect(machine.incoming(state(machine, 'Charge')).map(describeTransition)).toEqual([
      { from: undefined, field: 'StartAt', index: undefined, target: 'Charge' },
      { from: 'Choose', field: 'Default', index: undefined, target: 'Charge' },
      { from: 'Choose', field: 'Choices', index: 0, target: 'Charge' },
      { from: 'Charge', field: 'Catch', index: 0, target: 'Charge' },
    ]);
    expect(machine.incoming(state(machine, 'Choose')).map(describeTransition)).toEqual([
      { from: 'Charge', field: 'Next', index: undefined, target: 'Choose' },
    ]);
  });

  test('a same-named state in another scope does not receive the transition', () => {
    const machine = fromValue({
      StartAt: 'A',
      States: {
        A: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'Inner', States: { Inner: { Type: 'Pass', Next: 'B' }, B: { Type: 'Succeed' } } }],
          Next: 'B',
        },
        B: { Type: 'Succeed' },
      },
    });
    const outerB = machine.root.get('B')!;
    const innerB = state(machine, 'A').children[0].get('B')!;
    expect(outerB).not.toBe(innerB);
    expect(machine.incoming(outerB).map(describeTransition)).toEqual([{ from: 'A', field: 'Next', index: undefined, target: 'B' }]);
    expect(machine.incoming(innerB).map(describeTransition)).toEqual([{ from: 'Inner', field: 'Next', index: undefined, target: 'B' }]);
    expect(machine.incoming(state(machine, 'A')).map((t) => t.field)).toEqual(['StartAt']);
  });

  test('an unreachable state has no incoming transitions', () => {
    const machine = fromValue({ StartAt: 'A', States: { A: { Type: 'Succeed' }, Orphan: { Type: 'Succeed' } } });
    expect(machine.incoming(machine.root.get('Orphan')!)).toEqual([]);
  });
});
