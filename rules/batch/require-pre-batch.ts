/** Guards against a Batch task that can start without pre-batch having put the payload in S3. */
import { fixSettings, insertPreBatch } from '../../fixes/insert-batch-member';
import { defineRule } from '../../src/engine/define-rule';
import { describeTransition } from '../../src/model/describe';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every Batch task to be entered only from the "Next" of a pre-batch task',
      recommended: true,
      defaultSeverity: 'error',
    },
    fixable: 'code',
    messages: {
      notFromPreBatch: 'Unexpected entry into Batch task "{{name}}" from {{entries}}. Only the "Next" of a pre-batch task may lead to it.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Task(state) {
        if (!ctx.batch.isBatchTask(state)) return;
        const bad = ctx.machine
          .incoming(state)
          .filter((t) => !(t.field === 'Next' && ctx.batch.isPreBatch(t.from)));
        if (bad.length === 0) return;
        // Several `Choices` of one Choice state name the same entry once.
        const entries = [...new Set(bad.map(describeTransition))];
        ctx.report({
          node: state.key,
          messageId: 'notFromPreBatch',
          data: { name: state.name, entries: entries.join(', ') },
          fix: insertPreBatch(state, ctx.batch, fixSettings(ctx.settings)),
        });
      },
    };
  },
});
