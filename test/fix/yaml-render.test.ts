/** The YAML adapter's renderer: each operation as a minimal edit, comments and tags kept. */
import { getAt, getProperty, type ArrayNode, type ObjectNode } from '../../src/model/ast';
import { applyOps, fixer as f, lines, stateNamed, unavailable } from './fix-harness';

const TASK = lines(
  '# A machine with comments, flow maps and CloudFormation tags.',
  'StartAt: A',
  'States:',
  '  A:   # the task',
  '    Type: Task   # a comment',
  "    Resource: 'arn:aws:states:::batch:submitJob'",
  '    Parameters: { JobName: x, JobQueue: "q" }',
  '    Retry:',
  '      - ErrorEquals: [States.TaskFailed]',
  '        MaxAttempts: 1 # one',
  '    Next: B  # to B',
  '  B: { Type: Succeed }',
);

/** `TASK` with line `at` (1-based) replaced by `replacement` lines. */
function edited(at: number, count: number, ...replacement: string[]): string {
  const all = TASK.split('\n');
  all.splice(at - 1, count, ...replacement);
  return all.join('\n');
}

describe('set', () => {
  test('a single-quoted scalar stays single-quoted', () => {
    const out = applyOps(TASK, 'a.asl.yaml', (_, m) => f.set(stateNamed(m, 'A').field('Resource')!, 'arn:aws:states:::batch:submitJob.sync'));
    expect(out).toBe(edited(6, 1, "    Resource: 'arn:aws:states:::batch:submitJob.sync'"));
  });

  test('a plain scalar stays plain when it can, and is quoted when it cannot', () => {
    const text = lines('StartAt: A', 'States:', '  A:', '    Type: Pass', '    Comment: old  # keep', '    End: true');
    expect(applyOps(text, 'a.asl.yaml', (_, m) => f.set(stateNamed(m, 'A').field('Comment')!, 'new text'))).toBe(text.replace('old', 'new text'));
    expect(applyOps(text, 'a.asl.yaml', (_, m) => f.set(stateNamed(m, 'A').field('Comment')!, '#{Queue}'))).toBe(text.replace('old', '"#{Queue}"'));
    expect(applyOps(text, 'a.asl.yaml', (_, m) => f.set(stateNamed(m, 'A').field('Comment')!, 'a: b'))).toBe(text.replace('old', '"a: b"'));
    expect(applyOps(text, 'a.asl.yaml', (_, m) => f.set(stateNamed(m, 'A').field('Comment')!, '12'))).toBe(text.replace('old', '"12"'));
  });

  test('a double-quoted scalar stays double-quoted, inside a flow map', () => {
    const out = applyOps(TASK, 'a.asl.yaml', (_, m) => f.set(getAt(stateNamed(m, 'A').field('Parameters'), ['JobQueue'])!, 'q2'));
    expect(out).toBe(edited(7, 1, '    Parameters: { JobName: x, JobQueue: "q2" }'));
  });

  test('a plain scalar inside a flow map is quoted when it holds a flow indicator', () => {
    const out = applyOps(TASK, 'a.asl.yaml', (_, m) => f.set(getAt(stateNamed(m, 'A').field('Parameters'), ['JobName'])!, 'a,b'));
    expect(out).toBe(edited(7, 1, '    Parameters: { JobName: "a,b", JobQueue: "q" }'));
  });

  test('the template of a !Sub tag', () => {
    const text = lines('StartAt: A', 'States:', '  A:', '    Type: Task', '    Resource: !Sub "arn:${AWS::Partition}:states:::batch:submitJob"', '    End: true');
    const out = applyOps(text, 'a.asl.yaml', (_, m) => f.set(getAt(stateNamed(m, 'A').field('Resource'), ['Fn::Sub'])!, 'arn:${AWS::Partition}:states:::batch:submitJob.sync'));
    expect(out).toBe(text.replace('submitJob"', 'submitJob.sync"'));
  });

  test('an intrinsic value becomes a short tag', () => {
    const out = applyOps(TASK, 'a.asl.yaml', (_, m) => f.set(stateNamed(m, 'A').field('Resource')!, { intrinsic: 'GetAtt', args: 'pre-batch.Arn' }));
    expect(out).toBe(edited(6, 1, '    Resource: !GetAtt pre-batch.Arn'));
  });

  test('a block scalar is not rewritten in place', () => {
    const text = lines('StartAt: A', 'States:', '  A:', '    Type: Pass', '    Comment: |', '      two', '      lines', '    End: true');
    expect(unavailable(text, 'a.asl.yaml', (_, m) => f.set(stateNamed(m, 'A').field('Comment')!, 'one'))).toBe(true);
  });
});

describe('insert into a block mapping', () => {
  test('after a given property, on the line after its trailing comment', () => {
    const out = applyOps(TASK, 'a.asl.yaml', (_, m) => f.insert(stateNamed(m, 'A').node, 'OutputPath', '$[0]', stateNamed(m, 'A').fieldProperty('Type')));
    expect(out).toBe(edited(6, 0, '    OutputPath: $[0]'));
  });

  test('at the end, a subtree rendered alone in the file\'s style (flow scalar lists, no padding)', () => {
    const out = applyOps(TASK, 'a.asl.yaml', (_, m) => f.insert(stateNamed(m, 'A').node, 'Catch', [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'B' }]));
    expect(out).toBe(edited(12, 0, '    Catch:', '      - ErrorEquals: [States.ALL]', '        ResultPath: $.error', '        Next: B'));
  });

  test('a whole new state after another, with a short-tag intrinsic', () => {
    const out = applyOps(TASK, 'a.asl.yaml', (_, m) =>
      f.insert(m.root.statesNode!, 'A-post-batch', { Type: 'Task', Resource: { intrinsic: 'GetAtt', args: 'post-batch.Arn' }, End: true }, stateNamed(m, 'A').property),
    );
    expect(out).toBe(edited(12, 0, '  A-post-batch:', '    Type: Task', '    Resource: !GetAtt post-batch.Arn', '    End: true'));
  });

  test('the long form of an intrinsic when asked', () => {
    const out = applyOps(TASK, 'a.asl.yaml', (_, m) => f.insert(stateNamed(m, 'A').node, 'Comment', { intrinsic: 'GetAtt', args: 'pre-batch.Arn', form: 'long' }));
    expect(out).toBe(edited(12, 0, '    Comment:', '      Fn::GetAtt: [pre-batch, Arn]'));
  });

  test('at the end of a file without a final line break', () => {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: Succeed  # done';
    expect(applyOps(text, 'a.asl.yaml', (_, m) => f.insert(stateNamed(m, 'A').node, 'Comment', 'hi'))).toBe(`${text}\n    Comment: hi`);
  });

  test('keeps CRLF line breaks', () => {
    const text = 'StartAt: A\r\nStates:\r\n  A:\r\n    Type: Task\r\n    Resource: x\r\n    End: true\r\n';
    const out = applyOps(text, 'a.asl.yaml', (_, m) => f.insert(stateNamed(m, 'A').node, 'Retry', [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }], stateNamed(m, 'A').fieldProperty('Resource')));
    expect(out).toBe('StartAt: A\r\nStates:\r\n  A:\r\n    Type: Task\r\n    Resource: x\r\n    Retry:\r\n      - ErrorEquals: [States.ALL]\r\n        MaxAttempts: 2\r\n    End: true\r\n');
  });

  test('four-space indentation and padded flow lists', () => {
    const text = lines('StartAt: A', 'States:', '    A:', '        Type: Task', '        Resource: x', '        Catch:', '            - ErrorEquals: [ States.ALL ]', '              Next: A', '        End: true');
    const out = applyOps(text, 'a.asl.yaml', (_, m) => f.insert(stateNamed(m, 'A').node, 'Parameters', { Parameters: { 'url.$': '$.url' } }, stateNamed(m, 'A').fieldProperty('Resource')));
    expect(out).toBe(text.replace('        Catch:', '        Parameters:\n            Parameters:\n                url.$: $.url\n        Catch:'));
  });

  test('a sequence item mapping (after the dash)', () => {
    const out = applyOps(TASK, 'a.asl.yaml', (_, m) => f.insert(getAt(stateNamed(m, 'A').field('Retry'), [0]) as ObjectNode, 'IntervalSeconds', 3));
    expect(out).toBe(edited(11, 0, '        IntervalSeconds: 3'));
  });

  test('refuses a key that is already there', () => {
    expect(unavailable(TASK, 'a.asl.yaml', (_, m) => f.insert(stateNamed(m, 'A').node, 'Next', 'C'))).toBe(true);
  });

  test('refuses a node shared through an alias (the edit would change every use)', () => {
    const text = lines('x: &p', '  JobName: j', 'StartAt: A', 'States:', '  A:', '    Type: Task', '    Parameters: *p', '    End: true');
    expect(unavailable(text, 'a.asl.yaml', (_, m) => f.insert(stateNamed(m, 'A').field('Parameters') as ObjectNode, 'url.$', '$.url'))).toBe(true);
  });

  const MERGED = ['x: &task', '  Type: Task', '  Resource: r', 'StartAt: A', 'States:', '  A:', '    <<: *task'];

  test('inserts after a state\'s own field, beside fields pulled in by a merge key', () => {
    const text = lines(...MERGED, '    End: true');
    expect(applyOps(text, 'a.asl.yaml', (_, m) => f.insert(stateNamed(m, 'A').node, 'Comment', 'c'))).toBe(`${text}    Comment: c\n`);
  });

  test('refuses to insert next to a field that only a merge key provides (it would land in the anchor)', () => {
    const text = lines(...MERGED);
    expect(unavailable(text, 'a.asl.yaml', (_, m) => f.insert(stateNamed(m, 'A').node, 'End', true))).toBe(true);
  });
});

describe('insert into a flow mapping', () => {
  test('after the last entry', () => {
    const out = applyOps(TASK, 'a.asl.yaml', (_, m) => f.insert(stateNamed(m, 'A').field('Parameters') as ObjectNode, 'Parameters', { 'url.$': '$.url' }));
    expect(out).toBe(edited(7, 1, '    Parameters: { JobName: x, JobQueue: "q", Parameters: { url.$: $.url } }'));
  });

  test('a boolean after the only entry', () => {
    const out = applyOps(TASK, 'a.asl.yaml', (_, m) => f.insert(stateNamed(m, 'B').node, 'End', true));
    expect(out).toBe(edited(12, 1, '  B: { Type: Succeed, End: true }'));
  });

  test('into an empty flow mapping', () => {
    const text = lines('StartAt: A', 'States:', '  A:', '    Type: Task', '    Resource: x', '    Parameters: {}', '    End: true');
    const out = applyOps(text, 'a.asl.yaml', (_, m) => f.insert(stateNamed(m, 'A').field('Parameters') as ObjectNode, 'url.$', '$.url'));
    expect(out).toBe(text.replace('{}', '{url.$: $.url}'));
  });
});

describe('insertItem', () => {
  test('a block sequence item after the last one', () => {
    const out = applyOps(TASK, 'a.asl.yaml', (_, m) => f.insertItem(stateNamed(m, 'A').field('Retry') as ArrayNode, { ErrorEquals: ['States.ALL'], IntervalSeconds: 3, MaxAttempts: 2 }));
    expect(out).toBe(edited(11, 0, '      - ErrorEquals: [States.ALL]', '        IntervalSeconds: 3', '        MaxAttempts: 2'));
  });

  test('a flow sequence item', () => {
    const out = applyOps(TASK, 'a.asl.yaml', (_, m) => f.insertItem(getAt(stateNamed(m, 'A').field('Retry'), [0, 'ErrorEquals']) as ArrayNode, 'States.Timeout'));
    expect(out).toBe(edited(9, 1, '      - ErrorEquals: [States.TaskFailed, States.Timeout]'));
  });
});

describe('remove', () => {
  test('a block entry takes its whole lines, trailing comment included', () => {
    expect(applyOps(TASK, 'a.asl.yaml', (_, m) => f.remove(stateNamed(m, 'A').fieldProperty('Retry')!))).toBe(edited(8, 3));
    expect(applyOps(TASK, 'a.asl.yaml', (_, m) => f.remove(stateNamed(m, 'A').fieldProperty('Next')!))).toBe(edited(11, 1));
  });

  test('a whole state', () => {
    expect(applyOps(TASK, 'a.asl.yaml', (_, m) => f.remove(stateNamed(m, 'A').property))).toBe(edited(4, 8));
  });

  test('the first entry after a dash pulls the next one up', () => {
    const out = applyOps(TASK, 'a.asl.yaml', (_, m) => f.remove(getProperty(getAt(stateNamed(m, 'A').field('Retry'), [0]), 'ErrorEquals')!));
    expect(out).toBe(edited(9, 2, '      - MaxAttempts: 1 # one'));
  });

  test('the only entry of a block mapping leaves an empty mapping, not null', () => {
    const text = lines('StartAt: A', 'States:', '  A:', '    Type: Task', '    Parameters:', '      RetryStrategy: 3  # gone', '    End: true');
    const out = applyOps(text, 'a.asl.yaml', (_, m) => f.remove(getProperty(stateNamed(m, 'A').field('Parameters'), 'RetryStrategy')!));
    expect(out).toBe(text.replace('RetryStrategy: 3', '{}'));
  });

  test('the only entry of a sequence item, with a block value: the next item keeps its line', () => {
    const text = lines(
      'StartAt: A',
      'States:',
      '  A:',
      '    Type: Choice',
      '    Choices:',
      '      - And:',
      '          - Not:',
      '              Variable: $.x',
      '              IsNull: true',
      '          - Variable: $.y',
      '            IsPresent: true',
      '        Next: A',
      '    Default: A',
    );
    const out = applyOps(text, 'a.asl.yaml', (_, m) => f.remove(getProperty(getAt(stateNamed(m, 'A').field('Choices'), [0, 'And', 0]), 'Not')!));
    expect(out).toBe(text.replace('- Not:\n              Variable: $.x\n              IsNull: true\n', '- {}\n'));
  });

  test('flow entries take one comma', () => {
    expect(applyOps(TASK, 'a.asl.yaml', (_, m) => f.remove(getProperty(stateNamed(m, 'A').field('Parameters'), 'JobName')!))).toBe(edited(7, 1, '    Parameters: { JobQueue: "q" }'));
    expect(applyOps(TASK, 'a.asl.yaml', (_, m) => f.remove(getProperty(stateNamed(m, 'A').field('Parameters'), 'JobQueue')!))).toBe(edited(7, 1, '    Parameters: { JobName: x }'));
  });
});

describe('renameKey', () => {
  test('keeps the trailing comment', () => {
    expect(applyOps(TASK, 'a.asl.yaml', (_, m) => f.renameKey(stateNamed(m, 'A').property, 'A-group'))).toBe(edited(4, 1, '  A-group:   # the task'));
  });

  test('quotes a key that needs it', () => {
    expect(applyOps(TASK, 'a.asl.yaml', (_, m) => f.renameKey(stateNamed(m, 'A').property, 'a: b'))).toBe(edited(4, 1, '  "a: b":   # the task'));
  });
});

test('several operations of one fix become one edit', () => {
  const out = applyOps(TASK, 'a.asl.yaml', (_, m) => [
    f.set(stateNamed(m, 'A').field('Resource')!, 'arn:aws:states:::batch:submitJob.sync'),
    f.insert(stateNamed(m, 'A').node, 'OutputPath', '$[0]', stateNamed(m, 'A').fieldProperty('Type')),
  ]);
  expect(out).toBe(edited(6, 1, '    OutputPath: $[0]', "    Resource: 'arn:aws:states:::batch:submitJob.sync'"));
});
