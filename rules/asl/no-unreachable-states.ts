/** Guards against states that no transition leads to, which AWS refuses (MISSING_TRANSITION_TARGET, "is not reachable"). */
import { defineRule } from '../../src/engine/define-rule';
import { describeScope, hasOpaqueTransitions } from '../../src/asl/graph';
import { getValue } from '../../src/model/ast';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow states that no "StartAt", "Next", "Default", "Choices" or "Catch" of their "States" refers to',
      recommended: true,
      defaultSeverity: 'error',
    },
    messages: {
      unreferenced: 'State "{{name}}" is unreachable: no transition in {{scope}} refers to it.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Scope(scope) {
        // Without "StartAt" the first state is unreferenced for a reason the field rules report.
        // A target we cannot read (`Next: !Ref X`, `${next}`) may be the missing reference.
        if (getValue(scope.node, 'StartAt') === undefined || hasOpaqueTransitions(scope)) return;
        // Self-references count: whether AWS counts them is not known, and an error must be certain.
        const referenced = new Set(scope.transitions.map((t) => t.target.value));
        for (const state of scope.states) {
          if (referenced.has(state.name) || scope.get(state.name) !== state) continue;
          ctx.report({ node: state.key, messageId: 'unreferenced', data: { name: state.name, scope: describeScope(scope) } });
        }
      },
    };
  },
});
