/**
 * The Node API, shaped like ESLint's class: `new WfLint(options)`, `lintFiles`, `lintText`,
 * `calculateConfigForFile`. The command line is a thin layer over it.
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
import { discoverFiles } from '../sources/discover';
import { mayHoldMachine } from '../sources/parse-source';
import { writeFileAtomic, WriteRefused } from './write-fixes';

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
}

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

export class WfLint {
  private readonly cwd: string;
  private readonly resolver: ConfigResolver;
  private readonly linter: Linter;
  private readonly maxFileSize: number;
  private readonly ignore: boolean;
  private readonly fixOptions: FixOptions | undefined;

  constructor(options: WfLintOptions = {}, private readonly rules: Readonly<Record<string, RuleModule>> = builtInRules) {
    this.cwd = path.resolve(options.cwd ?? process.cwd());
    const loaded = loadConfig(
      { cwd: this.cwd, configFile: options.overrideConfigFile, lookup: options.configLookup ?? true },
      rules,
    );
    this.resolver = new ConfigResolver(loaded, rules, options.ruleOverrides);
    this.linter = new Linter(rules);
    this.maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    this.ignore = options.ignore ?? true;
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
    return results.map((result) => {
      if (result.output === undefined || !path.isAbsolute(result.filePath)) return result;
      try {
        writeFileAtomic(result.filePath, result.output);
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
  }

  /** Lints the files named by `patterns` (files, folders, globs). */
  async lintFiles(patterns: readonly string[]): Promise<LintResult[]> {
    const isIgnored = this.ignore ? (f: string) => this.resolver.isIgnored(f) : () => false;
    const files = discoverFiles(patterns.length > 0 ? patterns : ['.'], this.cwd, isIgnored, this.ignore);
    const results: LintResult[] = [];
    for (const { filePath, explicit } of files) {
      const result = this.lintFile(filePath, explicit);
      if (result) results.push(result);
    }
    return results;
  }

  /** Lints `text` as if it were the content of `filePath` (default `<text>`), as for `--stdin`. */
  async lintText(text: string, options: { filePath?: string } = {}): Promise<LintResult[]> {
    const filePath = options.filePath ? path.resolve(this.cwd, options.filePath) : '<text>';
    const result = this.lint(text, filePath, true);
    return result ? [result] : [];
  }

  /** The configuration that applies to `filePath` (`--print-config`). */
  calculateConfigForFile(filePath: string): ResolvedConfig {
    return this.resolver.forFile(path.resolve(this.cwd, filePath));
  }

  private lintFile(filePath: string, explicit: boolean): LintResult | undefined {
    let text: string;
    try {
      const size = fs.statSync(filePath).size;
      if (size > this.maxFileSize) {
        return fatal(filePath, `File is too large to lint (${megabytes(size)} MB; the limit is ${megabytes(this.maxFileSize)} MB).`);
      }
      text = fs.readFileSync(filePath, 'utf8');
    } catch (error) {
      return fatal(filePath, `Cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
    // Walked files that cannot hold a machine are skipped before any parsing.
    if (!explicit && !mayHoldMachine(text)) return undefined;
    return this.lint(text, filePath, explicit);
  }

  private lint(text: string, filePath: string, explicit: boolean): LintResult | undefined {
    const config = this.calculateConfigForFile(filePath);
    if (!this.fixOptions) return this.linter.lintText(text, filePath, config, { explicit });
    return this.linter.lintAndFixText(text, filePath, config, { explicit }, this.fixOptions);
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
