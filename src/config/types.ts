/** Configuration as written by users (`.wflintrc*`, `wflint.config.*`, `package.json#wflint`). */

export type SeverityName = 'off' | 'warn' | 'error';
export type SeverityValue = SeverityName | 0 | 1 | 2;
export type RuleEntry = SeverityValue | readonly [SeverityValue, ...unknown[]];

export interface ConfigOverride {
  readonly files: string | readonly string[];
  readonly excludedFiles?: string | readonly string[];
  readonly rules?: Readonly<Record<string, RuleEntry>>;
  readonly settings?: Readonly<Record<string, unknown>>;
}

export interface ConfigData {
  readonly extends?: string | readonly string[];
  readonly rules?: Readonly<Record<string, RuleEntry>>;
  readonly settings?: Readonly<Record<string, unknown>>;
  readonly ignores?: readonly string[];
  readonly overrides?: readonly ConfigOverride[];
}

/** A config file once loaded: its data and where it came from (for messages and globs). */
export interface LoadedConfig {
  readonly data: ConfigData;
  /** The file it was read from; undefined for the built-in default. */
  readonly filePath: string | undefined;
  /** The folder that globs in `ignores` and `overrides` are relative to. */
  readonly baseDir: string;
}

/** A rule's effective setting for one file. */
export interface RuleSetting {
  readonly severity: 1 | 2;
  readonly options: readonly unknown[];
}

/** The configuration that applies to one file, after presets and overrides. */
export interface ResolvedConfig {
  readonly rules: ReadonlyMap<string, RuleSetting>;
  readonly settings: Readonly<Record<string, unknown>>;
}

/** A configuration problem: exits 2, naming the file and key. */
export class ConfigError extends Error {
  constructor(readonly filePath: string | undefined, readonly key: string, detail: string) {
    super(`${filePath ? `Configuration error in ${filePath}` : 'Configuration error'}: "${key}": ${detail}`);
    this.name = 'ConfigError';
  }
}
