#!/usr/bin/env node
/**
 * The `wf-lint` command (DESIGN §4). Exit codes: 0 no errors, 1 lint errors (or too many
 * warnings), 2 bad usage, bad configuration, unreadable or unparseable input, or a crash.
 */
import { WfLint } from '../api/wf-lint';
import { ConfigError } from '../config/types';
import type { LintResult } from '../engine/types';
import { FORMATTER_NAMES, formatterContext, loadChunkedFormatter } from '../formatters';
import { NoFilesError } from '../sources/discover';
import { parseConcurrency } from '../engine/parallel';
import { parseRuleOptions, UsageError } from './parse-rule-option';
import { writeReport } from './write-report';

// `diff` is not a report of problems: it shows what --fix / --fix-dry-run change.
const FORMATS = [...FORMATTER_NAMES, 'diff' as const];

/** Runs the command line with `argv` (without the node and script paths); resolves to the exit code. */
export async function main(argv: readonly string[], io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }): Promise<number> {
  // `wf-lint lambdas ...` builds the reference Lambdas; loaded on demand to keep lint startup fast.
  if (argv[0] === 'lambdas') return (await import('./lambdas')).lambdasMain(argv.slice(1), io);
  if (argv[0] === 'init') return (await import('./init')).initMain(argv.slice(1), io);
  if (argv[0] === 'graph') return (await import('./graph')).graphMain(argv.slice(1), io);
  // Only paths (a pre-commit hook, an editor on save): nothing to parse, and loading yargs alone
  // is a tenth of a cold start (issue 8). Anything that looks like an option goes to yargs.
  const parsed = argv.every((arg) => !arg.startsWith('-')) ? { args: { ...DEFAULT_ARGS, _: [...argv] } } : await parseOptions(argv);
  if ('usageError' in parsed) {
    io.stderr.write(`wf-lint: ${parsed.usageError}\n`);
    return 2;
  }
  if (parsed.args === undefined) return 0;
  const { args } = parsed;
  if (!Number.isInteger(args.maxWarnings)) {
    io.stderr.write('wf-lint: --max-warnings expects a whole number.\n');
    return 2;
  }
  if (args.fix && args.fixDryRun) {
    io.stderr.write('wf-lint: The --fix option and the --fix-dry-run option cannot be used together.\n');
    return 2;
  }
  if (args.fix && args.stdin) {
    io.stderr.write('wf-lint: The --fix option is not available for piped-in code; use --fix-dry-run instead.\n');
    return 2;
  }
  if (args.format === 'diff' && !args.fix && !args.fixDryRun) {
    io.stderr.write('wf-lint: The diff format shows what fixes change; use it with --fix-dry-run or --fix.\n');
    return 2;
  }
  const concurrency = parseConcurrency(args.concurrency);
  if (concurrency === undefined) {
    io.stderr.write(`wf-lint: --concurrency expects a positive whole number, "auto" or "off", got "${args.concurrency}".\n`);
    return 2;
  }
  const fixing = args.fix || args.fixDryRun;
  const cwd = process.cwd();
  try {
    const api = new WfLint({
      cwd,
      overrideConfigFile: args.config,
      configLookup: args.configLookup,
      ruleOverrides: parseRuleOptions(args.rule),
      ignore: args.ignore,
      // With --quiet only the errors are fixed, as in ESLint.
      fix: fixing && (args.quiet ? (message) => message.severity === 2 : true),
      onWarning: (warning) => io.stderr.write(`wf-lint: warning: ${warning}\n`),
      warnNoMachine: args.warnNoMachine,
      cache: args.cache,
      cacheLocation: args.cacheLocation,
      concurrency,
    });
    if (args.printConfig !== undefined) {
      const config = api.calculateConfigForFile(args.printConfig);
      const printable = { rules: Object.fromEntries([...config.rules].map(([id, s]) => [id, [s.severity === 2 ? 'error' : 'warn', ...s.options]])), settings: config.settings };
      io.stdout.write(`${JSON.stringify(printable, null, 2)}\n`);
      return 0;
    }
    const patterns = args._.map(String);
    let results: LintResult[];
    if (args.stdin) {
      results = await api.lintText(await readAll(io.stdin), { filePath: args.stdinFilename });
    } else {
      results = await api.lintFiles(patterns);
    }
    if (args.fix) results = await api.outputFixes(results);
    if (args.quiet) results = results.map(errorsOnly);
    const color = args.color ?? (args.outputFile === undefined && Boolean((io.stdout as { isTTY?: boolean }).isTTY) && !process.env.NO_COLOR);
    // Stylish and JSON reports are written a file at a time, never held whole (issue 8).
    const chunked = loadChunkedFormatter(args.format);
    const pieces = chunked ? chunked(results, formatterContext(cwd, color)) : [(await api.loadFormatter(args.format, { color })).format(results)];
    writeReport(pieces, args.outputFile || undefined, io.stdout);
    return exitCode(results, args.maxWarnings, io.stderr);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError || error instanceof NoFilesError) {
      io.stderr.write(`wf-lint: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`wf-lint: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

/** The options main reads, with the values they have when none is given. */
const DEFAULT_ARGS = {
  _: [] as (string | number)[],
  format: 'stylish' as (typeof FORMATS)[number],
  outputFile: undefined as string | undefined,
  maxWarnings: -1,
  quiet: false,
  rule: [] as string[],
  config: undefined as string | undefined,
  configLookup: true,
  printConfig: undefined as string | undefined,
  stdin: false,
  stdinFilename: undefined as string | undefined,
  color: undefined as boolean | undefined,
  ignore: true,
  fix: false,
  fixDryRun: false,
  warnNoMachine: true,
  cache: false,
  cacheLocation: undefined as string | undefined,
  concurrency: 'auto',
};
type Args = typeof DEFAULT_ARGS;

/** Parses `argv` with yargs (loaded here, on demand); `args` is undefined after --help or --version. */
async function parseOptions(argv: readonly string[]): Promise<{ args: Args | undefined } | { usageError: string }> {
  const { default: yargs } = await import('yargs');
  let usageError: string | undefined;
  const parser = yargs([...argv])
    .scriptName('wf-lint')
    .usage('$0 [paths..]\n\nLint AWS Step Functions workflows against the Batch contract.')
    .option('format', { alias: 'f', choices: FORMATS, default: 'stylish' as const, describe: 'Output format' })
    .option('output-file', { alias: 'o', type: 'string', describe: 'Write the report to this file' })
    .option('max-warnings', { type: 'number', default: -1, describe: 'Exit 1 when there are more warnings than this' })
    .option('quiet', { type: 'boolean', default: false, describe: 'Report errors only' })
    .option('rule', { type: 'string', array: true, nargs: 1, default: [] as string[], describe: "Rule setting, e.g. 'batch/require-group-retry: off'" })
    .option('config', { alias: 'c', type: 'string', describe: 'Use this configuration file' })
    .option('config-lookup', { type: 'boolean', default: true, describe: 'Look for a configuration file (--no-config-lookup to skip)' })
    .option('print-config', { type: 'string', describe: 'Print the configuration for a file and exit' })
    .option('stdin', { type: 'boolean', default: false, describe: 'Lint text read from standard input' })
    .option('stdin-filename', { type: 'string', describe: 'File name to use for standard input' })
    .option('color', { type: 'boolean', describe: 'Force colour on or off' })
    .option('ignore', { type: 'boolean', default: true, describe: 'Honour .gitignore and configured ignores (--no-ignore to lint everything found)' })
    .option('fix', { type: 'boolean', default: false, describe: 'Fix problems automatically and write the files' })
    .option('fix-dry-run', { type: 'boolean', default: false, describe: 'Fix problems without writing; the fixed text is in the JSON output' })
    .option('warn-no-machine', { type: 'boolean', default: true, describe: 'Warn about named files that hold no state machine (--no-warn-no-machine to skip them, for pre-commit)' })
    .option('cache', { type: 'boolean', default: false, describe: 'Only lint files whose content or configuration changed' })
    .option('cache-location', { type: 'string', describe: 'The cache file, or a folder for it (default .wflintcache)' })
    .option('concurrency', { type: 'string', default: 'auto', describe: 'Worker threads for linting: a number, auto (only for many files) or off' })
    .strictOptions()
    .exitProcess(false)
    .fail((message, error) => {
      usageError = message ?? error?.message;
    })
    .help()
    .version();
  const args = await parser.parseAsync();
  if (usageError) return { usageError };
  return { args: args.help || args.version ? undefined : args };
}

function errorsOnly(result: LintResult): LintResult {
  const messages = result.messages.filter((m) => m.severity === 2);
  return { ...result, messages, warningCount: 0, fixableWarningCount: 0 };
}

function exitCode(results: readonly LintResult[], maxWarnings: number, stderr: NodeJS.WritableStream): number {
  if (results.some((r) => r.fatalErrorCount > 0)) return 2;
  if (results.some((r) => r.errorCount > 0)) return 1;
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    stderr.write(`wf-lint found too many warnings (maximum: ${maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`wf-lint: internal error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
