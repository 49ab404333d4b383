/**
 * Linting in a pool of worker threads (`--concurrency`, as ESLint 9.34's option). The main thread
 * discovers the files; workers lint them in batches handed out on demand, each with its own
 * `WfLint` built from the same options; results come back by index, so the output order is the
 * discovery order whatever finishes first. Worker threads are loaded only when used.
 *
 * `auto` uses workers only when there are enough files to pay for them. A worker spends ~170 ms
 * of CPU loading the linter, then its own JIT warm-up (a first lint of the bench corpus costs
 * about twice a warm one), before its files go at full speed, and every result is copied back to
 * the main thread. Once the YAML fast path and the engine work of issue 8 halved the cost of a
 * file, that fixed cost weighed more: CLI, `-f json`, 2 cores, Node 20, two interleaved runs each
 * (`/usr/bin/time`, /tmp/wf-lint-bench-scale): 4,269 files one thread 7.7/5.6 s, two threads
 * 7.1/6.6 s; 8,604 files 10.8/9.4 s vs 9.8/9.7 s (no gain, +45% CPU); 17,236 files 20.0/21.6 s
 * vs 16.5/20.2 s (7-17% faster). `auto` therefore asks for 5,000 files per thread: two threads
 * from 10,000 files, between the measured break-even and the first clear gain.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { fromTransfer, type TransferredResult } from '../api/lazy-source';
import type { ResourceLimits } from 'node:worker_threads';
import type { LintResult } from './types';

export type Concurrency = number | 'auto' | 'off';

/** Files per thread below which `auto` does not start a thread (see the module comment). */
export const AUTO_MIN_FILES_PER_THREAD = 5_000;
/** Files handed to a worker at a time: large enough to amortise messages, small enough to balance. */
export const BATCH_SIZE = 16;

/**
 * The heap of each worker. V8 sizes a heap by its maximum: under Node's default (a share of the
 * machine's memory) it lets the old generation grow to up to 4 times what is alive before a full
 * collection, and the young generation to 48 MB; a worker lints with ~20 MB alive, so most of its
 * heap is garbage waiting, times two workers, plus the main thread. A 512 MB maximum caps that
 * growth near 1.4 times, and a 24 MB young generation (8 MB semi-spaces) still holds a batch's
 * short-lived parse trees. Peak RSS of the CLI, 10,000 definitions, 2 workers, `-f json`, one run
 * each on a loaded 2-core machine (±20 MB between runs): no limits 306 MB, old cap alone 234 MB,
 * both 203 MB (these limits with 16 MB young or a 256 MB cap: 201–208 MB, no better). Most of the
 * rest is the main thread's own young generation (`node --max-semi-space-size=2`: 153 MB).
 * A file too large for 512 MB (a 12 MB JSON machine fits) kills its worker with
 * ERR_WORKER_OUT_OF_MEMORY, and its batch is linted on the main thread (`lintHere`).
 */
export const WORKER_RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 24 };

/** Parses the CLI value: a positive integer, `auto` or `off`; undefined when it is none of them. */
export function parseConcurrency(value: string): Concurrency | undefined {
  if (value === 'auto' || value === 'off') return value;
  return /^[1-9]\d*$/.test(value) ? Number(value) : undefined;
}

/**
 * How many threads to lint `files` files with (1 = the main thread alone). A number is taken as
 * asked (capped by the number of files), as in ESLint; `auto` weighs the files against the cores.
 */
export function threadCount(concurrency: Concurrency, files: number, cores = os.availableParallelism()): number {
  if (concurrency === 'off') return 1;
  if (concurrency === 'auto') return Math.max(1, Math.min(cores, Math.floor(files / AUTO_MIN_FILES_PER_THREAD)));
  return Math.max(1, Math.min(concurrency, files));
}

/** The compiled worker; absent when running from TypeScript sources (tests under ts-jest). */
export function workerScript(): string | undefined {
  const script = path.join(__dirname, 'parallel-worker.js');
  return fs.existsSync(script) ? script : undefined;
}

export interface DiscoveredFile {
  readonly filePath: string;
  readonly explicit: boolean;
}

/** What a worker is told once: the options of its `WfLint` (plain data only). */
export interface WorkerSetup {
  readonly options: Record<string, unknown>;
}

/** main → worker: lint these files. */
export interface WorkerTask {
  readonly first: number;
  readonly files: readonly DiscoveredFile[];
}

/** worker → main: the results of a task (null where a walked file held no machine), and warnings. */
export interface WorkerReply {
  readonly first: number;
  readonly results: readonly (TransferredResult | null)[];
  readonly warnings: readonly string[];
  readonly error?: string;
}

/** How `lintInWorkers` runs. */
export interface PoolOptions {
  readonly threads: number;
  readonly script: string;
  readonly onWarning: (warning: string) => void;
  /** Lints a file on this thread: the fallback for a batch whose worker ran out of memory. */
  readonly lintHere?: (file: DiscoveredFile) => LintResult | undefined;
  readonly resourceLimits?: ResourceLimits;
}

/**
 * Lints `files` in worker threads; resolves to the results in the order of `files`, without the
 * walked files that held no machine. Fix warnings are passed to `onWarning` in file order too.
 * A worker that runs out of memory (within `resourceLimits`) dies: with `lintHere`, its batch is
 * linted on this thread, whose heap has no such limit, and a new worker carries on.
 */
export async function lintInWorkers(files: readonly DiscoveredFile[], setup: WorkerSetup, pool: PoolOptions): Promise<LintResult[]> {
  const { Worker } = await import('node:worker_threads');
  const { lintHere, resourceLimits = WORKER_RESOURCE_LIMITS } = pool;
  const slots: (LintResult | null)[] = new Array(files.length).fill(null);
  const warnings: string[][] = new Array(files.length).fill(undefined).map(() => []);
  let next = 0;
  const workers = new Set<InstanceType<typeof Worker>>();
  /** One worker, batch after batch: resolves when no batch is left, or to the batch it was on when it ran out of memory. */
  const runWorker = () =>
    new Promise<number | undefined>((resolve, reject) => {
      const worker = new Worker(pool.script, { workerData: setup, resourceLimits });
      workers.add(worker);
      let current: number | undefined;
      const send = () => {
        if (next >= files.length) {
          void worker.terminate().then(() => resolve(undefined));
          return;
        }
        current = next;
        next += BATCH_SIZE;
        worker.postMessage({ first: current, files: files.slice(current, current + BATCH_SIZE) } satisfies WorkerTask);
      };
      worker.on('message', (reply: WorkerReply) => {
        if (reply.error) {
          void worker.terminate();
          reject(new Error(reply.error));
          return;
        }
        // Results come without their file texts (a code frame re-reads the file here).
        reply.results.forEach((result, i) => (slots[reply.first + i] = result && fromTransfer(result)));
        if (reply.warnings.length > 0) warnings[reply.first].push(...reply.warnings);
        send();
      });
      worker.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY' && lintHere && current !== undefined) resolve(current);
        else reject(error);
      });
      worker.on('exit', () => workers.delete(worker));
      worker.on('online', send);
    });
  const lane = async () => {
    while (next < files.length) {
      const failed = await runWorker();
      if (failed === undefined) return;
      // That batch is linted here; a new worker takes the batches that are left.
      files.slice(failed, failed + BATCH_SIZE).forEach((file, i) => (slots[failed + i] = lintHere?.(file) ?? null));
    }
  };
  try {
    await Promise.all(Array.from({ length: pool.threads }, lane));
  } catch (error) {
    // One worker failed: the others must not keep the process alive.
    await Promise.all([...workers].map((w) => w.terminate()));
    throw error;
  }
  for (const list of warnings) list.forEach(pool.onWarning);
  return slots.filter((result): result is LintResult => result !== null);
}
