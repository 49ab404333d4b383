/**
 * Helpers for the end-to-end CLI tests: they run the BUILT binary (`npm run build` first) in a
 * temporary folder holding fixture files, and parse its output.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const BIN = path.join(REPO_ROOT, 'dist/src/cli/main.js');

if (!fs.existsSync(BIN)) {
  throw new Error(`${BIN} is missing: run "npm run build" before the CLI tests.`);
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const memo = new Map<string, CliRun>();

/**
 * Runs `wf-lint args...` in `cwd`, with `input` on standard input; never a TTY, colour variables
 * removed. Each spawn costs ~0.4 s, so identical runs (same folder, arguments and input) are
 * memoised: only use this for runs with no side effect on the fixture; see `runCliFresh`.
 */
export function runCli(cwd: string, args: readonly string[], input?: string): CliRun {
  const key = JSON.stringify([cwd, args, input ?? '']);
  let run = memo.get(key);
  if (!run) {
    run = runCliFresh(cwd, args, input);
    memo.set(key, run);
  }
  return run;
}

/** One invocation: working folder, arguments, standard input. */
export type RunSpec = readonly [cwd: string, args: readonly string[], input?: string];

/**
 * Runs the side-effect-free invocations a test file needs concurrently (a few at a time) and
 * memoises them, so the tests' own `runCli` / `runJson` calls with the same arguments return at once
 * (a call that was not prefetched just runs then). Use from `beforeAll` with a generous timeout.
 */
export async function prefetch(specs: readonly RunSpec[]): Promise<void> {
  const queue = specs.filter(([cwd, args, input]) => !memo.has(JSON.stringify([cwd, args, input ?? ''])));
  const width = Math.max(2, Math.min(4, os.availableParallelism()));
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [cwd, args, input] = next;
      memo.set(JSON.stringify([cwd, args, input ?? '']), await spawnAsync(cwd, args, input));
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
}

/** The arguments `runJson` passes for `args`. */
export const json = (args: readonly string[]): string[] => [...args, '-f', 'json'];

function spawnAsync(cwd: string, args: readonly string[], input: string | undefined): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cliEnv(), stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  return env;
}

/** `runCli` without memoisation (for runs that write files, or after the fixture changed). */
export function runCliFresh(cwd: string, args: readonly string[], input?: string): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, input: input ?? '', encoding: 'utf8', env: cliEnv(), timeout: 20_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** ESLint's JSON result shape. */
export interface JsonMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  messageId?: string;
  fatal?: boolean;
}
export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  suppressedMessages?: JsonMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

/** Runs with `-f json` appended and parses standard output. */
export function runJson(cwd: string, args: readonly string[], input?: string): CliRun & { results: JsonResult[] } {
  const run = runCli(cwd, json(args), input);
  let results: JsonResult[];
  try {
    results = JSON.parse(run.stdout) as JsonResult[];
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.status}).\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  }
  return { ...run, results };
}

/**
 * A fresh temporary folder (real path, as `process.cwd()` reports it) with `files` written in it.
 * It always holds a `package.json` without `wflint`, so cosmiconfig's "project" search stops there.
 */
export function makeFixture(files: Readonly<Record<string, string>> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'wf-lint-cli-')));
  writeFiles(dir, { 'package.json': '{ "name": "fixture", "private": true }\n', ...files });
  return dir;
}

/** Writes `files` (relative path → content) under `dir`, creating folders. */
export function writeFiles(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

export function removeFixture(dir: string | undefined): void {
  if (dir && dir.startsWith(fs.realpathSync(os.tmpdir()))) fs.rmSync(dir, { recursive: true, force: true });
}

/** `[relative file, line, column, ruleId, severity]` of every message, in output order. */
export function summary(results: readonly JsonResult[], root: string): [string, number, number, string | null, number][] {
  return results.flatMap((r) =>
    r.messages.map((m): [string, number, number, string | null, number] => [rel(root, r.filePath), m.line, m.column, m.ruleId, m.severity]),
  );
}

export function rel(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

// ---------------------------------------------------------------------------------------------
// Fixture workflows (kept inline so that linting the repository never walks into failing files)
// ---------------------------------------------------------------------------------------------

/** The canonical batch group (DESIGN §1) in YAML: lints clean. The group key is line 4, column 3. */
export const COMPLIANT_YAML = `Comment: canonical batch group
StartAt: copy-assets-group
States:
  copy-assets-group:
    Type: Parallel
    Branches:
      - StartAt: copy-assets-pre-batch
        States:
          copy-assets-pre-batch:
            Type: Task
            Resource: arn:aws:lambda:us-west-2:123456789012:function:pre-batch
            Next: copy-assets-batch
          copy-assets-batch:
            Type: Task
            Resource: arn:aws:states:::batch:submitJob.sync
            Parameters:
              JobName: copy-assets
              JobQueue: queue
              JobDefinition: jobdef
              Parameters:
                url.$: $.url
                url_out.$: $.url_out
            Next: copy-assets-post-batch
            Catch:
              - ErrorEquals: [States.ALL]
                ResultPath: $.error
                Next: copy-assets-post-batch
          copy-assets-post-batch:
            Type: Task
            Resource: arn:aws:lambda:us-west-2:123456789012:function:post-batch
            End: true
    OutputPath: $[0]
    Next: done
    Retry:
      - ErrorEquals: [States.ALL]
        MaxAttempts: 2
  done:
    Type: Succeed
`;

/** The canonical group without its group Retry: exactly one warning, `batch/require-group-retry` at 4:3. */
export const WARN_ONLY_YAML = COMPLIANT_YAML.replace('    Retry:\n      - ErrorEquals: [States.ALL]\n        MaxAttempts: 2\n', '');

/** The canonical group with `submitJob` (no `.sync`): exactly one error, `batch/require-sync` at 13:11. */
export const NO_SYNC_YAML = COMPLIANT_YAML.replace('batch:submitJob.sync', 'batch:submitJob');

/** The canonical group in JSON with `submitJob` (no `.sync`): one error, `batch/require-sync` at 11:13 (`"job"`). */
export const NO_SYNC_JSON = `{
  "StartAt": "group",
  "States": {
    "group": {
      "Type": "Parallel",
      "Branches": [
        {
          "StartAt": "pre",
          "States": {
            "pre": { "Type": "Task", "Resource": "arn:aws:lambda:us-west-2:123456789012:function:pre-batch", "Next": "job" },
            "job": {
              "Type": "Task",
              "Resource": "arn:aws:states:::batch:submitJob",
              "Parameters": { "Parameters": { "url.$": "$.url", "url_out.$": "$.url_out" } },
              "Next": "post",
              "Catch": [{ "ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "post" }]
            },
            "post": { "Type": "Task", "Resource": "arn:aws:lambda:us-west-2:123456789012:function:post-batch", "End": true }
          }
        }
      ],
      "OutputPath": "$[0]",
      "Retry": [{ "ErrorEquals": ["States.ALL"], "MaxAttempts": 2 }],
      "End": true
    }
  }
}
`;

/** A lone `submitJob.sync` task at `StartAt` (key at 3:3): six errors from five rules. */
export const NAKED_SYNC_YAML = `StartAt: job
States:
  job:
    Type: Task
    Resource: arn:aws:states:::batch:submitJob.sync
    End: true
`;

/** The rule ids (sorted, with repeats) that NAKED_SYNC_YAML draws under the recommended preset. */
export const NAKED_SYNC_RULES = [
  'batch/require-catch-to-post-batch',
  'batch/require-parallel-group',
  'batch/require-payload-urls',
  'batch/require-payload-urls',
  'batch/require-post-batch',
  'batch/require-pre-batch',
];

/** Every rule id at its recommended severity, as `--print-config` prints it. */
export const RECOMMENDED_RULES: Record<string, [string]> = {
  'batch/require-pre-batch': ['error'],
  'batch/require-post-batch': ['error'],
  'batch/require-parallel-group': ['error'],
  'batch/require-output-path': ['error'],
  'batch/no-native-retry': ['error'],
  'batch/require-catch-to-post-batch': ['error'],
  'batch/require-sync': ['error'],
  'batch/require-payload-urls': ['error'],
  'batch/no-result-override': ['error'],
  'batch/unwrap-lambda-payload': ['error'],
  'batch/require-group-retry': ['warn'],
  'asl/valid-paths': ['error'],
  'asl/valid-jsonata': ['error'],
  'asl/no-path-in-plain-field': ['warn'],
  'asl/valid-choice-rules': ['error'],
  'asl/valid-transition-target': ['error'],
  'asl/no-unreachable-states': ['error'],
  'asl/no-dead-states': ['warn'],
  'asl/require-next-or-end': ['error'],
  'asl/require-terminal-state': ['error'],
  'asl/no-infinite-loop': ['warn'],
  'asl/unique-state-names': ['error'],
  'asl/valid-state-names': ['error'],
  'asl/valid-machine-fields': ['error'],
  'asl/valid-state-fields': ['error'],
  'asl/valid-query-language': ['error'],
  'asl/valid-retry-catch': ['error'],
  'asl/valid-wait': ['error'],
  'asl/valid-fail': ['error'],
  'asl/valid-resource': ['error'],
};
