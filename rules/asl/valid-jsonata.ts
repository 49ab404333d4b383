/**
 * Guards against JSONata expressions that do not parse: AWS compiles every `{% ... %}`
 * string of a JSONata state when the machine is created. Reported at the string, with
 * jsonata's own message and the position inside the expression.
 */
import { checkJsonata, jsonataExpression } from '../../src/asl/jsonata';
import { isTemplated } from '../../src/asl/paths-placeholders';
import { queryLanguageOf } from '../../src/asl/query-language';
import { defineRule } from '../../src/engine/define-rule';
import type { AstNode } from '../../src/model/ast';

/** Subtrees that are not the state's own fields: nested states are visited as states, comments are never evaluated. */
const NOT_EVALUATED = new Set(['Branches', 'ItemProcessor', 'Iterator', 'Comment']);

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require JSONata expressions in JSONata states to parse',
      recommended: true,
      defaultSeverity: 'error',
    },
    messages: {
      invalid: 'Invalid JSONata expression in "{{field}}": {{problem}}.',
      invalidAt: 'Invalid JSONata expression in "{{field}}": {{problem}} (at character {{character}} of the expression).',
    },
    schema: [],
  },
  create(ctx) {
    return {
      State(state) {
        if (queryLanguageOf(state) !== 'JSONata') return;
        for (const p of state.node.properties) {
          const key = String(p.key.value);
          if (!NOT_EVALUATED.has(key)) check(p.value, key);
        }
      },
    };

    function check(node: AstNode, field: string): void {
      // `${...}`, `#{...}`, CloudFormation intrinsics: filled in later, so unknown here.
      if (isTemplated(node)) return;
      if (node.kind === 'array') node.items.forEach((item, i) => check(item, `${field}[${i}]`));
      else if (node.kind === 'object') for (const p of node.properties) check(p.value, `${field}.${String(p.key.value)}`);
      else if (typeof node.value === 'string') {
        const expression = jsonataExpression(node.value);
        if (expression === undefined) return;
        const problem = checkJsonata(expression);
        if (!problem) return;
        if (problem.offset === undefined) ctx.report({ node, messageId: 'invalid', data: { field, problem: problem.message } });
        else ctx.report({ node, messageId: 'invalidAt', data: { field, problem: problem.message, character: problem.offset + 1 } });
      }
    }
  },
});
