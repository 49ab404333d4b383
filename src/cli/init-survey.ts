/**
 * What `wf-lint init` looks at before writing a configuration: which kinds of file hold the
 * repository's state machines, which `Resource` its pre-batch and post-batch tasks call (so
 * `--fix` inserts the same form where a file shows none), and which build-output folders exist.
 */
import fs from 'node:fs';
import path from 'node:path';
import { toValue } from '../model/ast';
import { BatchQueries, batchMatchers } from '../model/batch';
import type { HostKind } from '../model/types';
import { discoverFiles } from '../sources/discover';
import { mayHoldMachine, parseSource } from '../sources/parse-source';

/** Folders that tools generate (copies of the real definitions): ignored when present. */
export const BUILD_OUTPUT_FOLDERS = ['cdk.out', '.aws-sam', '.serverless', '.terraform', 'dist', 'build'] as const;

export interface Survey {
  /** Machines found, by host kind and syntax (`cirrus yaml` → 3), in order of first appearance. */
  readonly machines: ReadonlyMap<string, number>;
  readonly files: number;
  /** The most used `Resource` of each role, with how many tasks use it out of how many were seen. */
  readonly resources: { readonly [role in 'pre-batch' | 'post-batch']?: { readonly value: unknown; readonly uses: number; readonly of: number } };
  /** The build-output folders present at the top of the repository. */
  readonly ignores: readonly string[];
}

/** Surveys the repository at `cwd` (honouring .gitignore, skipping build output). */
export function surveyRepository(cwd: string): Survey {
  const ignores = BUILD_OUTPUT_FOLDERS.filter((name) => isDirectory(path.join(cwd, name)));
  const ignored = new Set(ignores.map((name) => path.join(cwd, name)));
  const isIgnored = (file: string) => [...ignored].some((dir) => file === dir || file.startsWith(dir + path.sep));
  const batch = new BatchQueries(batchMatchers(undefined));
  const machines = new Map<string, number>();
  const uses = { 'pre-batch': new Map<string, number>(), 'post-batch': new Map<string, number>() };
  let files = 0;
  for (const { filePath } of discoverFiles(['.'], cwd, isIgnored)) {
    const text = fs.readFileSync(filePath, 'utf8');
    if (!mayHoldMachine(text)) continue;
    const source = parseSource(text, filePath);
    if (source.machines.length > 0) files++;
    for (const machine of source.machines) {
      const kind = `${machine.host.kind} ${machine.host.embedded ? 'embedded-json' : machine.host.syntax}`;
      machines.set(kind, (machines.get(kind) ?? 0) + 1);
      for (const state of machine.states()) {
        const role = batch.roleOf(state);
        const resource = state.field('Resource');
        // A `lambda:invoke` task names its function in Parameters: its Resource alone says nothing.
        if (!role || role.role === 'batch' || role.invoke || !resource) continue;
        const key = JSON.stringify(toValue(resource));
        uses[role.role].set(key, (uses[role.role].get(key) ?? 0) + 1);
      }
    }
  }
  return { machines, files, resources: { ...mostUsed('pre-batch', uses), ...mostUsed('post-batch', uses) }, ignores };
}

function mostUsed(role: 'pre-batch' | 'post-batch', uses: Record<'pre-batch' | 'post-batch', Map<string, number>>): Survey['resources'] {
  const counts = [...uses[role]];
  if (counts.length === 0) return {};
  // Most used first; a tie goes to the form seen first.
  const [key, count] = counts.reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  return { [role]: { value: JSON.parse(key) as unknown, uses: count, of: counts.reduce((n, [, c]) => n + c, 0) } };
}

/** A readable name for a survey kind (`cirrus yaml` → `Cirrus definition.yml (YAML)`). */
export function describeKind(kind: string): string {
  const [host, syntax] = kind.split(' ') as [HostKind, string];
  const hosts: Record<HostKind, string> = {
    asl: 'plain ASL',
    cirrus: 'Cirrus definition.yml',
    serverless: 'serverless.yml',
    cloudformation: 'CloudFormation/SAM',
    typescript: 'TypeScript object literal',
    cdk: 'CDK construct',
  };
  const syntaxes: Record<string, string> = { yaml: 'YAML', json: 'JSON', ts: 'TypeScript', 'embedded-json': 'JSON in a string' };
  return `${hosts[host] ?? host} (${syntaxes[syntax] ?? syntax})`;
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
