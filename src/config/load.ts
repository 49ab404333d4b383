/** Finds and reads configuration with cosmiconfig under the name `wflint` (DESIGN §4). */
import type { cosmiconfigSync as CosmiconfigSync } from 'cosmiconfig';
import fs from 'node:fs';
import path from 'node:path';
import type { RuleModule } from '../engine/define-rule';
import { ConfigError, type LoadedConfig } from './types';
import { validateConfig } from './validate';

export interface LoadOptions {
  /** `-c, --config`: this file and no lookup. */
  readonly configFile?: string;
  /** `--no-config-lookup` sets this to false. */
  readonly lookup: boolean;
  readonly cwd: string;
}

/** The configuration for a run: an explicit file, the nearest one found, or the default. */
export function loadConfig(options: LoadOptions, rules: Readonly<Record<string, RuleModule>>): LoadedConfig {
  const defaults: LoadedConfig = { data: { extends: ['wf-lint:recommended'] }, filePath: undefined, baseDir: options.cwd };
  if (!options.configFile && (!options.lookup || !mayHaveConfig(options.cwd))) return defaults;
  const { cosmiconfigSync } = require('cosmiconfig') as { cosmiconfigSync: typeof CosmiconfigSync };
  const explorer = cosmiconfigSync('wflint', { searchStrategy: 'project', cache: false });
  let result: { config: unknown; filepath: string; isEmpty?: boolean } | null = null;
  try {
    if (options.configFile) result = explorer.load(path.resolve(options.cwd, options.configFile));
    else if (options.lookup) result = explorer.search(options.cwd);
  } catch (error) {
    const file = options.configFile ? path.resolve(options.cwd, options.configFile) : undefined;
    const detail = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'File not found.' : firstLine((error as Error).message);
    throw new ConfigError(file ?? errorFile(error), '(file)', detail);
  }
  if (!result) return defaults;
  let data: unknown = result.isEmpty || result.config == null ? {} : result.config;
  // A transpiled ES module (`export default {...}` compiled to CommonJS) carries its config in `default`.
  if (typeof data === 'object' && data !== null && '__esModule' in data && 'default' in data) data = (data as { default: unknown }).default;
  const relative = path.relative(options.cwd, result.filepath) || result.filepath;
  return { data: validateConfig(data, relative, rules), filePath: result.filepath, baseDir: path.dirname(result.filepath) };
}

/** The loader's message on one line (YAML errors carry the reason and position on later lines). */
function firstLine(message: string): string {
  const line = message
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^\^+$/.test(l))
    .slice(0, 2)
    .join(' ')
    .replace(/:$/, '');
  return /[.?]$/.test(line) ? line : `${line}.`;
}

function errorFile(error: unknown): string | undefined {
  const match = /(\S+\.(?:json|ya?ml|[cm]?[jt]s|wflintrc))/.exec(String((error as Error).message));
  return match?.[1];
}

/**
 * A cheap look for any file cosmiconfig could load, from `cwd` up to the project root (the
 * first folder with a package.json), so that runs without configuration skip loading it.
 */
function mayHaveConfig(cwd: string): boolean {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      names = [];
    }
    if (names.some((n) => n.startsWith('.wflintrc') || n.startsWith('wflint.config.'))) return true;
    if (names.includes('.config') && safeList(path.join(dir, '.config')).some((n) => n.startsWith('wflintrc'))) return true;
    if (names.includes('package.json')) {
      try {
        return fs.readFileSync(path.join(dir, 'package.json'), 'utf8').includes('"wflint"');
      } catch {
        return true;
      }
    }
    if (path.dirname(dir) === dir) return false;
  }
}

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
