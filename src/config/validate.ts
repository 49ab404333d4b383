/**
 * Validation of configuration data: the file's structure, rule ids, severities and each
 * rule's options (against the rule's `meta.schema`, with ajv, as ESLint does).
 */
import type AjvType from 'ajv';
import type { ValidateFunction } from 'ajv';
import type { RuleModule } from '../engine/define-rule';
import { PRESET_NAMES } from './presets';
import { ConfigError, type ConfigData, type RuleEntry, type RuleSetting } from './types';

// ajv is loaded on first use: most runs have no config file and no rule options to check,
// and loading and compiling costs more than the rest of start-up.
let ajvInstance: AjvType | undefined;
function ajv(): AjvType {
  if (!ajvInstance) {
    const Ajv = (require('ajv') as { default: typeof AjvType }).default;
    ajvInstance = new Ajv({ allErrors: false, useDefaults: true, strict: false });
  }
  return ajvInstance;
}

const RULES_SCHEMA = { type: 'object' };
const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    extends: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    rules: RULES_SCHEMA,
    settings: { type: 'object' },
    ignores: { type: 'array', items: { type: 'string' } },
    overrides: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: {
          files: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] },
          excludedFiles: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
          rules: RULES_SCHEMA,
          settings: { type: 'object' },
        },
      },
    },
  },
};
let validateShape: ValidateFunction | undefined;
const optionValidators = new WeakMap<RuleModule, ValidateFunction>();

/** Throws a ConfigError for the first problem in `data`. */
export function validateConfig(data: unknown, filePath: string | undefined, rules: Readonly<Record<string, RuleModule>>): ConfigData {
  validateShape ??= ajv().compile(CONFIG_SCHEMA);
  if (!validateShape(data)) {
    const error = validateShape.errors?.[0];
    const key = error ? keyOf(error.instancePath, error.params) : '';
    throw new ConfigError(filePath, key || '(root)', `${sentence(error?.message ?? 'invalid configuration')}`);
  }
  const config = data as ConfigData;
  for (const name of asArray(config.extends)) {
    if (!(PRESET_NAMES as readonly string[]).includes(name)) {
      throw new ConfigError(filePath, 'extends', `Unknown preset "${name}". Expected one of ${PRESET_NAMES.map((n) => `"${n}"`).join(', ')}.`);
    }
  }
  validateRules(config.rules, 'rules', filePath, rules);
  config.overrides?.forEach((o, i) => validateRules(o.rules, `overrides[${i}].rules`, filePath, rules));
  validateBatchSettings(config.settings, 'settings', filePath);
  config.overrides?.forEach((o, i) => validateBatchSettings(o.settings, `overrides[${i}].settings`, filePath));
  return config;
}

function validateRules(entries: ConfigData['rules'], where: string, filePath: string | undefined, rules: Readonly<Record<string, RuleModule>>): void {
  for (const [id, entry] of Object.entries(entries ?? {})) {
    const rule = rules[id];
    if (!rule) throw new ConfigError(filePath, `${where}.${id}`, `Unknown rule "${id}".`);
    ruleSetting(entry, rule, `${where}.${id}`, filePath);
  }
}

/** The severity and validated options (defaults applied) of one rule entry; undefined when off. */
export function ruleSetting(entry: RuleEntry, rule: RuleModule, key: string, filePath: string | undefined): RuleSetting | undefined {
  const [severityValue, ...options] = Array.isArray(entry) ? entry : [entry];
  const severity = severityOf(severityValue);
  if (severity === undefined) {
    throw new ConfigError(filePath, key, `Invalid severity ${JSON.stringify(severityValue)}. Expected "off", "warn", "error", 0, 1 or 2.`);
  }
  if (severity === 0) return undefined;
  if (options.length > rule.meta.schema.length) {
    const expected = rule.meta.schema.length === 0 ? 'no options' : `at most ${rule.meta.schema.length} option(s)`;
    throw new ConfigError(filePath, key, `Expected ${expected} but got ${options.length}.`);
  }
  // Given options are laid over the rule's defaults, object options key by key (as ESLint does).
  const resolved = rule.meta.schema.map((_, i) => mergeOption(rule.defaultOptions[i], options[i]));
  while (resolved.length > 0 && resolved[resolved.length - 1] === undefined) resolved.pop();
  if (resolved.length === 0) return { severity, options: resolved };
  let validate = optionValidators.get(rule);
  if (!validate) {
    const tuple = rule.meta.schema.length > 0 ? { items: rule.meta.schema } : {};
    validate = ajv().compile({ type: 'array', ...tuple, maxItems: rule.meta.schema.length });
    optionValidators.set(rule, validate);
  }
  if (!validate(resolved)) {
    const error = validate.errors?.[0];
    const at = error ? keyOf(error.instancePath, error.params) : '';
    throw new ConfigError(filePath, `${key}${at ? `[${at}]` : ''}`, `Invalid option: ${sentence(error?.message ?? 'invalid')}`);
  }
  return { severity, options: resolved };
}

function mergeOption(fallback: unknown, given: unknown): unknown {
  if (given === undefined) return structuredClone(fallback);
  if (isPlainObject(fallback) && isPlainObject(given)) return { ...structuredClone(fallback), ...given };
  return given;
}

/** A JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function severityOf(value: unknown): 0 | 1 | 2 | undefined {
  switch (value) {
    case 'off':
    case 0:
      return 0;
    case 'warn':
    case 1:
      return 1;
    case 'error':
    case 2:
      return 2;
    default:
      return undefined;
  }
}

function validateBatchSettings(settings: ConfigData['settings'], where: string, filePath: string | undefined): void {
  const batch = settings?.batch;
  if (batch === undefined) return;
  if (typeof batch !== 'object' || batch === null) throw new ConfigError(filePath, `${where}.batch`, 'Expected an object.');
  for (const [key, value] of Object.entries(batch)) {
    if (key === 'fix') {
      validateFixSettings(value, `${where}.batch.fix`, filePath);
      continue;
    }
    if (!['batchResource', 'preBatch', 'postBatch'].includes(key)) {
      throw new ConfigError(filePath, `${where}.batch.${key}`, 'Unknown setting. Expected "batchResource", "preBatch", "postBatch" or "fix".');
    }
    try {
      if (typeof value !== 'string') throw new Error('Expected a regular expression as a string.');
      new RegExp(value);
    } catch (error) {
      throw new ConfigError(filePath, `${where}.batch.${key}`, sentence((error as Error).message));
    }
  }
}

/** `settings.batch.fix`: the `Resource` (a string, or an intrinsic such as `{"Fn::GetAtt": [...]}`) of inserted Lambdas. */
function validateFixSettings(fix: unknown, where: string, filePath: string | undefined): void {
  if (typeof fix !== 'object' || fix === null || Array.isArray(fix)) throw new ConfigError(filePath, where, 'Expected an object.');
  for (const [key, value] of Object.entries(fix)) {
    if (key === 'names') {
      validateNameSettings(value, `${where}.names`, filePath);
      continue;
    }
    if (key !== 'preBatchResource' && key !== 'postBatchResource') {
      throw new ConfigError(filePath, `${where}.${key}`, 'Unknown setting. Expected "preBatchResource", "postBatchResource" or "names".');
    }
    if (typeof value !== 'string' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new ConfigError(filePath, `${where}.${key}`, 'Expected a string or an object.');
    }
  }
}

/** `settings.batch.fix.names`: templates with `{base}`, and the suffix stripped to make the base. */
function validateNameSettings(names: unknown, where: string, filePath: string | undefined): void {
  if (typeof names !== 'object' || names === null || Array.isArray(names)) throw new ConfigError(filePath, where, 'Expected an object.');
  for (const [key, value] of Object.entries(names)) {
    if (!['group', 'preBatch', 'postBatch', 'stripSuffix'].includes(key)) {
      throw new ConfigError(filePath, `${where}.${key}`, 'Unknown setting. Expected "group", "preBatch", "postBatch" or "stripSuffix".');
    }
    if (typeof value !== 'string') throw new ConfigError(filePath, `${where}.${key}`, 'Expected a string.');
    if (key !== 'stripSuffix' && !value.includes('{base}')) {
      throw new ConfigError(filePath, `${where}.${key}`, `Expected a name template containing "{base}" but got "${value}".`);
    }
  }
}

function keyOf(instancePath: string, params: Record<string, unknown>): string {
  const path = instancePath.replace(/^\//, '').replace(/\//g, '.');
  const extra = typeof params.additionalProperty === 'string' ? params.additionalProperty : '';
  return [path, extra].filter(Boolean).join('.');
}

function sentence(text: string): string {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.?]$/.test(capital) ? capital : `${capital}.`;
}

/** A string or list of strings as a list. */
export function asArray<T>(value: T | readonly T[] | undefined): readonly T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value as T];
}
