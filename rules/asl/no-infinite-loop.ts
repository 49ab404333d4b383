/**
 * Guards against a scope whose states, from `StartAt`, never reach a terminal state: the flow
 * can only loop, or end with an error. AWS refuses this only when the top-level "States" has no
 * terminal state at all (asl/require-terminal-state); everything else here it accepts, hence a
 * separate rule that warns.
 */
import { defineRule } from '../../src/engine/define-rule';
import { describeScope, isGraphComplete, mayBeTerminal, reachableStates } from '../../src/asl/graph';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a terminal state to be reachable from "StartAt" in the machine and in every branch and processor',
      recommended: true,
      defaultSeverity: 'warn',
    },
    messages: {
      noReachableEnd: 'No terminal state is reachable from "StartAt" in {{scope}}: its states can only loop or fail with an error.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Scope(scope) {
        const start = scope.startAt;
        // A dangling target may be meant for a terminal state: asl/valid-transition-target first.
        if (!start || !isGraphComplete(scope)) return;
        // A top level without any terminal state is asl/require-terminal-state's error.
        if (!scope.owner && !scope.states.some(mayBeTerminal)) return;
        if ([...reachableStates(scope)].some(mayBeTerminal)) return;
        ctx.report({ node: start, messageId: 'noReachableEnd', data: { scope: describeScope(scope) } });
      },
    };
  },
});
