/**
 * Guards against Task `Resource` values AWS rejects: anything but a Lambda function ARN, an
 * activity ARN or a `states` service integration, and `.sync` on an AWS SDK integration. The
 * parser is `src/asl/resource.ts`. Deploy-time values (`!GetAtt Fn.Arn`, `${FunctionArn}`,
 * `#{Fn}`, `${self:custom.arn}`) are unknown, never errors; DefinitionSubstitutions and
 * `Fn::Sub` variables given as plain strings are filled in first.
 */
import { declaredLanguage } from '../../src/asl/declared-language';
import { judgeResource } from '../../src/asl/resource';
import { describeValue, isJsonataExpression } from '../../src/asl/state-field-values';
import { defineRule } from '../../src/engine/define-rule';
import { getValue, stringValue, type AstNode } from '../../src/model/ast';
import type { StateMachine } from '../../src/model/types';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce a Task "Resource" that Step Functions can run',
      recommended: true,
      defaultSeverity: 'error',
    },
    messages: {
      invalidResource:
        'Invalid "Resource" {{resource}}. Expected a Lambda function ARN, an activity ARN, or a service integration "arn:<partition>:states:::<service>:<action>".',
      sdkSync: 'Unexpected "{{suffix}}" in AWS SDK integration {{resource}}. AWS SDK integrations support only request-response and ".waitForTaskToken".',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Task(state) {
        const node = state.field('Resource');
        if (node === undefined || node.placeholder) return;
        if (declaredLanguage(state) !== 'JSONPath' && isJsonataExpression(node)) return;
        if (node.kind !== 'scalar') {
          // An intrinsic is known only at deploy time, but the template of an `Fn::Sub` can be read.
          const template = subTemplate(node);
          if (template !== undefined) judge(template, node);
          else if (node.kind === 'array') ctx.report({ node, messageId: 'invalidResource', data: { resource: describeValue(node) } });
          return;
        }
        if (typeof node.value !== 'string') {
          ctx.report({ node, messageId: 'invalidResource', data: { resource: describeValue(node) } });
          return;
        }
        judge(substitute(node.value, ctx.machine), node);
      },
    };

    function judge(resource: string, node: AstNode): void {
      const verdict = judgeResource(resource);
      if (verdict.kind === 'invalid') ctx.report({ node, messageId: 'invalidResource', data: { resource: JSON.stringify(resource) } });
      else if (verdict.kind === 'sdk-sync') ctx.report({ node, messageId: 'sdkSync', data: { suffix: verdict.suffix, resource: JSON.stringify(resource) } });
    }
  },
});

/** The string template of `{ "Fn::Sub": "..." }` or `{ "Fn::Sub": ["...", {...}] }`, with plain string variables filled in. */
function subTemplate(node: AstNode): string | undefined {
  if (node.kind !== 'object' || node.properties.length !== 1) return undefined;
  const sub = getValue(node, 'Fn::Sub');
  const direct = stringValue(sub);
  if (direct !== undefined) return direct;
  if (sub?.kind !== 'array') return undefined;
  const template = stringValue(sub.items[0]);
  const variables = sub.items[1];
  if (template === undefined) return undefined;
  return template.replace(/\$\{([^}]*)\}/g, (whole, name: string) => stringValue(getValue(variables, name)) ?? whole);
}

/** `text` with `${name}` filled in from the machine's DefinitionSubstitutions, where they are plain strings. */
function substitute(text: string, machine: StateMachine): string {
  const map = machine.host.substitutions;
  if (!map) return text;
  return text.replace(/\$\{([^}]*)\}/g, (whole, name: string) => stringValue(map.get(name)) ?? whole);
}
