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
import { summarise, type LintResult } from '../engine/types';
import { discoverFiles } from '../sources/discover';
import { mayHoldMachine } from '../sources/parse-source';

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
}

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

export class WfLint {
  private readonly cwd: string;
  private readonly resolver: ConfigResolver;
  private readonly linter: Linter;
  private readonly maxFileSize: number;

  constructor(options: WfLintOptions = {}, private readonly rules: Readonly<Record<string, RuleModule>> = builtInRules) {
    this.cwd = path.resolve(options.cwd ?? process.cwd());
    const loaded = loadConfig(
      { cwd: this.cwd, configFile: options.overrideConfigFile, lookup: options.configLookup ?? true },
      rules,
    );
    this.resolver = new ConfigResolver(loaded, rules, options.ruleOverrides);
    this.linter = new Linter(rules);
    this.maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  }

  /** Lints the files named by `patterns` (files, folders, globs). */
  async lintFiles(patterns: readonly string[]): Promise<LintResult[]> {
    const files = discoverFiles(patterns.length > 0 ? patterns : ['.'], this.cwd, (f) => this.resolver.isIgnored(f));
    const results: LintResult[] = [];
    for (const { filePath, explicit } of files) {
      if (!explicit && this.resolver.isIgnored(filePath)) continue;
      const result = this.lintFile(filePath, explicit);
      if (result) results.push(result);
    }
    return results;
  }

  /** Lints `text` as if it were the content of `filePath` (default `<text>`), as for `--stdin`. */
  async lintText(text: string, options: { filePath?: string } = {}): Promise<LintResult[]> {
    const filePath = options.filePath ? path.resolve(this.cwd, options.filePath) : '<text>';
    const result = this.linter.lintText(text, filePath, this.calculateConfigForFile(filePath), { explicit: true });
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
    return this.linter.lintText(text, filePath, this.calculateConfigForFile(filePath), { explicit });
  }
}

function fatal(filePath: string, message: string): LintResult {
  return summarise(filePath, [{ ruleId: null, severity: 2, fatal: true, message, line: 1, column: 1 }]);
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}
