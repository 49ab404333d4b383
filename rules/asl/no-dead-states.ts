/**
 * Guards against states that are referred to, but only from states that never run themselves
 * (an unreachable cycle, or a chain hanging off an unreachable state). AWS is not known to
 * refuse these (its measured check is "some transition names the state"), so this is a rule of
 * its own beside asl/no-unreachable-states, a warning in the recommended preset.
 */
import { defineRule } from '../../src/engine/define-rule';
import { describeScope, isGraphComplete, reachableStates, targetOf } from '../../src/asl/graph';

export default defineRule({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow states that are reachable only from states that "StartAt" never reaches',
      recommended: true,
      defaultSeverity: 'warn',
    },
    messages: {
      dead: 'State "{{name}}" is unreachable from "StartAt" in {{scope}}: only unreachable states lead to it ({{from}}).',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Scope(scope) {
        // An unknown target (a typo in "StartAt" or a "Next") is asl/valid-transition-target's;
        // once fixed, the states reported here may well be reachable.
        if (!scope.startAt || !isGraphComplete(scope)) return;
        const reached = reachableStates(scope);
        for (const state of scope.states) {
          if (reached.has(state) || scope.get(state.name) !== state) continue;
          const sources = scope.transitions.filter((t) => t.from && targetOf(t) === state).map((t) => `"${t.from!.name}"`);
          // A state nothing refers to is asl/no-unreachable-states' (an error AWS also raises).
          if (sources.length === 0) continue;
          ctx.report({
            node: state.key,
            messageId: 'dead',
            data: { name: state.name, scope: describeScope(scope), from: [...new Set(sources)].join(', ') },
          });
        }
      },
    };
  },
});
