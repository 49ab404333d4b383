/** `batch/unwrap-lambda-payload`: makes a pre/post-batch `lambda:invoke` state output the function's result. */
import type { FixFunction } from '../src/engine/fix-ops';
import { stringValue } from '../src/model/ast';
import { queryLanguage } from '../src/model/describe';
import { pathSteps } from '../src/model/paths';
import type { State } from '../src/model/types';
import { insertionPoint } from './placement';

const BEFORE_OUTPUT = ['Type', 'Comment', 'QueryLanguage', 'Resource', 'Parameters', 'Arguments', 'InputPath', 'ResultSelector', 'ResultPath'];

/**
 * Inserts `OutputPath: $.Payload` (`<ResultPath>.Payload` when the result is placed elsewhere),
 * or JSONata `Output: "{% $states.result.Payload %}"`. Undefined when the state already shapes
 * its output (`ResultSelector`, an `OutputPath` other than `$`, a JSONata `Output`, a
 * `ResultPath` that is not a path): changing those is the user's decision.
 */
export function unwrapPayload(state: State): FixFunction | undefined {
  if (queryLanguage(state) === 'JSONata') {
    if (state.field('Output') !== undefined) return undefined;
    return (f) => f.insert(state.node, 'Output', '{% $states.result.Payload %}', insertionPoint(state.node, BEFORE_OUTPUT));
  }
  if (state.field('ResultSelector') !== undefined) return undefined;
  const resultPath = state.field('ResultPath') === undefined ? '$' : stringValue(state.field('ResultPath'))?.trim();
  if (resultPath === undefined || pathSteps(resultPath) === undefined) return undefined;
  const value = resultPath === '$' ? '$.Payload' : `${resultPath}.Payload`;
  const output = state.fieldProperty('OutputPath');
  if (output) return stringValue(output.value)?.trim() === '$' ? (f) => f.set(output.value, value) : undefined;
  return (f) => f.insert(state.node, 'OutputPath', value, insertionPoint(state.node, BEFORE_OUTPUT));
}
