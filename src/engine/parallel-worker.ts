/**
 * A worker thread of the parallel lint (src/engine/parallel.ts): builds its own `WfLint` from the
 * options it was started with, then lints each batch of files it is sent and replies with the
 * results in the same order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toTransfer } from '../api/lazy-source';
import { WfLint, type WfLintOptions } from '../api/wf-lint';
import type { WorkerReply, WorkerSetup, WorkerTask } from './parallel';

const setup = workerData as WorkerSetup;
let warnings: string[] = [];
const api = new WfLint({ ...(setup.options as WfLintOptions), onWarning: (warning) => warnings.push(warning) });

parentPort?.on('message', (task: WorkerTask) => {
  warnings = [];
  try {
    const results = task.files.map((file) => {
      const result = api.lintDiscovered(file.filePath, file.explicit);
      return result ? toTransfer(result) : null;
    });
    parentPort?.postMessage({ first: task.first, results, warnings } satisfies WorkerReply);
  } catch (error) {
    parentPort?.postMessage({ first: task.first, results: [], warnings: [], error: (error as Error).stack ?? String(error) } satisfies WorkerReply);
  }
});
