/**
 * The TypeScript adapter's cost (issue 5), each measure in a fresh process so that loading the
 * compiler is counted once and apart: how long loading ts-morph takes, how long the compiler
 * takes to read and parse the files (`ts.createSourceFile`, the floor), and how long a full lint
 * of the same files takes. DESIGN §5's target: the whole run within 2x of reading and parsing.
 *
 *   node dist/bench/ts-adapter.js [copies]        (default 100 copies of each fixture)
 *   node dist/bench/ts-adapter.js --child-parse <dir>
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runChild } from './scale';

const FIXTURES = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'ts');
const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Every file under `dir`. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** The floor: load the compiler, then read and parse every file with parent links (JSON on stdout). */
function childParse(dir: string): void {
  const start = now();
  const { ts } = require('ts-morph') as typeof import('ts-morph');
  const loaded = now();
  const files = filesUnder(dir);
  for (const file of files) ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  process.stdout.write(JSON.stringify({ loadMs: loaded - start, parseMs: now() - loaded, files: files.length }));
}

/** `copies` copies of each input fixture, under their own folders, as a CDK app keeps them. */
function makeCorpus(copies: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-lint-bench-ts-'));
  const inputs = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.ts') && !f.endsWith('.fixed.ts'));
  for (let i = 0; i < copies; i++) {
    fs.mkdirSync(path.join(dir, `stack-${i}`));
    for (const input of inputs) fs.copyFileSync(path.join(FIXTURES, input), path.join(dir, `stack-${i}`, input));
  }
  return dir;
}

function main(): void {
  const copies = Number(process.argv[2] ?? 100);
  const dir = makeCorpus(copies);
  try {
    const floor = spawnSync(process.execPath, [__filename, '--child-parse', dir], { encoding: 'utf8' });
    if (floor.status !== 0) throw new Error(floor.stderr);
    const { loadMs, parseMs, files } = JSON.parse(floor.stdout) as { loadMs: number; parseMs: number; files: number };
    const lint = runChild('lint', dir);
    const ratio = lint.ms / (loadMs + parseMs);
    const rows = [
      ['TypeScript files', String(files)],
      ['load ts-morph (once)', `${loadMs.toFixed(0)} ms`],
      ['read + ts.createSourceFile', `${parseMs.toFixed(0)} ms`],
      ['wf-lint run (load included)', `${lint.ms.toFixed(0)} ms, ${lint.maxRssMb.toFixed(0)} MB peak RSS`],
      ['run / (load + parse)', `${ratio.toFixed(2)}x (target <= 2x)`],
    ];
    process.stdout.write(`| measure | result |\n|---|---|\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child-parse') childParse(process.argv[3]);
else if (require.main === module) main();
