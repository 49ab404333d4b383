/** Words for model parts inside diagnostic messages (the messages themselves live in the rules). */
import { stringValue, type ObjectNode } from './ast';
import type { State, Transition } from './types';

/** `"StartAt"`, `the "Next" of "A"`, `the "Catch" of "A"` … */
export function describeTransition(t: Transition): string {
  return t.from ? `the "${t.field}" of "${t.from.name}"` : '"StartAt"';
}

/** The query language in force for a state: its own, else the machine's, else JSONPath. */
export function queryLanguage(state: State): 'JSONPath' | 'JSONata' {
  const own = stringValue(state.field('QueryLanguage'));
  return (own ?? machineLanguageField(state.scope.machine.root.node)) === 'JSONata' ? 'JSONata' : 'JSONPath';
}

/** The first `QueryLanguage` of the machine's top level, as a string (asked for every state: a plain loop). */
function machineLanguageField(root: ObjectNode): string | undefined {
  for (const p of root.properties) if (p.key.value === 'QueryLanguage') return stringValue(p.value);
  return undefined;
}
