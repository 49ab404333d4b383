/** Guards against states that do not say where the flow goes next, or say it twice (AWS refuses both). */
import { defineRule } from '../../src/engine/define-rule';
import { hasMergeKey } from '../../src/asl/merge-key';
import type { PropertyNode } from '../../src/model/ast';
import type { State } from '../../src/model/types';

/** The types that continue the flow: each needs exactly one of "Next" and "End": true. */
const CONTINUING = new Set(['Task', 'Pass', 'Wait', 'Parallel', 'Map']);

/** The types that decide their own way out: "Choices"/"Default", or the end of the scope. */
const SELF_ROUTING = new Set(['Choice', 'Succeed', 'Fail']);

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require exactly one of "Next" and "End": true on Task, Pass, Wait, Parallel and Map states, and neither on Choice, Succeed and Fail states',
      recommended: true,
      defaultSeverity: 'error',
    },
    messages: {
      missingNextOrEnd: 'State "{{name}}" must have either "Next" or "End": true.',
      invalidEnd: 'Expected "End" to be true or false but got {{value}}.',
      bothNextAndEnd: 'Unexpected "End": true in state "{{name}}", which also has "Next". A state either moves on or ends its scope.',
      unexpectedInChoice: 'Unexpected "{{field}}" in Choice state "{{name}}". A Choice state moves on through "Choices" and "Default".',
      unexpectedInTerminal: 'Unexpected "{{field}}" in {{type}} state "{{name}}". A {{type}} state always ends its scope.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      State(state) {
        const type = state.type;
        // `<<: *base` may bring "Next" or "End" in: unknown until the model expands merges.
        if (type === undefined || state.field('Type')?.placeholder || hasMergeKey(state.node)) return;
        // A `Next` of the wrong kind (`Next:` left empty is null) is asl/valid-transition-target's.
        const next = state.fieldProperty('Next');
        const end = state.fieldProperty('End');
        // `End: ${is_last}` or an intrinsic is unknown until deployment.
        if (end && (end.value.placeholder || end.value.kind !== 'scalar')) return;
        if (CONTINUING.has(type)) checkContinuing(state, next, end);
        else if (SELF_ROUTING.has(type)) {
          const messageId = type === 'Choice' ? 'unexpectedInChoice' : 'unexpectedInTerminal';
          for (const property of [next, end]) {
            if (property) ctx.report({ node: property.key, messageId, data: { field: String(property.key.value), type, name: state.name } });
          }
        }
      },
    };

    function checkContinuing(state: State, next: PropertyNode | undefined, end: PropertyNode | undefined): void {
      if (end?.value.kind === 'scalar' && typeof end.value.value !== 'boolean') {
        // `End: "true"` or `End: yes`: a string is not an ending, and the fix is its type.
        ctx.report({ node: end.value, messageId: 'invalidEnd', data: { value: JSON.stringify(end.value.value) } });
        return;
      }
      // `End: false` says nothing: the state still needs a "Next".
      const ends = end?.value.kind === 'scalar' && end.value.value === true;
      if (next && ends) ctx.report({ node: end!.key, messageId: 'bothNextAndEnd', data: { name: state.name } });
      else if (!next && !ends) ctx.report({ node: state.key, messageId: 'missingNextOrEnd', data: { name: state.name } });
    }
  },
});
