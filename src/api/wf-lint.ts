/**
 * The Node API, shaped like ESLint's class: `new WfLint(options)`, `lintFiles`, `lintText`,
 * `calculateConfigForFile`, `outputFixes`, `loadFormatter`. The command line is a thin layer
 * over it (docs/api.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { rules as builtInRules } from '../../rules';
import { loadConfig } from '../config/load';
import { ConfigResolver } from '../config/resolve';
import type { ResolvedConfig, RuleEntry } from '../config/types';
import type { RuleModule } from '../engine/define-rule';
import { Linter } from '../engine/linter';
import { compareMessages } from '../engine/report';
import type { FixOptions } from '../engine/fix-loop';
import { summarise, type LintMessage, type LintResult } from '../engine/types';
import { threadCount, workerScript, type Concurrency } from '../engine/parallel';
import { discoverFiles } from '../sources/discover';
import { mayHoldMachine } from '../sources/parse-source';
import type { FileCache } from '../cache/file-cache';
import { sourceFromDisk, type LintedFile } from './lazy-source';
import { writeFileAtomic, WriteRefused } from './write-fixes';

/** What `loadFormatter` resolves to, as in ESLint: an object whose `format` turns results into the report. */
export interface LoadedFormatter {
  format(results: readonly LintResult[]): string;
}

export interface WfLintOptions {
  readonly cwd?: string;
  /** `-c`: use this configuration file and look for no other. */
  readonly overrideConfigFile?: string;
  /** False for `--no-config-lookup`. */
  readonly configLookup?: boolean;
  /** `--rule` entries, applied over the configuration. */
  readonly ruleOverrides?: Readonly<Record<string, RuleEntry>>;
  /** Files larger than this many bytes are reported, not read. */
  readonly maxFileSize?: number;
  /** False for `--no-ignore`: .gitignore files and the configuration's `ignores` are not applied. */
  readonly ignore?: boolean;
  /**
   * Apply fixes (all, or those of the messages the predicate accepts): results then describe
   * the fixed text and carry it in `output`. Nothing is written until `outputFixes`.
   */
  readonly fix?: boolean | ((message: LintMessage) => boolean);
  /** Told about circular fixes and dropped fixes; `process.emitWarning` by default. */
  readonly onWarning?: (warning: string) => void;
  /**
   * False for `--no-warn-no-machine`: a file named explicitly (or the text given to `lintText`)
   * that holds no state machine is skipped silently, as a file found by walking a folder is,
   * instead of drawing a warning. For pre-commit and lint-staged, which name every matching file.
   */
  readonly warnNoMachine?: boolean;
  /** `--cache`: reuse the results of files whose content and configuration have not changed. */
  readonly cache?: boolean;
  /** `--cache-location`: the cache file, or a folder to keep it in (default `.wflintcache`). */
  readonly cacheLocation?: string;
  /**
   * `--concurrency`: lint in worker threads (a number of threads, `auto`, or `off`, the default).
   * Used for `lintFiles` without fixes, cache, or rules other than the built-in ones.
   */
  readonly concurrency?: Concurrency;
}

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

export class WfLint {
  private readonly cwd: string;
  private readonly resolver: ConfigResolver;
  private readonly linter: Linter;
  private readonly maxFileSize: number;
  private readonly ignore: boolean;
  private readonly fixOptions: FixOptions | undefined;
  private readonly warnNoMachine: boolean;
  private readonly cache: FileCache | undefined;
  /** When fixing: the text each fixed file had before, for the `diff` formatter. */
  private readonly originals = new Map<string, string>();

  constructor(private readonly options: WfLintOptions = {}, private readonly rules: Readonly<Record<string, RuleModule>> = builtInRules) {
    this.cwd = path.resolve(options.cwd ?? process.cwd());
    const loaded = loadConfig(
      { cwd: this.cwd, configFile: options.overrideConfigFile, lookup: options.configLookup ?? true },
      rules,
    );
    this.resolver = new ConfigResolver(loaded, rules, options.ruleOverrides);
    this.linter = new Linter(rules);
    this.maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    this.ignore = options.ignore ?? true;
    this.warnNoMachine = options.warnNoMachine ?? true;
    // Loaded only for --cache: it brings node:crypto, which a plain run does not need.
    this.cache = options.cache ? new (require('../cache/file-cache') as typeof import('../cache/file-cache')).FileCache(this.cwd, options.cacheLocation) : undefined;
    const fix = options.fix ?? false;
    this.fixOptions =
      fix === false
        ? undefined
        : { shouldFix: fix === true ? undefined : fix, onWarning: options.onWarning ?? ((warning) => process.emitWarning(warning, 'WfLintFixWarning')) };
  }

  /**
   * Writes the `output` of each result to its file (atomically, keeping the file's mode). A file
   * that cannot be written is not fixed: its result is replaced by the lint of the file as it is,
   * plus an error saying why. Returns the results as they now stand.
   */
  async outputFixes(results: readonly LintResult[]): Promise<LintResult[]> {
    const written = results.map((result) => {
      if (result.output === undefined || !path.isAbsolute(result.filePath)) return result;
      try {
        writeFileAtomic(result.filePath, result.output);
        this.cache?.fixWritten(result);
        return result;
      } catch (error) {
        if (!(error instanceof WriteRefused)) throw error;
        const unfixed = this.lintUnfixed(result.filePath) ?? summarise(result.filePath, []);
        const messages = [...unfixed.messages, { ruleId: null, severity: 2 as const, message: error.message, line: 1, column: 1 }].sort(compareMessages);
        return summarise(result.filePath, messages, {
          source: unfixed.source,
          ...(unfixed.suppressedMessages ? { suppressedMessages: unfixed.suppressedMessages } : {}),
        });
      }
    });
    this.cache?.save();
    return written;
  }

  /** Lints the files named by `patterns` (files, folders, globs). */
  async lintFiles(patterns: readonly string[]): Promise<LintResult[]> {
    const isIgnored = this.ignore ? (f: string) => this.resolver.isIgnored(f) : () => false;
    const files = discoverFiles(patterns.length > 0 ? patterns : ['.'], this.cwd, isIgnored, this.ignore);
    const threads = this.parallelizable() ? threadCount(this.options.concurrency ?? 'off', files.length) : 1;
    const script = threads > 1 ? workerScript() : undefined;
    if (script) {
      const { lintInWorkers } = await import('../engine/parallel');
      const { onWarning, fix, ...plain } = this.options;
      const discovered = files.map((f) => ({ filePath: f.filePath, explicit: f.explicit && this.warnNoMachine }));
      return lintInWorkers(
        discovered,
        { options: { ...plain, cwd: this.cwd } },
        { threads, script, onWarning: onWarning ?? (() => undefined), lintHere: (file) => this.lintFile(file.filePath, file.explicit) },
      );
    }
    const results: LintResult[] = [];
    for (const { filePath, explicit } of files) {
      const result = this.lintFile(filePath, explicit && this.warnNoMachine);
      if (result) results.push(result);
    }
    this.cache?.save();
    return results;
  }

  /** Lints `text` as if it were the content of `filePath` (default `<text>`), as for `--stdin`. */
  async lintText(text: string, options: { filePath?: string } = {}): Promise<LintResult[]> {
    const filePath = options.filePath ? path.resolve(this.cwd, options.filePath) : '<text>';
    if (!this.warnNoMachine && !mayHoldMachine(text)) return [];
    const result = this.lint(text, filePath, this.warnNoMachine);
    return result ? [result] : [];
  }

  /** The configuration that applies to `filePath` (`--print-config`). */
  calculateConfigForFile(filePath: string): ResolvedConfig {
    return this.resolver.forFile(path.resolve(this.cwd, filePath));
  }

  /**
   * The formatter called `name` (`stylish`, `json`, `sarif`, `github`, `junit`, `diff`), bound to
   * this instance's working folder; rejects for an unknown name. `color` applies to `stylish`;
   * `diff` shows what the fixes of this instance (`fix` option) change.
   */
  async loadFormatter(name = 'stylish', options: { readonly color?: boolean } = {}): Promise<LoadedFormatter> {
    // Formatters load on demand: linting alone never needs them.
    const { formatterContext, loadFormatter } = await import('../formatters');
    const context = formatterContext(this.cwd, options.color ?? false);
    if (name === 'diff') {
      const { formatDiff } = await import('../formatters/diff');
      return { format: (results) => formatDiff(results, this.originals, context) };
    }
    const format = loadFormatter(name);
    return { format: (results) => format(results, context) };
  }

  /** Lints one file found by `lintFiles` (`explicit`: reported even without a machine); for worker threads. */
  lintDiscovered(filePath: string, explicit: boolean): LintResult | undefined {
    return this.lintFile(filePath, explicit);
  }

  /** Worker threads rebuild this instance from plain options: no fixes, cache or custom rules. */
  private parallelizable(): boolean {
    return this.fixOptions === undefined && this.cache === undefined && this.rules === builtInRules;
  }

  private lintFile(filePath: string, explicit: boolean): LintResult | undefined {
    let text: string;
    let linted: LintedFile;
    try {
      const { size, mtimeMs } = fs.statSync(filePath);
      if (size > this.maxFileSize) {
        return fatal(filePath, `File is too large to lint (${megabytes(size)} MB; the limit is ${megabytes(this.maxFileSize)} MB).`);
      }
      text = fs.readFileSync(filePath, 'utf8');
      linted = { filePath, size, mtimeMs };
    } catch (error) {
      return fatal(filePath, `Cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
    // Walked files that cannot hold a machine are skipped before any parsing.
    if (!explicit && !mayHoldMachine(text)) return undefined;
    if (!this.cache) return sourceFromDisk(this.lint(text, filePath, explicit), linted);
    const config = this.calculateConfigForFile(filePath);
    const cached = this.cache.lookup(filePath, text, config, explicit, this.fixOptions !== undefined);
    if (cached) return sourceFromDisk(cached.result ?? undefined, linted);
    const result = this.lint(text, filePath, explicit);
    this.cache.store(filePath, text, config, explicit, result);
    return sourceFromDisk(result, linted);
  }

  private lint(text: string, filePath: string, explicit: boolean): LintResult | undefined {
    const config = this.calculateConfigForFile(filePath);
    if (!this.fixOptions) return this.linter.lintText(text, filePath, config, { explicit });
    const result = this.linter.lintAndFixText(text, filePath, config, { explicit }, this.fixOptions);
    if (result?.output !== undefined) this.originals.set(filePath, text);
    return result;
  }

  /** The lint, without fixes, of a file as it is on disk. */
  private lintUnfixed(filePath: string): LintResult | undefined {
    try {
      return this.linter.lintText(fs.readFileSync(filePath, 'utf8'), filePath, this.calculateConfigForFile(filePath), { explicit: true });
    } catch {
      return undefined;
    }
  }
}

function fatal(filePath: string, message: string): LintResult {
  return summarise(filePath, [{ ruleId: null, severity: 2, fatal: true, message, line: 1, column: 1 }]);
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}
