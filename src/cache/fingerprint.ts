/**
 * The fingerprints a cache entry is keyed by: the file's content, and the configuration that
 * applies to it (every enabled rule with its severity and options, and the settings), so editing
 * a file or a rule option makes its entry stale.
 */
import crypto from 'node:crypto';
import type { ResolvedConfig } from '../config/types';

/** A hash of a file's text. */
export function contentHash(text: string): string {
  return crypto.createHash('sha1').update(text).digest('hex');
}

const configHashes = new WeakMap<ResolvedConfig, string>();

/** A hash of a resolved configuration (memoised: the resolver hands out one object per override set). */
export function configHash(config: ResolvedConfig): string {
  let hash = configHashes.get(config);
  if (!hash) {
    const rules = [...config.rules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    hash = crypto.createHash('sha1').update(stableJson({ rules, settings: config.settings })).digest('hex');
    configHashes.set(config, hash);
  }
  return hash;
}

/** JSON with object keys sorted, so equal values always hash alike whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
