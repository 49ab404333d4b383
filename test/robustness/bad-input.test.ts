/**
 * Bad input never loses data (issue 8), through the built CLI: unparseable YAML and JSON, binary
 * files, invalid UTF-8, BOM + CRLF. Each file gets its own message naming it, with a line and
 * column, the exit code says why (2 for a file that cannot be linted), and `--fix` leaves every
 * file it cannot fix byte-identical. Needs `npm run build`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { makeFixture, removeFixture } from '../cli/run-cli';
import { FIXABLE_JSON, FIXABLE_YAML, lintJson, snapshot, type Brief } from './inputs';

// A PNG header: invalid UTF-8 first, then a control character (U+001A) at the start of line 2.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]);
const latin1 = (utf8: Buffer, from: string, to: string): Buffer => {
  const at = utf8.indexOf(from);
  expect(at).toBeGreaterThan(-1);
  return Buffer.concat([utf8.subarray(0, at), Buffer.from(to, 'latin1'), utf8.subarray(at + from.length)]);
};
const bomCrlf = (text: Buffer): Buffer => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.toString('utf8').replace(/\n/g, '\r\n'))]);

describe('files that cannot be linted', () => {
  let dir: string;
  let before: Map<string, Buffer>;

  beforeAll(() => {
    dir = makeFixture();
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'a: [1, 2\nb: : :\n');
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"StartAt": "a", "States": {,}}');
    fs.writeFileSync(path.join(dir, 'image.json'), PNG);
    fs.writeFileSync(path.join(dir, 'image.yaml'), PNG);
    before = snapshot(dir);
  });
  afterAll(() => removeFixture(dir));

  test.each<[string, Brief]>([
    ['broken.yaml', [2, 1, true, 'Parsing error: Flow sequence in block collection must be sufficiently indented and end with a ].']],
    ['broken.json', [1, 29, true, 'Parsing error: Expected a value.']],
    ['image.json', [1, 1, true, 'Parsing error: Unexpected character.']],
    ['image.yaml', [2, 1, true, 'Parsing error: Unexpected control character U+001A: this is not a YAML text file.']],
  ])('%s: one fatal message with its position, exit 2, and --fix changes no byte', (name, expected) => {
    const run = lintJson(dir, ['--fix', name]);
    expect(run.byFile.get(name)).toEqual([expected]);
    expect(run.status).toBe(2);
    expect(snapshot(dir)).toEqual(before);
  });

  test('a folder walk skips them (they cannot hold a machine) and writes nothing', () => {
    const run = lintJson(dir, ['--fix', '.']);
    // broken.json names StartAt and States: it is parsed, and reported.
    expect([...run.byFile.keys()]).toEqual(['broken.json']);
    expect(run.status).toBe(2);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('invalid UTF-8 in a fixable workflow', () => {
  let dir: string;
  const files: Record<string, Buffer> = {};

  beforeAll(() => {
    // One byte of Latin-1 in a comment or a Comment: the rest of the workflow is fine.
    files['latin1.asl.yaml'] = latin1(FIXABLE_YAML, 'Convert a scene', 'Convért a scene');
    files['latin1.asl.json'] = latin1(FIXABLE_JSON, 'Flat pre-batch', 'Flät pre-batch');
    dir = makeFixture({ 'valid.asl.yaml': FIXABLE_YAML.toString('utf8'), 'valid.asl.json': FIXABLE_JSON.toString('utf8') });
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
  });
  afterAll(() => removeFixture(dir));

  test.each([
    ['latin1.asl.yaml', 'valid.asl.yaml'],
    ['latin1.asl.json', 'valid.asl.json'],
  ])('%s is linted like its UTF-8 twin', (name, twin) => {
    const run = lintJson(dir, [name, twin]);
    expect(run.byFile.get(name)!.length).toBeGreaterThan(0);
    expect(run.byFile.get(name)).toEqual(run.byFile.get(twin));
    expect(run.status).toBe(1);
  });

  test.each(['latin1.asl.yaml', 'latin1.asl.json'])('--fix refuses to rewrite %s: its bytes are kept, and the refusal is reported', (name) => {
    const lint = lintJson(dir, [name]);
    const run = lintJson(dir, ['--fix', name]);
    const refusal: Brief = [1, 1, false, 'Cannot write the fixes: the file is not valid UTF-8, and rewriting it would change its other bytes.'];
    expect(run.byFile.get(name)).toEqual([refusal, ...lint.byFile.get(name)!]);
    expect(run.status).toBe(1);
    expect(fs.readFileSync(path.join(dir, name))).toEqual(files[name]);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.wf-lint-'))).toEqual([]);
  });
});

describe('BOM and CRLF', () => {
  let dir: string;

  beforeAll(() => {
    dir = makeFixture({ 'lf.asl.yaml': FIXABLE_YAML.toString('utf8'), 'lf.asl.json': FIXABLE_JSON.toString('utf8') });
    fs.writeFileSync(path.join(dir, 'crlf.asl.yaml'), bomCrlf(FIXABLE_YAML));
    fs.writeFileSync(path.join(dir, 'crlf.asl.json'), bomCrlf(FIXABLE_JSON));
  });
  afterAll(() => removeFixture(dir));

  test.each([
    ['crlf.asl.yaml', 'lf.asl.yaml'],
    ['crlf.asl.json', 'lf.asl.json'],
  ])('%s has the same messages at the same lines and columns as its LF twin', (name, twin) => {
    const run = lintJson(dir, [name, twin]);
    expect(run.byFile.get(name)!.length).toBeGreaterThan(3);
    expect(run.byFile.get(name)).toEqual(run.byFile.get(twin));
  });

  test.each([
    ['crlf.asl.yaml', 'lf.asl.yaml'],
    ['crlf.asl.json', 'lf.asl.json'],
  ])('--fix on %s keeps the BOM and every CRLF: the fixed LF twin, byte for byte, in CRLF', (name, twin) => {
    const run = lintJson(dir, ['--fix', name, twin]);
    expect(run.status).not.toBe(2);
    const fixedTwin = fs.readFileSync(path.join(dir, twin));
    expect(fixedTwin.equals(FIXABLE_YAML) || fixedTwin.equals(FIXABLE_JSON)).toBe(false);
    expect(fs.readFileSync(path.join(dir, name))).toEqual(bomCrlf(fixedTwin));
  });
});
