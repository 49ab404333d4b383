/** Guards against reshaping the Batch job's result, which post-batch reads as it is (`Parameters.url_out`). */
import { defineRule } from '../../src/engine/define-rule';
import { stringValue } from '../../src/model/ast';
import { queryLanguage } from '../../src/model/describe';
import { isPath } from '../../src/model/paths';
import type { State } from '../../src/model/types';

const JSONPATH_FIELDS = ['ResultPath', 'ResultSelector', 'OutputPath'] as const;
// In JSONata the output is shaped by "Output" alone; `{% $states.result %}` is its default.
const DEFAULT_JSONATA_OUTPUT = /^\{%\s*\$states\.result\s*%\}$/;

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow "ResultPath", "ResultSelector" and "OutputPath" on a Batch task',
      recommended: true,
      defaultSeverity: 'error',
    },
    messages: {
      override: 'Unexpected "{{field}}" on Batch task "{{name}}". Post-batch reads the job result as it is.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Task(state) {
        if (!ctx.batch.isBatchTask(state)) return;
        for (const field of overrides(state)) ctx.report({ node: state.key, messageId: 'override', data: { field, name: state.name } });
      },
    };
  },
});

/** The fields of `state` that change its output from the job result; `"$"` (the default) changes nothing. */
function overrides(state: State): string[] {
  if (queryLanguage(state) === 'JSONata') {
    const output = state.fieldProperty('Output');
    return output && !DEFAULT_JSONATA_OUTPUT.test(stringValue(output.value)?.trim() ?? '') ? ['Output'] : [];
  }
  return JSONPATH_FIELDS.filter((field) => {
    const property = state.fieldProperty(field);
    if (!property) return false;
    return field === 'ResultSelector' || !isPath(stringValue(property.value), '$');
  });
}
