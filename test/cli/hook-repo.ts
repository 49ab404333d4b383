/**
 * For the tests that run the real `pre-commit`: a throwaway hook repository holding this
 * repository's `.pre-commit-hooks.yaml` verbatim and a package whose `wf-lint` binary is the built
 * CLI, so pre-commit's `language: node` install needs no registry; and a git helper.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, REPO_ROOT } from './run-cli';

/** True when `pre-commit` can be run (it is not installed in CI: tests that need it are skipped). */
export const havePreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

/** Creates the hook repository in `dir` (committed) and returns its head commit. */
export function makeHookRepo(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), path.join(dir, '.pre-commit-hooks.yaml'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'wf-lint-hook-shim', version: '0.0.0', bin: { 'wf-lint': 'cli.js' } }));
  fs.writeFileSync(
    path.join(dir, 'cli.js'),
    `#!/usr/bin/env node\nrequire(${JSON.stringify(BIN)}).main(process.argv.slice(2)).then((code) => { process.exitCode = code; });\n`,
    { mode: 0o755 },
  );
  git(dir, 'init', '-q', '.');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'hooks');
  return git(dir, 'rev-parse', 'HEAD').trim();
}

/** Runs git in `cwd` with a fixed identity; throws when it fails. */
export function git(cwd: string, ...args: string[]): string {
  const run = spawnSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=test', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

/** Runs `pre-commit args...` in `cwd` with its own home under `home` and no colour. */
export function preCommit(cwd: string, home: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, PRE_COMMIT_HOME: home, NO_COLOR: '1' };
  return spawnSync('pre-commit', [...args, '--color', 'never'], { cwd, env, encoding: 'utf8', timeout: 100_000 });
}
