/**
 * Resolves the configuration of one file: the presets it extends, its own rules and settings,
 * then every override whose globs match the file, then rules given on the command line.
 */
import path from 'node:path';
import picomatch from 'picomatch';
import type { RuleModule } from '../engine/define-rule';
import { presetConfig, type PresetName } from './presets';
import { ConfigError, type ConfigData, type LoadedConfig, type ResolvedConfig, type RuleEntry, type RuleSetting } from './types';
import { asArray, isPlainObject, ruleSetting } from './validate';

type Matcher = (relativePath: string) => boolean;

export class ConfigResolver {
  private readonly overrides: { include: Matcher; exclude: Matcher; data: ConfigData }[];
  private readonly ignore: Matcher;
  private readonly cache = new Map<string, ResolvedConfig>();

  constructor(
    readonly loaded: LoadedConfig,
    private readonly rules: Readonly<Record<string, RuleModule>>,
    private readonly cliRules: Readonly<Record<string, RuleEntry>> = {},
  ) {
    const data = loaded.data;
    this.overrides = (data.overrides ?? []).map((o) => ({
      include: globMatcher(asArray(o.files)),
      exclude: globMatcher(asArray(o.excludedFiles)),
      data: { rules: o.rules, settings: o.settings },
    }));
    this.ignore = globMatcher(data.ignores ?? []);
    // `--rule` values are checked before any file is read, and blamed on `--rule`, not the config file.
    for (const [id, entry] of Object.entries(cliRules)) {
      const rule = rules[id];
      if (!rule) throw new ConfigError('--rule', id, `Unknown rule "${id}".`);
      ruleSetting(entry, rule, id, '--rule');
    }
  }

  /** True when the file is excluded by the configuration's `ignores`. */
  isIgnored(filePath: string): boolean {
    return this.ignore(this.relative(filePath));
  }

  /** The configuration that applies to `filePath`. */
  forFile(filePath: string): ResolvedConfig {
    const relative = this.relative(filePath);
    const matching = this.overrides.filter((o) => o.include(relative) && !o.exclude(relative));
    const cacheKey = matching.map((o) => this.overrides.indexOf(o)).join(',');
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const layers: ConfigData[] = [
      // Without `extends`, a config file refines the recommended preset; `extends: []` starts from nothing.
      ...asArray(this.loaded.data.extends ?? 'wf-lint:recommended').map((name) => presetConfig(name as PresetName, this.rules)),
      this.loaded.data,
      ...matching.map((o) => o.data),
    ];
    const cliLayer: ConfigData = { rules: this.cliRules };
    layers.push(cliLayer);
    const rules = new Map<string, RuleSetting>();
    let settings: Record<string, unknown> = {};
    for (const layer of layers) {
      for (const [id, entry] of Object.entries(layer.rules ?? {})) {
        const rule = this.rules[id];
        if (!rule) continue;
        // A bare severity keeps options set by an earlier layer, as in ESLint.
        const effective = Array.isArray(entry) || !rules.has(id) ? entry : [entry, ...(rules.get(id)?.options ?? [])];
        const origin = layer === cliLayer ? '--rule' : this.loaded.filePath;
        const setting = ruleSetting(effective as RuleEntry, rule, layer === cliLayer ? id : `rules.${id}`, origin);
        if (setting) rules.set(id, setting);
        else rules.delete(id);
      }
      settings = mergeSettings(settings, layer.settings ?? {});
    }
    const resolved: ResolvedConfig = { rules, settings };
    this.cache.set(cacheKey, resolved);
    return resolved;
  }

  private relative(filePath: string): string {
    return path.relative(this.loaded.baseDir, path.resolve(filePath)).split(path.sep).join('/');
  }
}

function globMatcher(patterns: readonly string[]): Matcher {
  if (patterns.length === 0) return () => false;
  // Like .eslintrc overrides: a pattern without "/" matches the base name at any depth.
  const matchers = patterns.map((p) => picomatch(p, { dot: true, basename: !p.includes('/') }));
  return (relative) => matchers.some((m) => m(relative) || m(`${relative}/`));
}

function mergeSettings(base: Record<string, unknown>, extra: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeSettings(current, value) : value;
  }
  return out;
}
