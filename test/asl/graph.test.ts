import { describeScope, hasOpaqueTransitions, isGraphComplete, isWithin, mayBeTerminal, reachableStates } from '../../src/asl/graph';
import type { StateMachine } from '../../src/model/types';
import { parseSource } from '../../src/sources/parse-source';

/** The model of `definition`, parsed from JSON text as a file would be. */
function model(definition: unknown): StateMachine {
  const source = parseSource(JSON.stringify(definition, null, 2), '/cases/graph.asl.json');
  expect(source.errors).toEqual([]);
  return source.machines[0];
}

const names = (states: Iterable<{ name: string }>) => [...states].map((s) => s.name).sort();

describe('reachableStates', () => {
  test('follows Next, Default, Choices and Catch from StartAt, and nothing else', () => {
    const machine = model({
      StartAt: 'Check',
      States: {
        Check: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'Work' }], Default: 'Skip' },
        Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Done', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }] },
        Skip: { Type: 'Pass', Next: 'Done' },
        Failed: { Type: 'Fail' },
        Done: { Type: 'Succeed' },
        Island: { Type: 'Pass', Next: 'Islet' },
        Islet: { Type: 'Pass', Next: 'Island' },
      },
    });
    expect(names(reachableStates(machine.root))).toEqual(['Check', 'Done', 'Failed', 'Skip', 'Work']);
  });

  test('is empty when StartAt names no state, and stays inside the scope', () => {
    expect(names(reachableStates(model({ StartAt: 'Nope', States: { A: { Type: 'Succeed' } } }).root))).toEqual([]);
    const machine = model({
      StartAt: 'P',
      States: { P: { Type: 'Parallel', Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Done' } } }], Next: 'Done' }, Done: { Type: 'Succeed' } },
    });
    const branch = machine.scopes()[1];
    expect(names(reachableStates(branch))).toEqual(['A']);
  });
});

describe('hasOpaqueTransitions and isGraphComplete', () => {
  const scopeOf = (states: Record<string, unknown>, startAt: unknown = 'A') => model({ StartAt: startAt, States: states }).root;

  test('a plain graph is readable and complete', () => {
    const scope = scopeOf({ A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Succeed' } });
    expect(hasOpaqueTransitions(scope)).toBe(false);
    expect(isGraphComplete(scope)).toBe(true);
  });

  test('a dangling target is readable but not complete', () => {
    const scope = scopeOf({ A: { Type: 'Pass', Next: 'Bee' }, B: { Type: 'Succeed' } });
    expect(hasOpaqueTransitions(scope)).toBe(false);
    expect(isGraphComplete(scope)).toBe(false);
  });

  test.each([
    ['an intrinsic Next', { A: { Type: 'Pass', Next: { Ref: 'X' } } }, 'A'],
    ['a templated Next matching no state', { A: { Type: 'Pass', Next: '${next}' } }, 'A'],
    ['a Catch that is not a list', { A: { Type: 'Task', Resource: 'x', End: true, Catch: { 'Fn::If': ['c', [], []] } } }, 'A'],
    ['a Choices item that is not an object', { A: { Type: 'Choice', Choices: ['x'], Default: 'A' } }, 'A'],
    ['a numeric StartAt', { A: { Type: 'Succeed' } }, 1],
    ['a state with a YAML merge key', { A: { '<<': { Type: 'Pass', Next: 'B' } }, B: { Type: 'Succeed' } }, 'A'],
    ['a States with a YAML merge key', { '<<': { B: { Type: 'Succeed' } }, A: { Type: 'Pass', Next: 'B' } }, 'A'],
  ])('%s is opaque', (_, states, startAt) => {
    expect(hasOpaqueTransitions(scopeOf(states as Record<string, unknown>, startAt))).toBe(true);
  });

  test('a templated Next that matches a templated state name is readable', () => {
    expect(hasOpaqueTransitions(scopeOf({ A: { Type: 'Pass', Next: '${prefix}-B' }, '${prefix}-B': { Type: 'Succeed' } }))).toBe(false);
  });
});

describe('mayBeTerminal', () => {
  test.each([
    [{ Type: 'Succeed' }, true],
    [{ Type: 'Fail' }, true],
    [{ Type: 'Pass', End: true }, true],
    [{ Type: 'Pass', End: false }, false],
    [{ Type: 'Pass', Next: 'A' }, false],
    [{ Type: 'Pass', End: { Ref: 'IsLast' } }, true],
    [{ Type: { Ref: 'Kind' }, Next: 'A' }, true],
    [{ '<<': { End: true }, Type: 'Pass' }, true],
  ])('%j → %s', (state, expected) => {
    expect(mayBeTerminal(model({ StartAt: 'A', States: { A: state } }).root.states[0])).toBe(expected);
  });
});

describe('describeScope and isWithin', () => {
  const machine = model({
    StartAt: 'P',
    States: {
      P: {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'A', States: { A: { Type: 'Succeed' } } },
          { StartAt: 'M', States: { M: { Type: 'Map', Iterator: { StartAt: 'C', States: { C: { Type: 'Succeed' } } }, End: true } } },
        ],
        Next: 'N',
      },
      N: { Type: 'Map', ItemProcessor: { StartAt: 'D', States: { D: { Type: 'Succeed' } } }, End: true },
    },
  });
  const [root, first, second, iterator, processor] = machine.scopes();

  test('names each kind of scope', () => {
    expect([root, first, second, iterator, processor].map(describeScope)).toEqual([
      'the top-level "States"',
      'branch 1 of Parallel state "P"',
      'branch 2 of Parallel state "P"',
      'the "Iterator" of Map state "M"',
      'the "ItemProcessor" of Map state "N"',
    ]);
  });

  test('knows nesting at any depth, and that siblings do not nest', () => {
    expect(isWithin(iterator, root)).toBe(true);
    expect(isWithin(iterator, second)).toBe(true);
    expect(isWithin(iterator, first)).toBe(false);
    expect(isWithin(root, iterator)).toBe(false);
    expect(isWithin(first, first)).toBe(true);
  });
});
