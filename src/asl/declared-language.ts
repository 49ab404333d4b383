/**
 * The query language a state's fields are written in, when it can be known. Unlike
 * `queryLanguageOf`, which falls back to JSONPath, this answers undefined when the deciding
 * `QueryLanguage` (the state's own, else the machine's) is not `JSONPath` or `JSONata`: a
 * misspelt or deploy-time name. Language-dependent checks then stand aside, so a bad name is
 * reported once (by `asl/valid-query-language`) instead of once per field it seems to break.
 */
import { getValue, stringValue } from '../model/ast';
import type { State } from '../model/types';
import type { QueryLanguage } from './query-language';

/** The query language in force for `state`, or undefined when its `QueryLanguage` is unknown. */
export function declaredLanguage(state: State): QueryLanguage | undefined {
  const deciding = state.field('QueryLanguage') ?? getValue(state.scope.machine.root.node, 'QueryLanguage');
  if (deciding === undefined) return 'JSONPath';
  const name = stringValue(deciding);
  return name === 'JSONPath' || name === 'JSONata' ? name : undefined;
}
