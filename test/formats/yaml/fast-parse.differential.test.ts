/**
 * The fast YAML path against the `yaml` path, over every YAML file at hand and over generated
 * and mutated documents: it either declines (undefined) or returns the very same roots. The
 * counts of files it takes prove it does not quietly decline everything.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { generateCorpus } from '../../../bench/generate';
import { parseYamlFast } from '../../../src/formats/yaml/fast-parse';
import { parseYamlWithYamlLibrary } from '../../../src/formats/yaml/parse';
import { machineCase } from '../../property/arbitraries';
import { fuzzCase } from '../../property/fuzz-documents';
import { CORPUS, EXAMPLES, filesUnder } from '../corpus';

const YAML_FILE = /\.ya?ml$/;
const TEST_DIR = path.resolve(__dirname, '../..');

/** Parses `text` both ways; returns whether the fast path took it (failing if it differs). */
function fastPathAgrees(text: string, name: string): boolean {
  const fast = parseYamlFast(text);
  if (fast === undefined) return false;
  const slow = parseYamlWithYamlLibrary(text);
  // The fast path must decline whatever `yaml` reports as an error.
  expect({ name, error: slow.error }).toEqual({ name, error: undefined });
  expect(fast).toEqual(slow.roots);
  return true;
}

function takenCount(files: readonly string[]): number {
  return files.filter((file) => fastPathAgrees(fs.readFileSync(file, 'utf8'), file)).length;
}

describe('every YAML file in the repository and the shared corpora', () => {
  test('examples: all taken, all identical', () => {
    const files = filesUnder(EXAMPLES, YAML_FILE);
    expect(files.length).toBeGreaterThan(0);
    expect(takenCount(files)).toBe(files.length);
  });

  test('test fixtures and test YAML: all taken, all identical', () => {
    const files = filesUnder(TEST_DIR, YAML_FILE);
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(takenCount(files)).toBe(files.length);
  });

  test('corpus/real: all taken (none has anchors or other tags), all identical', () => {
    const files = filesUnder(path.join(CORPUS, 'real'), YAML_FILE);
    expect(files.length).toBe(13);
    expect(takenCount(files)).toBe(13);
  });

  test('corpus/peers: all taken but the one with a key and no value at the end of a map', () => {
    const files = filesUnder(path.join(CORPUS, 'peers'), YAML_FILE);
    expect(files.length).toBe(60);
    expect(takenCount(files)).toBe(59);
  });

  test('a generated bench corpus: every YAML file taken, all identical', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-lint-fast-yaml-'));
    try {
      generateCorpus({ out, definitions: 150, seed: 7 });
      const files = filesUnder(out, YAML_FILE);
      expect(files.length).toBeGreaterThan(50);
      expect(takenCount(files)).toBe(files.length);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

test('property: generated and mutated documents are declined or parsed identically', () => {
  let taken = 0;
  fc.assert(
    fc.property(fuzzCase(20_000), (c) => {
      if (fastPathAgrees(c.text, c.kind)) taken++;
    }),
    { seed: 20261128, numRuns: 300 },
  );
  // Valid workflows are a fair share of the cases and nearly all of them are taken.
  expect(taken).toBeGreaterThan(30);
});

/**
 * Comment and blank lines at any column between the lines of a workflow: where `yaml` attaches
 * them decides where collections end, the subtlest part of the fast path (blockCollectionEnds).
 */
const commentLine = fc.record({
  line: fc.double({ min: 0, max: 1, noNaN: true }),
  column: fc.integer({ min: 0, max: 14 }),
  text: fc.constantFrom('# c', '#', '# c  ', '', '  '),
});

test('property: comment and blank lines inserted anywhere are declined or parsed identically', () => {
  let taken = 0;
  fc.assert(
    fc.property(machineCase, fc.array(commentLine, { minLength: 1, maxLength: 6 }), fc.boolean(), (c, inserts, crlf) => {
      const lines = c.text.split('\n');
      for (const insert of inserts) lines.splice(Math.floor(insert.line * (lines.length + 1)), 0, ' '.repeat(insert.column) + insert.text);
      const text = crlf ? lines.join('\r\n') : lines.join('\n');
      if (fastPathAgrees(text, c.filePath)) taken++;
    }),
    { seed: 20261129, numRuns: 200 },
  );
  // Half the cases are JSON renderings, declined: their closing brackets sit at column 0.
  expect(taken).toBeGreaterThan(60);
});
