/** Guards against transitions to states that do not exist in the transition's own `States` (AWS MISSING_TRANSITION_TARGET). */
import { defineRule } from '../../src/engine/define-rule';
import { describeScope, isTemplated, isWithin, targetOf, targetSlots } from '../../src/asl/graph';
import { hasMergeKey } from '../../src/asl/merge-key';
import type { AstNode } from '../../src/model/ast';
import { closestName } from '../../src/asl/suggest';
import type { Scope, Transition } from '../../src/model/types';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require "StartAt", "Next", "Default", "Choices" and "Catch" targets to name a state of the same "States"',
      recommended: true,
      defaultSeverity: 'error',
    },
    messages: {
      unknownTarget: '{{field}} refers to unknown state "{{target}}".',
      unknownTargetSuggest: '{{field}} refers to unknown state "{{target}}". Did you mean "{{candidate}}"?',
      leavesScope: '{{field}} refers to state "{{target}}" outside {{scope}}. A transition cannot leave a Parallel branch or a Map processor.',
      entersScope: '{{field}} refers to state "{{target}}" inside {{other}}. A transition cannot enter a Parallel branch or a Map processor.',
      notAName: 'Expected {{field}} to be the name of a state but got {{value}}.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Scope(scope) {
        // The model keeps string targets only; anything else written there is judged here.
        // The top-level "StartAt" is a machine field, typed by asl/valid-machine-fields.
        for (const slot of targetSlots(scope)) {
          if (!scope.owner && slot.label === '"StartAt"') continue;
          const value = describeNonName(slot.node);
          if (value !== undefined) ctx.report({ node: slot.node, messageId: 'notAName', data: { field: slot.label, value } });
        }
      },
      Transition(t) {
        // A templated target (`${NextState}`) is unknown until deployment, not wrong. Without a
        // "States" object every name is unknown; the field rules report the missing "States".
        // States merged in with `<<: *common` have names the model does not know yet.
        if (targetOf(t) || isTemplated(t) || !t.scope.statesNode || hasMergeKey(t.scope.statesNode)) return;
        const target = String(t.target.value);
        const field = fieldName(t);
        const elsewhere = ctx.machine.scopes().find((s) => s !== t.scope && s.get(target));
        if (elsewhere) {
          if (isWithin(t.scope, elsewhere)) {
            ctx.report({ node: t.target, messageId: 'leavesScope', data: { field, target, scope: describeScope(t.scope) } });
          } else {
            ctx.report({ node: t.target, messageId: 'entersScope', data: { field, target, other: describeScope(elsewhere) } });
          }
          return;
        }
        const candidate = closestName(target, names(t.scope));
        if (candidate === undefined) ctx.report({ node: t.target, messageId: 'unknownTarget', data: { field, target } });
        else ctx.report({ node: t.target, messageId: 'unknownTargetSuggest', data: { field, target, candidate } });
      },
    };
  },
});

/** `"Next"`, `"Choices[2].Next"`, `"Catch[0].Next"`: the field as it is written in the state. */
function fieldName(t: Transition): string {
  if (t.field === 'Choices' || t.field === 'Catch') return `"${t.field}[${t.index}].Next"`;
  return `"${t.field}"`;
}

function names(scope: Scope): string[] {
  return scope.states.map((s) => s.name);
}

/**
 * How to quote a target that is not a state name (`1`, `true`, `null`, `a list`), or undefined
 * for a name, a placeholder, or a CloudFormation intrinsic (`{ "Fn::Sub": … }`, `!Ref X`),
 * whose value is only known after deployment.
 */
function describeNonName(node: AstNode): string | undefined {
  if (node.placeholder) return undefined;
  if (node.kind === 'scalar') return typeof node.value === 'string' ? undefined : String(node.value);
  if (node.kind === 'array') return 'a list';
  const [only, ...rest] = node.properties;
  const key = only && rest.length === 0 ? String(only.key.value) : '';
  return key === 'Ref' || key.startsWith('Fn::') || node.tag !== undefined ? undefined : 'an object';
}

