/** The shareable presets `wf-lint:recommended` (the default) and `wf-lint:strict`, built from rule metadata. */
import type { RuleModule } from '../engine/define-rule';
import type { ConfigData, RuleEntry } from './types';

export const PRESET_NAMES = ['wf-lint:recommended', 'wf-lint:strict'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** The rules block of a preset: recommended rules at their default severity, or every rule for strict. */
export function presetConfig(name: PresetName, rules: Readonly<Record<string, RuleModule>>): ConfigData {
  const entries: Record<string, RuleEntry> = {};
  for (const [id, rule] of Object.entries(rules)) {
    if (name === 'wf-lint:strict') entries[id] = 'error';
    else if (rule.meta.docs.recommended) entries[id] = rule.meta.docs.defaultSeverity;
  }
  return { rules: entries };
}
