/** Words for model parts inside diagnostic messages (the messages themselves live in the rules). */
import { stringValue } from './ast';
import type { State, Transition } from './types';

/** `"StartAt"`, `the "Next" of "A"`, `the "Catch" of "A"` … */
export function describeTransition(t: Transition): string {
  return t.from ? `the "${t.field}" of "${t.from.name}"` : '"StartAt"';
}

/** The query language in force for a state: its own, else the machine's, else JSONPath. */
export function queryLanguage(state: State): 'JSONPath' | 'JSONata' {
  const own = stringValue(state.field('QueryLanguage'));
  const top = stringValue(state.scope.machine.root.node.properties.find((p) => p.key.value === 'QueryLanguage')?.value);
  return (own ?? top) === 'JSONata' ? 'JSONata' : 'JSONPath';
}
