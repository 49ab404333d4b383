/**
 * The renderers' side of the structural fixes: the `wrap` op on its own, and the ops it leans
 * on (`removeItem`, `insert` before a property, `set` of a block sequence), in YAML and JSON.
 */
import type { ArrayNode } from '../../src/model/ast';
import { applyOps, fixer as f, lines, stateNamed, unavailable } from './fix-harness';

const YAML = lines(
  'StartAt: A',
  'States:',
  '  # A does it',
  '  A:',
  '    Type: Pass',
  '    Catch:',
  '      - ErrorEquals: [States.Timeout]  # slow',
  '        Next: B',
  '      - ErrorEquals: [States.ALL]',
  '        Next: B',
  '    Next: B',
  '',
  '  B: { Type: Succeed }',
);

describe('YAML', () => {
  test('removeItem takes the whole lines of a block item, its comment too', () => {
    const out = applyOps(YAML, 'a.asl.yaml', (_, m) => {
      const catchers = stateNamed(m, 'A').field('Catch') as ArrayNode;
      return f.removeItem(catchers, catchers.items[0]);
    });
    expect(out).toBe(YAML.replace('      - ErrorEquals: [States.Timeout]  # slow\n        Next: B\n', ''));
  });

  test('removeItem in a flow sequence takes one comma', () => {
    const text = lines('StartAt: A', 'States:', '  A: { Type: Pass, Catch: [{ ErrorEquals: [x], Next: B }, { ErrorEquals: [y], Next: B }], End: true }', '  B: { Type: Succeed }');
    const last = applyOps(text, 'a.asl.yaml', (_, m) => {
      const catchers = stateNamed(m, 'A').field('Catch') as ArrayNode;
      return f.removeItem(catchers, catchers.items[1]);
    });
    expect(last).toBe(text.replace(', { ErrorEquals: [y], Next: B }', ''));
  });

  test('an insert before a state goes above the comments attached to it', () => {
    const out = applyOps(YAML, 'a.asl.yaml', (_, m) => f.insertBefore(m.root.statesNode!, 'P', { Type: 'Pass', Next: 'A' }, stateNamed(m, 'A').property));
    expect(out).toBe(YAML.replace('  # A does it\n', '  P:\n    Type: Pass\n    Next: A\n  # A does it\n'));
  });

  test('set replaces a block sequence at its column', () => {
    const out = applyOps(YAML, 'a.asl.yaml', (_, m) => f.set(stateNamed(m, 'A').field('Catch')!, [{ ErrorEquals: ['States.ALL'], Next: 'A' }]));
    expect(out).toBe(YAML.replace(/ {6}- ErrorEquals[^]*?Next: B\n {4}Next/, '      - ErrorEquals: [States.ALL]\n        Next: A\n    Next'));
  });

  test('wrap: the last state of a file without a final line break', () => {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true';
    const out = applyOps(text, 'a.asl.yaml', (_, m) => {
      const a = stateNamed(m, 'A');
      return f.wrap(a.property, 'G', { startAt: 'A', members: [{ move: a.property, edits: [] }], fields: { End: true } });
    });
    expect(out).toBe('StartAt: A\nStates:\n  G:\n    Type: Parallel\n    Branches:\n      - StartAt: A\n        States:\n          A:\n            Type: Pass\n            End: true\n    End: true');
  });

  test('wrap: a moved state set off by blank lines leaves one gap, not two', () => {
    const text = lines('StartAt: P', 'States:', '  P: { Type: Pass, Next: A }', '', '  X: { Type: Pass, Next: A }', '', '  A: { Type: Pass, End: true }', '', '  Z: { Type: Succeed }');
    const out = applyOps(text, 'a.asl.yaml', (_, m) => {
      const [x, a] = [stateNamed(m, 'X'), stateNamed(m, 'A')];
      return f.wrap(a.property, 'G', { startAt: 'X', members: [{ move: x.property, edits: [] }, { move: a.property, edits: [] }], fields: { End: true } });
    });
    expect(out).toBe(
      lines('StartAt: P', 'States:', '  P: { Type: Pass, Next: A }', '', '  G:', '    Type: Parallel', '    Branches:', '      - StartAt: X', '        States:',
        '          X: { Type: Pass, Next: A }', '          A: { Type: Pass, End: true }', '    End: true', '', '  Z: { Type: Succeed }'),
    );
  });

  test('wrap: an edit of a moved state outside it makes the fix unavailable', () => {
    expect(
      unavailable(YAML, 'a.asl.yaml', (_, m) => {
        const a = stateNamed(m, 'A');
        return f.wrap(a.property, 'G', { startAt: 'A', members: [{ move: a.property, edits: [f.set(stateNamed(m, 'B').field('Type')!, 'Pass')] }], fields: { End: true } });
      }),
    ).toBe(true);
  });
});

describe('JSON', () => {
  const json = (indent: number) => `${JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Catch: [{ ErrorEquals: ['x'], Next: 'B' }, { ErrorEquals: ['y'], Next: 'B' }], Next: 'B' }, B: { Type: 'Succeed' } } }, null, indent)}\n`;

  test('removeItem takes the comma after an item, or before the last one', () => {
    const text = json(2);
    const first = applyOps(text, 'a.asl.json', (_, m) => {
      const catchers = stateNamed(m, 'A').field('Catch') as ArrayNode;
      return f.removeItem(catchers, catchers.items[0]);
    });
    expect(JSON.parse(first).States.A.Catch).toEqual([{ ErrorEquals: ['y'], Next: 'B' }]);
    const last = applyOps(text, 'a.asl.json', (_, m) => {
      const catchers = stateNamed(m, 'A').field('Catch') as ArrayNode;
      return f.removeItem(catchers, catchers.items[1]);
    });
    expect(last).toBe(json(2).replace(/,\n {8}\{\n {10}"ErrorEquals": \[\n {12}"y"\n {10}\],\n {10}"Next": "B"\n {8}\}/, ''));
  });

  test('an insert before a property on its own line, and on a shared line', () => {
    const text = json(4);
    const out = applyOps(text, 'a.asl.json', (_, m) => f.insertBefore(m.root.statesNode!, 'P', { Type: 'Pass', Next: 'A' }, stateNamed(m, 'A').property));
    expect(out).toBe(text.replace('        "A": {', '        "P": {\n            "Type": "Pass",\n            "Next": "A"\n        },\n        "A": {'));
    const compact = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}\n';
    expect(applyOps(compact, 'a.asl.json', (_, m) => f.insertBefore(m.root.statesNode!, 'P', { Type: 'Pass', Next: 'A' }, stateNamed(m, 'A').property))).toBe(
      '{"StartAt": "A", "States": {"P": {"Type": "Pass", "Next": "A"}, "A": {"Type": "Pass", "End": true}}}\n',
    );
  });

  test('wrap on JSON written on one line stays on one line', () => {
    const compact = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}\n';
    const out = applyOps(compact, 'a.asl.json', (_, m) => {
      const a = stateNamed(m, 'A');
      return f.wrap(a.property, 'G', { startAt: 'A', members: [{ move: a.property, edits: [f.renameKey(a.fieldProperty('Next')!, 'End'), f.set(a.field('Next')!, true)] }], fields: { Next: 'B' } });
    });
    expect(out).toBe('{"StartAt": "A", "States": {"G": {"Type": "Parallel", "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}], "Next": "B"}, "B": {"Type": "Succeed"}}}\n');
  });

  test('wrap: moved properties at the end of the object leave with the comma before them', () => {
    const text = `${JSON.stringify({ StartAt: 'B', States: { B: { Type: 'Pass', Next: 'A' }, A: { Type: 'Pass', Next: 'C' }, C: { Type: 'Pass', End: true } } }, null, 2)}\n`;
    const out = applyOps(text, 'a.asl.json', (_, m) => {
      const [a, c] = [stateNamed(m, 'A'), stateNamed(m, 'C')];
      return f.wrap(a.property, 'G', { startAt: 'A', members: [{ move: a.property, edits: [] }, { move: c.property, edits: [] }], fields: { End: true } });
    });
    expect(JSON.parse(out)).toEqual({
      StartAt: 'B',
      States: { B: { Type: 'Pass', Next: 'A' }, G: { Type: 'Parallel', Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'C' }, C: { Type: 'Pass', End: true } } }], End: true } },
    });
  });
});
