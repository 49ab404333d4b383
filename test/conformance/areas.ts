/**
 * The areas a peer validator's pinned problem can fall in, and the wf-lint rules that cover each.
 * A pinned problem is matched when wf-lint reports an error from one of its area's rules; an area
 * lists more than one rule where the same defect is legitimately reported by either (a Fail state's
 * `Error` with `ErrorPath` is both a Fail-field and an exclusive-pair problem).
 */
import { rules } from '../../rules';

export type Area =
  | 'parse'
  | 'transition'
  | 'reachability'
  | 'next-end'
  | 'terminal'
  | 'names'
  | 'fields'
  | 'query-language'
  | 'retry-catch'
  | 'wait'
  | 'fail'
  | 'resource'
  | 'paths'
  | 'jsonata'
  | 'choice';

/** `null` stands for a parse error (a message with no rule id). */
export const AREA_RULES: Readonly<Record<Area, readonly (string | null)[]>> = {
  parse: [null, 'asl/unique-state-names'],
  transition: ['asl/valid-transition-target'],
  reachability: ['asl/no-unreachable-states'],
  'next-end': ['asl/require-next-or-end'],
  terminal: ['asl/require-terminal-state'],
  names: ['asl/unique-state-names', 'asl/valid-state-names'],
  fields: ['asl/valid-machine-fields', 'asl/valid-state-fields'],
  'query-language': ['asl/valid-query-language', 'asl/valid-state-fields'],
  'retry-catch': ['asl/valid-retry-catch'],
  wait: ['asl/valid-wait', 'asl/valid-state-fields'],
  fail: ['asl/valid-fail', 'asl/valid-state-fields'],
  resource: ['asl/valid-resource', 'asl/valid-state-fields'],
  paths: ['asl/valid-paths'],
  jsonata: ['asl/valid-jsonata'],
  choice: ['asl/valid-choice-rules'],
};

/** Whether every rule of `area` is in the registry yet (the core rules land one by one). */
export function areaImplemented(area: Area): boolean {
  return AREA_RULES[area].every((id) => id === null || id in rules);
}
