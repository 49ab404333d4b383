/**
 * Linting in a pool of worker threads (`--concurrency`, as ESLint 9.34's option). The main thread
 * discovers the files; workers lint them in batches handed out on demand, each with its own
 * `WfLint` built from the same options; results come back by index, so the output order is the
 * discovery order whatever finishes first. Worker threads are loaded only when used.
 *
 * `auto` uses workers only when there are enough files to pay for them. A worker spends ~170 ms
 * of CPU loading the linter, then the `yaml` module and a JIT warm-up, before its files go at full
 * speed, and every result is copied back to the main thread. Measured by `npm run bench` (2 cores,
 * Node 20, bench/results.md scaling table): two threads were 10% slower than one on 856 files,
 * 16% faster on 4,269 and 31% faster on 8,604. `auto` therefore asks for 600 files per thread:
 * two threads from 1,200 files, where the gain is already clear.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { fromTransfer, type TransferredResult } from '../api/lazy-source';
import type { LintResult } from './types';

export type Concurrency = number | 'auto' | 'off';

/** Files per thread below which `auto` does not start a thread (see the module comment). */
export const AUTO_MIN_FILES_PER_THREAD = 600;
/** Files handed to a worker at a time: large enough to amortise messages, small enough to balance. */
export const BATCH_SIZE = 16;

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

/**
 * Lints `files` in `threads` workers; resolves to the results in the order of `files`, without the
 * walked files that held no machine. Fix warnings are passed to `onWarning` in file order too.
 */
export async function lintInWorkers(
  files: readonly DiscoveredFile[],
  setup: WorkerSetup,
  threads: number,
  script: string,
  onWarning: (warning: string) => void,
): Promise<LintResult[]> {
  const { Worker } = await import('node:worker_threads');
  const slots: (LintResult | null)[] = new Array(files.length).fill(null);
  const warnings: string[][] = new Array(files.length).fill(undefined).map(() => []);
  let next = 0;
  const workers: InstanceType<typeof Worker>[] = [];
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(script, { workerData: setup });
      workers.push(worker);
      const send = () => {
        if (next >= files.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const first = next;
        next += BATCH_SIZE;
        worker.postMessage({ first, files: files.slice(first, first + BATCH_SIZE) } satisfies WorkerTask);
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
      worker.on('error', reject);
      worker.on('online', send);
    });
  try {
    await Promise.all(Array.from({ length: threads }, runWorker));
  } catch (error) {
    // One worker failed: the others must not keep the process alive.
    await Promise.all(workers.map((w) => w.terminate()));
    throw error;
  }
  for (const list of warnings) list.forEach(onWarning);
  return slots.filter((result): result is LintResult => result !== null);
}
