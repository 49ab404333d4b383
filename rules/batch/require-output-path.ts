/** Guards against a batch group passing on the Parallel's result array instead of the branch's payload. */
import { setGroupOutput } from '../../fixes/set-group-output';
import { defineRule } from '../../src/engine/define-rule';
import { stringValue, toValue, type AstNode } from '../../src/model/ast';
import { queryLanguage } from '../../src/model/describe';
import { isPath } from '../../src/model/paths';

// JSONata states have no OutputPath; `Output` selects the first branch result instead.
const JSONATA_FIRST_RESULT = /^\{%\s*\$states\.result\[0\]\s*%\}$/;

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a batch group to pass on its branch result with "OutputPath": "$[0]"',
      recommended: true,
      defaultSeverity: 'error',
    },
    fixable: 'code',
    messages: {
      missingOutputPath: 'Missing "OutputPath": "$[0]" on batch group "{{name}}". A "Parallel" outputs an array of branch results.',
      wrongOutputPath: 'Expected "OutputPath" of batch group "{{name}}" to be "$[0]" but got "{{value}}".',
      missingOutput: 'Missing "Output": "{% $states.result[0] %}" on JSONata batch group "{{name}}". A "Parallel" outputs an array of branch results.',
      wrongOutput: 'Expected "Output" of JSONata batch group "{{name}}" to be "{% $states.result[0] %}" but got "{{value}}".',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Parallel(state) {
        if (!ctx.batch.isBatchGroup(state)) return;
        if (queryLanguage(state) === 'JSONata') {
          const output = state.field('Output');
          if (output === undefined) {
            ctx.report({ node: state.key, messageId: 'missingOutput', data: { name: state.name }, fix: setGroupOutput(state) });
          } else if (!JSONATA_FIRST_RESULT.test(stringValue(output)?.trim() ?? '')) {
            ctx.report({ node: state.key, messageId: 'wrongOutput', data: { name: state.name, value: display(output) }, fix: setGroupOutput(state) });
          }
          return;
        }
        const outputPath = state.field('OutputPath');
        if (outputPath === undefined) {
          ctx.report({ node: state.key, messageId: 'missingOutputPath', data: { name: state.name }, fix: setGroupOutput(state) });
        } else if (!isPath(stringValue(outputPath), '$[0]')) {
          ctx.report({ node: state.key, messageId: 'wrongOutputPath', data: { name: state.name, value: display(outputPath) }, fix: setGroupOutput(state) });
        }
      },
    };
  },
});

/** A field's value for a message: the scalar as written, or the JSON of an object or array. */
function display(node: AstNode): string {
  return node.kind === 'scalar' ? String(node.value) : JSON.stringify(toValue(node));
}
