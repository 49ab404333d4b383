/**
 * `wf-lint lambdas build --out DIR`: writes the reference pre-/post-batch Lambdas as deployable
 * artefacts (see src/lambdas/build.ts). Kept apart from main.ts and loaded on demand, so linting
 * never pays for loading esbuild.
 */
import path from 'node:path';
import yargs from 'yargs';
import { buildLambdas } from '../lambdas/build';

type Io = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };

/** Runs `wf-lint lambdas ...` with the arguments after `lambdas`; resolves to the exit code. */
export async function lambdasMain(argv: readonly string[], io: Io): Promise<number> {
  let usageError: string | undefined;
  const args = await yargs([...argv])
    .scriptName('wf-lint lambdas')
    .command('build', 'Bundle the reference pre-batch and post-batch Lambdas')
    .option('out', { type: 'string', describe: 'Output directory', demandOption: true })
    .option('bucket', { type: 'string', describe: 'Payload bucket for the IAM policy files' })
    .option('prefix', { type: 'string', default: 'cirrus', describe: 'Payload root prefix for the IAM policy files' })
    .option('log-group', { type: 'string', array: true, describe: 'Batch log group(s) post-batch may read (default /aws/batch/job)' })
    .option('partition', { type: 'string', default: 'aws', describe: 'AWS partition for the IAM policy files' })
    .demandCommand(1, 'wf-lint lambdas: give a command: build')
    .strict()
    .exitProcess(false)
    .fail((message, error) => {
      usageError = message ?? error?.message;
    })
    .help()
    .parseAsync();
  if (usageError) {
    io.stderr.write(`wf-lint: ${usageError}\n`);
    return 2;
  }
  if (args.help) return 0;
  try {
    const result = await buildLambdas({
      outDir: path.resolve(args.out),
      bucket: args.bucket,
      prefix: args.prefix,
      logGroups: args.logGroup,
      partition: args.partition,
    });
    for (const f of result.functions) io.stdout.write(`${path.relative(process.cwd(), f.bundle)}\n${path.relative(process.cwd(), f.zip)}\n${path.relative(process.cwd(), f.policy)}\n`);
    io.stdout.write(`${path.relative(process.cwd(), result.template)}\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`wf-lint: lambdas build failed: ${(error as Error).message}\n`);
    return 2;
  }
}
