/**
 * Shared pieces of the robustness tests: fixable workflows from `examples/`, byte snapshots of a
 * folder, and the CLI run in JSON format with every message reduced to what a test asserts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, REPO_ROOT, type CliRun, type JsonResult } from '../cli/run-cli';

/** A YAML workflow with 8 errors, 4 of them fixable (a bare Batch task). */
export const FIXABLE_YAML = fs.readFileSync(path.join(REPO_ROOT, 'examples/asl-yaml/naked-batch.asl.yaml'));
/** A JSON workflow with fixable errors (a flat pre-batch → batch → post-batch triad). */
export const FIXABLE_JSON = fs.readFileSync(path.join(REPO_ROOT, 'examples/asl-json/flat-triad.asl.json'));

/** The bytes of every regular file under `dir` (relative path → content), symlinks not followed. */
export function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const visit = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) {
        try {
          files.set(path.relative(dir, full), fs.readFileSync(full));
        } catch {
          files.set(path.relative(dir, full), Buffer.from('<unreadable>'));
        }
      }
    }
  };
  visit(dir);
  return files;
}

export type Brief = [line: number, column: number, fatal: boolean, message: string];

/** Runs `wf-lint ...args -f json` in `cwd`; the messages of each file as `[line, column, fatal, message]`. */
export function lintJson(cwd: string, args: readonly string[], options: { uid?: number } = {}): CliRun & { byFile: Map<string, Brief[]> } {
  const run = runBin(cwd, [...args, '-f', 'json'], options);
  let results: JsonResult[];
  try {
    results = JSON.parse(run.stdout) as JsonResult[];
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.status}).\nstdout: ${run.stdout.slice(0, 2000)}\nstderr: ${run.stderr.slice(0, 2000)}`);
  }
  const byFile = new Map<string, Brief[]>();
  for (const result of results) {
    byFile.set(
      path.relative(cwd, result.filePath),
      result.messages.map((m): Brief => [m.line, m.column, m.fatal === true, m.message]),
    );
  }
  return { ...run, byFile };
}

/** One run of the built CLI; `uid` runs it as another user (only root may ask). */
export function runBin(cwd: string, args: readonly string[], options: { uid?: number } = {}): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Running as root: `chmod 000` does not stop reading, nor a missing write bit writing. */
export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
