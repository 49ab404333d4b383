/** Guards against a machine with no way to end, which AWS refuses (MISSING_END_STATE, "Workflow has no terminal state"). */
import { defineRule } from '../../src/engine/define-rule';
import { getProperty } from '../../src/model/ast';
import { mayBeTerminal } from '../../src/asl/graph';
import { hasMergeKey } from '../../src/asl/merge-key';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the top-level "States" to hold a terminal state: a Succeed or Fail state, or one with "End": true',
      recommended: true,
      defaultSeverity: 'error',
    },
    messages: {
      missingTerminal: 'Missing a terminal state in the top-level "States". Add a Succeed or Fail state, or "End": true to the last state.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      StateMachine(machine) {
        // AWS checks the top level only; a branch or processor that cannot end is asl/no-infinite-loop's.
        const root = machine.root;
        const states = getProperty(root.node, 'States');
        if (!states || root.states.length === 0 || hasMergeKey(root.statesNode) || root.states.some(mayBeTerminal)) return;
        ctx.report({ node: states.key, messageId: 'missingTerminal' });
      },
    };
  },
});
