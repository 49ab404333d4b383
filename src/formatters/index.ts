/** The formatters by name (`wf-lint -f <name>`); each is a pure `(results, context) => string`. */
import fs from 'node:fs';
import path from 'node:path';
import { rules } from '../../rules';
import type { ChunkedFormatter, FormatterContext, Formatter } from './context';
import { formatGithub } from './github';
import { jsonChunks } from './json';
import { formatJunit } from './junit';
import { formatSarif } from './sarif';
import { stylishChunks } from './stylish';

export type { ChunkedFormatter, Formatter, FormatterContext } from './context';

/**
 * The formatters whose report is one piece per file (then a closing piece), which the CLI writes
 * as they are made rather than holding the whole report (issue 8: peak RSS at 10,000 definitions).
 */
const CHUNKED_FORMATTERS = {
  stylish: (results, context) => stylishChunks(results, context),
  // The report is `formatJson` plus a newline, as before.
  json: (results) => jsonChunks(results),
} satisfies Record<string, ChunkedFormatter>;

const joined = (chunked: ChunkedFormatter): Formatter => (results, context) => [...chunked(results, context)].join('');

const FORMATTERS = {
  stylish: joined(CHUNKED_FORMATTERS.stylish),
  json: joined(CHUNKED_FORMATTERS.json),
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
} satisfies Record<string, Formatter>;

export type FormatterName = keyof typeof FORMATTERS;
export const FORMATTER_NAMES = Object.keys(FORMATTERS) as FormatterName[];

/** The formatter called `name`; throws for an unknown name. */
export function loadFormatter(name: string): Formatter {
  if (!Object.hasOwn(FORMATTERS, name)) throw new Error(`Unknown formatter "${name}"; expected one of: ${FORMATTER_NAMES.join(', ')}.`);
  return FORMATTERS[name as FormatterName];
}

/** The formatter called `name` as pieces whose concatenation is its report, if it has that form. */
export function loadChunkedFormatter(name: string): ChunkedFormatter | undefined {
  return Object.hasOwn(CHUNKED_FORMATTERS, name) ? CHUNKED_FORMATTERS[name as keyof typeof CHUNKED_FORMATTERS] : undefined;
}

/** The context the CLI gives formatters: the working folder, colour, the built-in rules and the package's name and version. */
export function formatterContext(cwd: string, color: boolean): FormatterContext {
  return { cwd, color, rules, tool: toolInfo() };
}

/** Name, version and (absolute) homepage from the package's own package.json, found by walking up from this file. */
function toolInfo(): FormatterContext['tool'] {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string; homepage?: unknown };
      if (pkg.name === 'wf-lint') {
        const homepage = typeof pkg.homepage === 'string' && /^https?:\/\//.test(pkg.homepage) ? pkg.homepage : undefined;
        return { name: 'wf-lint', version: pkg.version ?? '0.0.0', ...(homepage ? { informationUri: homepage } : {}) };
      }
    }
    if (path.dirname(dir) === dir) return { name: 'wf-lint', version: '0.0.0' };
  }
}
