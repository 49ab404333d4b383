/**
 * Inputs built to exhaust memory, time or the stack (issue 8), through the built CLI: a YAML
 * alias bomb, a 50 MB file, a 4 MB string, 10,000-deep nesting. Each ends in a per-file fatal
 * message (exit 2) or a correct lint, and `--fix` leaves what it cannot fix byte-identical.
 * Needs `npm run build`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { makeFixture, removeFixture } from '../cli/run-cli';
import { FIXABLE_JSON, lintJson, snapshot } from './inputs';

/** "Billion laughs": ten levels of nine aliases each, 9^10 nodes once expanded. */
function aliasBomb(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\nStartAt: x\nStates:\n  x:\n    Type: Pass\n    Parameters:\n      bomb: *a9\n    End: true\n`;
}

const pass = (parameters: string) => `{"StartAt": "x", "States": {"x": {"Type": "Pass", "End": true, "Parameters": {"a": ${parameters}}}}}`;

describe('resource exhaustion', () => {
  let dir: string;
  let before: Map<string, Buffer>;
  const MARKER = 'MARKER-OF-THE-HUGE-COMMENT';
  const huge = 'x'.repeat(4 * 1024 * 1024);

  beforeAll(() => {
    dir = makeFixture({
      'bomb.yaml': aliasBomb(),
      'deep.json': pass(`${'['.repeat(10_000)}${']'.repeat(10_000)}`),
      'deep.yaml': `StartAt: x\nStates: {x: {Type: Pass, End: true, Parameters: {a: ${'['.repeat(10_000)}${']'.repeat(10_000)}}}}\n`,
      // One level past the limit: the parser itself copes, the limit names the offending bracket.
      'deep-501.json': pass(`${'['.repeat(500)}${']'.repeat(500)}`),
      'alias-cycle.yaml': 'StartAt: a\nStates:\n  a:\n    Type: Pass\n    End: true\n    Parameters: &p [1, *p]\n',
      'small.asl.json': FIXABLE_JSON.toString('utf8').replace(/"Comment": "[^"]*"/, `"Comment": "${MARKER}"`),
      'huge-string.asl.json': FIXABLE_JSON.toString('utf8').replace(/"Comment": "[^"]*"/, `"Comment": "${huge}"`),
    });
    // 50 MB: over the 20 MB limit, never read.
    const big = fs.openSync(path.join(dir, 'big.asl.yaml'), 'w');
    const chunk = Buffer.from(`# ${'padding '.repeat(127)}\n`);
    for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) fs.writeSync(big, chunk);
    fs.closeSync(big);
    before = snapshot(dir);
  });
  afterAll(() => removeFixture(dir));

  test('an alias bomb is refused with a parse error, exit 2, unchanged by --fix', () => {
    const run = lintJson(dir, ['--fix', 'bomb.yaml']);
    expect(run.byFile.get('bomb.yaml')).toEqual([[1, 1, true, expect.stringMatching(/^Parsing error: Too many nodes after alias expansion \(more than \d+\)\.$/)]]);
    expect(run.status).toBe(2);
    expect(snapshot(dir).get('bomb.yaml')).toEqual(before.get('bomb.yaml'));
  });

  test('a 50 MB file is reported as too large, not read, and left as it is', () => {
    const run = lintJson(dir, ['--fix', 'big.asl.yaml']);
    expect(run.byFile.get('big.asl.yaml')).toEqual([[1, 1, true, 'File is too large to lint (50 MB; the limit is 20 MB).']]);
    expect(run.status).toBe(2);
    expect(snapshot(dir).get('big.asl.yaml')!.equals(before.get('big.asl.yaml')!)).toBe(true);
  });

  test.each(['deep.json', 'deep.yaml'])('10,000-deep nesting in %s is a parse error, not a crash', (name) => {
    const run = lintJson(dir, ['--fix', name]);
    expect(run.stderr).toBe('');
    expect(run.byFile.get(name)).toEqual([[expect.any(Number), expect.any(Number), true, 'Parsing error: Nesting is too deep (more than 500 levels).']]);
    expect(run.status).toBe(2);
    expect(snapshot(dir).get(name)).toEqual(before.get(name));
  });

  test('the nesting limit points at the first level too deep', () => {
    const run = lintJson(dir, ['deep-501.json']);
    // Four objects hold "a" (root, States, x, Parameters): its 497th "[" is level 501.
    const column = pass('').indexOf(': }') + 3 + 496;
    expect(run.byFile.get('deep-501.json')).toEqual([[1, column, true, 'Parsing error: Nesting is too deep (more than 500 levels).']]);
  });

  test('an alias inside the node it names is a parse error at the alias, not endless recursion', () => {
    const run = lintJson(dir, ['--fix', 'alias-cycle.yaml']);
    expect(run.byFile.get('alias-cycle.yaml')).toEqual([[6, 24, true, 'Parsing error: Alias "*p" refers to a node that contains it.']]);
    expect(run.status).toBe(2);
    expect(snapshot(dir).get('alias-cycle.yaml')).toEqual(before.get('alias-cycle.yaml'));
  });

  test('a 4 MB string is linted and fixed exactly like a short one', () => {
    const run = lintJson(dir, ['--fix', 'small.asl.json', 'huge-string.asl.json']);
    expect(run.status).not.toBe(2);
    expect(run.byFile.get('huge-string.asl.json')).toEqual(run.byFile.get('small.asl.json'));
    const small = fs.readFileSync(path.join(dir, 'small.asl.json'), 'utf8');
    expect(small).not.toEqual(before.get('small.asl.json')!.toString('utf8'));
    expect(fs.readFileSync(path.join(dir, 'huge-string.asl.json'), 'utf8') === small.replace(MARKER, huge)).toBe(true);
  });
});
