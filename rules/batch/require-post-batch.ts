/** Guards against a Batch task whose result never reaches post-batch, which returns the output payload. */
import { fixSettings, insertPostBatch } from '../../fixes/insert-batch-member';
import { defineRule } from '../../src/engine/define-rule';
import { stringValue } from '../../src/model/ast';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every Batch task to continue to a post-batch task',
      recommended: true,
      defaultSeverity: 'error',
    },
    fixable: 'code',
    messages: {
      nextNotPostBatch: 'Expected the "Next" of Batch task "{{name}}" to be a post-batch task but got "{{next}}".',
      noNext: 'Missing post-batch task after Batch task "{{name}}", which has no "Next".',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Task(state) {
        if (!ctx.batch.isBatchTask(state)) return;
        const next = stringValue(state.field('Next'));
        if (next !== undefined && ctx.batch.isPostBatch(state.scope.get(next))) return;
        const fix = insertPostBatch(state, ctx.batch, fixSettings(ctx.settings));
        if (next === undefined) ctx.report({ node: state.key, messageId: 'noNext', data: { name: state.name }, fix });
        else ctx.report({ node: state.key, messageId: 'nextNotPostBatch', data: { name: state.name, next }, fix });
      },
    };
  },
});
