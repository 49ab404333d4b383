/**
 * Guards against pre/post-batch called through `lambda:invoke` without unwrapping `Payload`:
 * the Batch task would look for `$.url` and find `$.Payload.url`.
 */
import { defineRule } from '../../src/engine/define-rule';
import { collectStrings, stringValue } from '../../src/model/ast';
import { queryLanguage } from '../../src/model/describe';
import { pathStartsWith, pathSteps } from '../../src/model/paths';
import type { State } from '../../src/model/types';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require pre-batch and post-batch states that use "lambda:invoke" to unwrap "Payload"',
      recommended: true,
      defaultSeverity: 'error',
    },
    fixable: 'code',
    messages: {
      missingUnwrap: 'Missing "OutputPath": "$.Payload" on {{role}} task "{{name}}". "lambda:invoke" wraps the function\'s result in "Payload".',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Task(state) {
        const role = ctx.batch.roleOf(state);
        if (role?.role === 'batch' || !role?.invoke || unwraps(state)) return;
        ctx.report({ node: state.key, messageId: 'missingUnwrap', data: { role: role.role, name: state.name } });
      },
    };
  },
});

/** `OutputPath` into `Payload`, a `ResultSelector` that reads from `$.Payload`, or a JSONata `Output` doing the same. */
function unwraps(state: State): boolean {
  if (queryLanguage(state) === 'JSONata') {
    return collectStrings(state.field('Output')).some((text) => /\$states\.result\.Payload\b/.test(text));
  }
  const outputPath = stringValue(state.field('OutputPath'));
  if (outputPath !== undefined && pathSteps(outputPath)?.includes('Payload')) return true;
  return collectStrings(state.field('ResultSelector')).some((text) => pathStartsWith(text, '$.Payload'));
}
