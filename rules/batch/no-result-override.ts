/** Guards against reshaping the Batch job's result, which post-batch reads as it is (`Parameters.url_out`). */
import { defineRule } from '../../src/engine/define-rule';

const FIELDS = ['ResultPath', 'ResultSelector', 'OutputPath'] as const;

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
        for (const field of FIELDS) {
          if (state.fieldProperty(field)) ctx.report({ node: state.key, messageId: 'override', data: { field, name: state.name } });
        }
      },
    };
  },
});
