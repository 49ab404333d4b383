/** `--rule 'batch/require-sync: off'` → `{ 'batch/require-sync': 'off' }` (the value is read as YAML flow). */
import type { RuleEntry } from '../config/types';

export class UsageError extends Error {}

/** Parses every `--rule` argument into rule entries; a malformed one is a usage error. */
export function parseRuleOptions(values: readonly string[]): Record<string, RuleEntry> {
  const out: Record<string, RuleEntry> = {};
  for (const value of values) {
    const colon = value.indexOf(':');
    if (colon === -1) throw new UsageError(`Invalid --rule "${value}". Expected "rule-id: severity".`);
    const id = value.slice(0, colon).trim();
    let entry: unknown;
    try {
      // Loaded only when --rule is given (start-up cost matters for pre-commit hooks).
      entry = (require('yaml') as typeof import('yaml')).parse(value.slice(colon + 1));
    } catch {
      throw new UsageError(`Invalid --rule "${value}". Expected "rule-id: severity".`);
    }
    out[id] = entry as RuleEntry;
  }
  return out;
}
