/**
 * Which query language a state's fields are written in. AWS: a state's own `QueryLanguage`
 * wins, else the machine's top-level one, else JSONPath. The asl rules share this helper
 * so they agree on which fields (`Parameters` vs `Arguments`, `*.$` keys vs `{% %}`) apply.
 */
import { stringValue } from '../model/ast';
import { queryLanguage } from '../model/describe';
import type { State, StateMachine } from '../model/types';

export type QueryLanguage = 'JSONPath' | 'JSONata';

/** The query language in force for `state`. */
export function queryLanguageOf(state: State): QueryLanguage {
  return queryLanguage(state);
}

/** The machine's top-level `QueryLanguage` (JSONPath when absent or not a known name). */
export function machineQueryLanguage(machine: StateMachine): QueryLanguage {
  const top = machine.root.node.properties.find((p) => p.key.value === 'QueryLanguage');
  return stringValue(top?.value) === 'JSONata' ? 'JSONata' : 'JSONPath';
}
