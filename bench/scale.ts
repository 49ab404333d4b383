/**
 * The large-run measures of `npm run bench` (issue 8), each in a fresh child process so that
 * peak RSS and module loading are those of one run:
 *   - the scaling curve: a full lint of generated corpora of 1k / 5k / 10k / 20k definitions,
 *     single-threaded and with `--concurrency auto` (worker threads), ms and peak RSS;
 *   - `--fix` on 1,000 non-compliant files against linting the same files;
 *   - proof that a YAML/JSON run never loads ts-morph or typescript (require.cache after the run);
 *   - the CLI as users run it, `node dist/src/cli/main.js <dir>` with default options (stylish, then
 *     `-f json`), peak RSS of the whole process (worker threads included) at 10,000 definitions.
 *
 *   node dist/bench/scale.js --child lint <dir> <off|auto|n>   (one measured run, JSON on stdout)
 *   node dist/bench/scale.js --child fix <dir>
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WfLint } from '../src/api/wf-lint';
import { parseConcurrency } from '../src/engine/parallel';
import { generateCorpus, type Manifest } from './generate';

const now = () => Number(process.hrtime.bigint()) / 1e6;

export interface ChildRun {
  readonly ms: number;
  readonly maxRssMb: number;
  readonly files: number;
  /** Modules of the TypeScript adapter found in require.cache after the run. */
  readonly tsModulesLoaded: string[];
}

const TS_MODULES = /node_modules\/(ts-morph|typescript|@ts-morph)\//;

async function childMain(kind: string, dir: string, concurrency: string): Promise<void> {
  const start = now();
  let files: number;
  if (kind === 'fix') {
    const api = new WfLint({ cwd: dir, configLookup: false, ignore: false, fix: true, onWarning: () => undefined, concurrency: 'off' });
    files = (await api.outputFixes(await api.lintFiles([dir]))).length;
  } else {
    const api = new WfLint({ cwd: dir, configLookup: false, ignore: false, concurrency: parseConcurrency(concurrency) ?? 'off' });
    files = (await api.lintFiles([dir])).length;
  }
  const ms = now() - start;
  const tsModulesLoaded = [...new Set(Object.keys(require.cache).filter((f) => TS_MODULES.test(f)).map((f) => TS_MODULES.exec(f)![1]))];
  const run: ChildRun = { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, files, tsModulesLoaded };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

export function runChild(kind: 'lint' | 'fix', dir: string, concurrency = 'off'): ChildRun {
  const child = spawnSync(process.execPath, [__filename, '--child', kind, dir, concurrency], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`child ${kind} ${dir} failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() as string) as ChildRun;
}

export interface ScalePoint {
  readonly definitions: number;
  readonly files: number;
  readonly megabytes: number;
  readonly single: ChildRun;
  readonly parallel: ChildRun;
  readonly threads: string;
}

/** Generates (or reuses) a corpus of `definitions` under `root` and lints it twice in children. */
export function scalePoint(root: string, definitions: number, seed: number, log: (line: string) => void): ScalePoint {
  const dir = path.join(root, `scale-${definitions}`);
  const manifest = corpusAt(dir, definitions, seed);
  const single = runChild('lint', dir, 'off');
  const parallel = runChild('lint', dir, 'auto');
  if (single.files !== manifest.files || parallel.files !== manifest.files) {
    throw new Error(`scale ${definitions}: linted ${single.files} / ${parallel.files} files of ${manifest.files}`);
  }
  log(`  ${definitions} definitions: one thread ${Math.round(single.ms)} ms (${Math.round(single.maxRssMb)} MB), auto ${Math.round(parallel.ms)} ms (${Math.round(parallel.maxRssMb)} MB)`);
  return { definitions: manifest.definitions, files: manifest.files, megabytes: manifest.bytes / 1e6, single, parallel, threads: 'auto' };
}

/** Only the one-thread lint of a scale point (its peak RSS is the 10k target); for `bench --only rss`. */
export function scaleSingle(root: string, definitions: number, seed: number): ChildRun {
  const dir = path.join(root, `scale-${definitions}`);
  corpusAt(dir, definitions, seed);
  return runChild('lint', dir, 'off');
}

/** One run of the CLI: peak RSS of the process, wall time, exit status. */
export interface CliRun {
  readonly format: 'stylish' | 'json';
  readonly maxRssMb: number;
  readonly ms: number;
  readonly status: number;
}

/**
 * Preloaded (`node -r`) into the measured CLI: reports the process's peak RSS on stderr when it
 * exits. The CLI itself runs unchanged, as `require.main`, with nothing else loaded.
 */
const MAX_RSS_PRELOAD = `process.on('exit', () => process.stderr.write('\\nWF_LINT_MAX_RSS_KB=' + process.resourceUsage().maxRSS + '\\n'));\n`;

/**
 * `node dist/src/cli/main.js <dir>` with default options (`--concurrency auto`), stylish and
 * `-f json`, each in a fresh process, at the scale point of `definitions`. The report goes to
 * /dev/null (a file: the CLI's writes are synchronous, as to a terminal or a pipe on Linux).
 * Exit 1 is the corpus's lint errors; anything else is a failure.
 */
export function cliPeakRss(root: string, definitions: number, seed: number, cli: string): CliRun[] {
  const dir = path.join(root, `scale-${definitions}`);
  corpusAt(dir, definitions, seed);
  const preload = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wf-lint-rss-')), 'max-rss.js');
  fs.writeFileSync(preload, MAX_RSS_PRELOAD);
  try {
    return (['stylish', 'json'] as const).map((format) => {
      const start = now();
      const child = spawnSync(process.execPath, ['-r', preload, cli, dir, ...(format === 'json' ? ['-f', 'json'] : [])], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      const ms = now() - start;
      const kb = /\nWF_LINT_MAX_RSS_KB=(\d+)\n$/.exec(child.stderr);
      if ((child.status !== 0 && child.status !== 1) || !kb) throw new Error(`CLI ${format} on ${dir} failed (${child.status}): ${child.stderr}`);
      return { format, maxRssMb: Number(kb[1]) / 1024, ms, status: child.status };
    });
  } finally {
    fs.rmSync(path.dirname(preload), { recursive: true, force: true });
  }
}

function corpusAt(dir: string, definitions: number, seed: number): Manifest {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.txt'), 'utf8')) as Manifest;
    if (m.requestedDefinitions === definitions && m.seed === seed) return m;
  } catch {
    // generate below
  }
  return generateCorpus({ out: dir, definitions, seed });
}

export interface FixComparison {
  readonly files: number;
  readonly lintMs: number;
  readonly fixMs: number;
  readonly ratio: number;
  readonly fixedFiles: number;
}

/**
 * `--fix` (lint, fix loop, atomic writes) on `count` files that have fixable problems, against a
 * plain lint of the same files; each run on a fresh copy, in a fresh process, best of `runs`.
 */
export function compareFix(fixable: readonly string[], count: number, runs: number, root: string): FixComparison {
  const chosen = fixable.slice(0, count);
  const copy = (name: string) => {
    const dir = path.join(root, name);
    fs.rmSync(dir, { recursive: true, force: true });
    chosen.forEach((file, i) => {
      const target = path.join(dir, String(i % 50), `${i}-${path.basename(file)}`);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(file, target);
    });
    return dir;
  };
  let lintMs = Infinity;
  let fixMs = Infinity;
  let fixedFiles = 0;
  for (let i = 0; i < runs; i++) {
    lintMs = Math.min(lintMs, runChild('lint', copy('fix-lint'), 'off').ms);
    const dir = copy('fix-fix');
    fixMs = Math.min(fixMs, runChild('fix', dir).ms);
    fixedFiles = chosen.filter((file, j) => !fs.readFileSync(path.join(dir, String(j % 50), `${j}-${path.basename(file)}`)).equals(fs.readFileSync(file))).length;
  }
  return { files: chosen.length, lintMs, fixMs, ratio: fixMs / lintMs, fixedFiles };
}

if (require.main === module && process.argv[2] === '--child') {
  childMain(process.argv[3], process.argv[4], process.argv[5] ?? 'off').catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
