/**
 * `wf-lint graph FILE [--machine NAME] [--format mermaid|dot] [--fixed]`: draws a state machine
 * with its problems marked; `--fixed` draws it as `--fix` would leave it (nothing is written).
 */
import fs from 'node:fs';
import path from 'node:path';
import yargs from 'yargs';
import { WfLint } from '../api/wf-lint';
import { ConfigError } from '../config/types';
import { toDot } from '../graph/dot';
import { buildGraph } from '../graph/machine-graph';
import { toMermaid } from '../graph/mermaid';
import { problemsByState } from '../graph/problems';
import { BatchQueries, batchMatchers, type BatchSettings } from '../model/batch';
import type { StateMachine } from '../model/types';
import { NoFilesError } from '../sources/discover';
import { parseSource } from '../sources/parse-source';

interface Io {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

class GraphError extends Error {}

/** Runs `wf-lint graph ...args`; resolves to the exit code. */
export async function graphMain(argv: readonly string[], io: Io, cwd = process.cwd()): Promise<number> {
  let usageError: string | undefined;
  const args = await yargs([...argv])
    .scriptName('wf-lint graph')
    .usage('$0 FILE [--machine NAME] [--format mermaid|dot] [--fixed]\n\nDraw a state machine, its batch groups and its problems.')
    .option('machine', { type: 'string', describe: 'The machine to draw, when the file holds several' })
    .option('format', { alias: 'f', choices: ['mermaid', 'dot'] as const, default: 'mermaid' as const, describe: 'Output format' })
    .option('fixed', { type: 'boolean', default: false, describe: 'Draw the machine as --fix would leave it' })
    .option('config', { alias: 'c', type: 'string', describe: 'Use this configuration file' })
    .strictOptions()
    .exitProcess(false)
    .fail((message, error) => {
      usageError = message ?? error?.message;
    })
    .help()
    .parseAsync();
  if (usageError) return fail(io, usageError);
  if (args.help) return 0;
  if (args._.length !== 1) return fail(io, 'graph expects exactly one FILE.');
  const file = path.resolve(cwd, String(args._[0]));
  try {
    const api = new WfLint({ cwd, overrideConfigFile: args.config, fix: args.fixed, onWarning: (w) => io.stderr.write(`wf-lint: warning: ${w}\n`) });
    const [result] = await api.lintFiles([file]);
    const fatal = result?.messages.find((m) => m.fatal);
    if (!result || fatal) throw new GraphError(`Cannot draw ${path.relative(cwd, file)}: ${fatal?.message ?? 'not linted.'}`);
    const text = result.output ?? fs.readFileSync(file, 'utf8');
    const source = parseSource(text, file);
    const machine = pickMachine(source.machines, args.machine, path.relative(cwd, file));
    const settings = api.calculateConfigForFile(file).settings.batch as BatchSettings | undefined;
    const graph = buildGraph(machine, new BatchQueries(batchMatchers(settings)), problemsByState(machine, result.messages, source.lines));
    io.stdout.write(args.format === 'dot' ? toDot(graph, machine.name ?? path.basename(file)) : toMermaid(graph));
    return 0;
  } catch (error) {
    if (error instanceof GraphError || error instanceof ConfigError || error instanceof NoFilesError) return fail(io, error.message);
    throw error;
  }
}

function pickMachine(machines: readonly StateMachine[], wanted: string | undefined, file: string): StateMachine {
  if (machines.length === 0) throw new GraphError(`No state machine found in ${file}.`);
  const names = machines.map((m, i) => `"${m.name ?? `#${i + 1}`}"`).join(', ');
  if (wanted !== undefined) {
    const found = machines.find((m) => m.name === wanted);
    if (!found) throw new GraphError(`No state machine named "${wanted}" in ${file}; it holds ${names}.`);
    return found;
  }
  if (machines.length > 1) throw new GraphError(`${file} holds ${machines.length} state machines (${names}); choose one with --machine.`);
  return machines[0];
}

function fail(io: Io, message: string): number {
  io.stderr.write(`wf-lint: ${message}\n`);
  return 2;
}
