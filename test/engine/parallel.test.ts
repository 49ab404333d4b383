/**
 * Worker-thread linting (`--concurrency`, src/engine/parallel.ts): the thread count decisions,
 * and results identical to the single-threaded lint, in the same order — through the pool
 * directly (so the workers surely ran) and through the built CLI. Needs `npm run build`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { WfLint } from '../../src/api/wf-lint';
import { AUTO_MIN_FILES_PER_THREAD, BATCH_SIZE, lintInWorkers, parseConcurrency, threadCount } from '../../src/engine/parallel';
import { discoverFiles } from '../../src/sources/discover';
import { makeFixture, REPO_ROOT, removeFixture, runCliFresh } from '../cli/run-cli';

const WORKER = path.join(REPO_ROOT, 'dist/src/engine/parallel-worker.js');

describe('the number of threads', () => {
  test('parses like ESLint: a positive whole number, auto or off', () => {
    expect(parseConcurrency('4')).toBe(4);
    expect(parseConcurrency('auto')).toBe('auto');
    expect(parseConcurrency('off')).toBe('off');
    for (const bad of ['0', '-1', '1.5', 'two', '']) expect(parseConcurrency(bad)).toBeUndefined();
  });

  test('a number is taken as asked, capped by the files; off is one thread', () => {
    expect(threadCount(2, 10, 8)).toBe(2);
    expect(threadCount(8, 3, 2)).toBe(3);
    expect(threadCount('off', 100_000, 8)).toBe(1);
  });

  test('auto starts a thread per AUTO_MIN_FILES_PER_THREAD files, up to the cores', () => {
    expect(threadCount('auto', AUTO_MIN_FILES_PER_THREAD * 2 - 1, 8)).toBe(1);
    expect(threadCount('auto', AUTO_MIN_FILES_PER_THREAD * 2, 8)).toBe(2);
    expect(threadCount('auto', AUTO_MIN_FILES_PER_THREAD * 100, 4)).toBe(4);
    expect(threadCount('auto', 10, 64)).toBe(1);
  });
});

describe('linting in workers', () => {
  let dir: string;

  beforeAll(() => {
    // More files than a batch holds, of every kind: fixable YAML and JSON, clean, broken, no machine.
    const files: Record<string, string> = {};
    const yaml = fs.readFileSync(path.join(REPO_ROOT, 'examples/asl-yaml/naked-batch.asl.yaml'), 'utf8');
    const json = fs.readFileSync(path.join(REPO_ROOT, 'examples/asl-json/flat-triad.asl.json'), 'utf8');
    const clean = fs.readFileSync(path.join(REPO_ROOT, 'examples/asl-json/compliant.asl.json'), 'utf8');
    for (let i = 0; i < BATCH_SIZE * 3 + 5; i++) {
      const dirName = `group-${i % 4}`;
      files[`${dirName}/m${i}.asl.${['yaml', 'json', 'json'][i % 3]}`] = [yaml, json, clean][i % 3];
    }
    files['group-1/broken.asl.yaml'] = 'StartAt: a\nStates: [\n';
    files['group-2/not-a-workflow.json'] = '{"name": "x"}';
    dir = makeFixture(files);
  });
  afterAll(() => removeFixture(dir));

  test('the pool gives the results of the single-threaded lint, in the same order', async () => {
    const options = { cwd: dir, configLookup: false };
    const single = await new WfLint(options).lintFiles(['.']);
    const files = discoverFiles(['.'], dir, () => false).map((f) => ({ filePath: f.filePath, explicit: f.explicit }));
    const pooled = await lintInWorkers(files, { options }, { threads: 2, script: WORKER, onWarning: () => undefined });
    expect(single.length).toBe(BATCH_SIZE * 3 + 5 + 1);
    expect(pooled).toEqual(single);
  });

  test('the CLI with --concurrency 2 prints exactly what it prints with --concurrency off', () => {
    const off = runCliFresh(dir, ['.', '-f', 'json', '--concurrency', 'off']);
    const two = runCliFresh(dir, ['.', '-f', 'json', '--concurrency', '2']);
    expect(two.stderr).toBe('');
    expect(two.status).toBe(off.status);
    expect(JSON.parse(off.stdout)).toHaveLength(BATCH_SIZE * 3 + 5 + 1);
    expect(two.stdout).toBe(off.stdout);
  });

  test('stylish code frames are the same: workers send results without texts, the main thread re-reads them', () => {
    const off = runCliFresh(dir, ['.', '--concurrency', 'off']);
    const two = runCliFresh(dir, ['.', '--concurrency', '2']);
    expect(off.stdout).toMatch(/^\s+\d+ \| .+\n\s+\| +\^/m);
    expect(two.stdout).toBe(off.stdout);
  });

  test('a bad --concurrency value is a usage error', () => {
    const run = runCliFresh(dir, ['.', '--concurrency', 'many']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('wf-lint: --concurrency expects a positive whole number, "auto" or "off", got "many".\n');
  });
});

describe('a worker that runs out of memory', () => {
  let dir: string;

  beforeAll(() => {
    // A 1.5 MB machine (8,000 states) first, so the first batch cannot fit a 24 MB worker heap,
    // then a batch and one more file of small machines, which can.
    const states: Record<string, unknown> = {};
    for (let i = 0; i < 8000; i++) states[`s${i}`] = { Type: 'Pass', Next: `s${i + 1}`, Parameters: { a: 'x'.repeat(20), b: [1, 2, 3] } };
    states.s8000 = { Type: 'Succeed' };
    const files: Record<string, string> = { 'a/big.asl.json': JSON.stringify({ StartAt: 's0', States: states }, null, 2) };
    const yaml = fs.readFileSync(path.join(REPO_ROOT, 'examples/asl-yaml/naked-batch.asl.yaml'), 'utf8');
    for (let i = 0; i < BATCH_SIZE; i++) files[`b/m${i}.asl.yaml`] = yaml;
    dir = makeFixture(files);
  });
  afterAll(() => removeFixture(dir));

  test('has its batch linted on the main thread; a new worker lints the rest', async () => {
    const options = { cwd: dir, configLookup: false };
    const api = new WfLint(options);
    const single = await api.lintFiles(['.']);
    const files = discoverFiles(['.'], dir, () => false).map((f) => ({ filePath: f.filePath, explicit: f.explicit }));
    expect(files[0]!.filePath).toMatch(/big\.asl\.json$/);
    const here: string[] = [];
    const lintHere = (file: { filePath: string; explicit: boolean }) => {
      here.push(file.filePath);
      return api.lintDiscovered(file.filePath, file.explicit);
    };
    const pooled = await lintInWorkers(files, { options }, { threads: 1, script: WORKER, onWarning: () => undefined, lintHere, resourceLimits: { maxOldGenerationSizeMb: 24 } });
    expect(here).toEqual(files.slice(0, BATCH_SIZE).map((f) => f.filePath));
    expect(pooled).toEqual(single);
  }, 60_000);
});
