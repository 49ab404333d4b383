/** src/cli/write-report.ts: a report in pieces reaches stdout or the -o file whole, in order. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { writeReport } from '../../src/cli/write-report';

// Pieces of every size around the 64 KiB batch, with characters outside Latin-1 and a lone surrogate.
const PIECES = ['[', 'é'.repeat(70_000), ',', '✖ x'.repeat(30_000), '', '\ud800', 'end\n'];

function captured(pieces: Iterable<string>): string {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  writeReport(pieces, undefined, out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-lint-write-report-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('stdout receives the concatenation of the pieces', () => {
  expect(captured(PIECES)).toBe(Buffer.from(PIECES.join(''), 'utf8').toString('utf8'));
});

test('the -o file (and its folders) holds the concatenation, replacing what was there', () => {
  const file = path.join(dir, 'a/b/report.txt');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'x'.repeat(500_000));
  writeReport(PIECES, file, new PassThrough());
  expect(fs.readFileSync(file)).toEqual(Buffer.from(PIECES.join(''), 'utf8'));
});

test('an empty report writes nothing to stdout but still creates an empty -o file', () => {
  expect(captured([])).toBe('');
  const file = path.join(dir, 'empty/report.txt');
  writeReport([''], file, new PassThrough());
  expect(fs.readFileSync(file, 'utf8')).toBe('');
});
