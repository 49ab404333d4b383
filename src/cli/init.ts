/**
 * `wf-lint init`: writes a starter `.wflintrc.yaml` from what the repository holds (see
 * init-survey.ts): the recommended preset, its build-output folders as `ignores`, and the
 * pre/post-batch `Resource` its tasks use as `settings.batch.fix` defaults. An existing
 * configuration is never overwritten.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { describeKind, surveyRepository, type Survey } from './init-survey';

export const INIT_FILE = '.wflintrc.yaml';

interface Io {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** Runs `wf-lint init [args]` in the working folder; resolves to the exit code. */
export async function initMain(args: readonly string[], io: Io, cwd = process.cwd()): Promise<number> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    io.stdout.write(`wf-lint init\n\nWrite a starter ${INIT_FILE} from what the repository holds; an existing configuration is never overwritten.\n`);
    return 0;
  }
  if (args.length > 0) {
    io.stderr.write(`wf-lint: init takes no arguments (got "${args.join(' ')}").\n`);
    return 2;
  }
  const existing = existingConfig(cwd);
  if (existing) {
    io.stderr.write(`wf-lint: A configuration already exists (${existing}); init does not overwrite it.\n`);
    return 2;
  }
  const survey = surveyRepository(cwd);
  fs.writeFileSync(path.join(cwd, INIT_FILE), renderConfig(survey));
  io.stdout.write(`Wrote ${INIT_FILE}: ${summary(survey)}\n`);
  return 0;
}

/** The configuration text for `survey`, with comments saying where each value came from. */
export function renderConfig(survey: Survey): string {
  const header = ['# wf-lint configuration, written by `wf-lint init`.', `# Found ${summary(survey)}`];
  const data: Record<string, unknown> = { extends: 'wf-lint:recommended' };
  if (survey.ignores.length > 0) {
    header.push(`# ignores: build output (${survey.ignores.join(', ')}) holds copies of the real definitions.`);
    data.ignores = survey.ignores.map((name) => `${name}/**`);
  }
  const fix: Record<string, unknown> = {};
  for (const [role, key] of [['pre-batch', 'preBatchResource'], ['post-batch', 'postBatchResource']] as const) {
    const found = survey.resources[role];
    if (!found) continue;
    fix[key] = found.value;
    header.push(`# ${key}: what --fix inserts where a file shows no ${role} task; used by ${found.uses} of the ${found.of} ${role} tasks found.`);
  }
  if (Object.keys(fix).length > 0) data.settings = { batch: { fix } };
  return `${header.join('\n')}\n${stringify(data, { lineWidth: 0 })}`;
}

function summary(survey: Survey): string {
  if (survey.files === 0) return 'no state machines.';
  const total = [...survey.machines.values()].reduce((a, b) => a + b, 0);
  const kinds = [...survey.machines].map(([kind, n]) => `${n} ${describeKind(kind)}`).join(', ');
  return `${total} state machine${total === 1 ? '' : 's'} in ${survey.files} file${survey.files === 1 ? '' : 's'}: ${kinds}.`;
}

/** The configuration file in `cwd` that the linter would load, if any (cosmiconfig's names). */
function existingConfig(cwd: string): string | undefined {
  const names = fs.readdirSync(cwd);
  const own = names.find((n) => /^\.wflintrc(?:\.(?:json|ya?ml|[cm]?js))?$/.test(n) || /^wflint\.config\.[cm]?js$/.test(n));
  if (own) return own;
  if (names.includes('.config') && safeList(path.join(cwd, '.config')).some((n) => n.startsWith('wflintrc'))) return '.config/wflintrc';
  if (names.includes('package.json')) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(cwd, 'package.json'), 'utf8')) as Record<string, unknown>;
      if ('wflint' in pkg) return 'package.json#wflint';
    } catch {
      // An unreadable package.json holds no configuration we could honour.
    }
  }
  return undefined;
}

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
