/** Guards against two states with one name anywhere in a machine, which AWS refuses (DUPLICATE_STATE_NAMES). */
import { defineRule } from '../../src/engine/define-rule';
import { describeScope } from '../../src/asl/graph';
import { MERGE_KEY } from '../../src/asl/merge-key';
import type { State } from '../../src/model/types';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require state names to be unique across the whole machine, Parallel branches and Map processors included',
      recommended: true,
      defaultSeverity: 'error',
    },
    messages: {
      duplicateKey: 'Duplicate state name "{{name}}" in {{scope}}; previously defined at line {{line}} of the same "States".',
      duplicateName: 'Duplicate state name "{{name}}"; previously defined at line {{line}}, in {{scope}}. State names must be unique in the whole machine.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      StateMachine(machine) {
        // Document order, so the report always falls on the later definition.
        // `<<: *common` in a "States" is a YAML merge, not a state named "<<".
        const states = machine
          .states()
          .filter((s) => s.name !== MERGE_KEY)
          .sort((a, b) => a.key.range[0] - b.key.range[0]);
        const first = new Map<string, State>();
        for (const state of states) {
          const original = first.get(state.name);
          if (!original) {
            first.set(state.name, state);
            continue;
          }
          const data = { name: state.name, scope: describeScope(original.scope), line: ctx.locate(original.key).line };
          ctx.report({ node: state.key, messageId: original.scope === state.scope ? 'duplicateKey' : 'duplicateName', data });
        }
      },
    };
  },
});
