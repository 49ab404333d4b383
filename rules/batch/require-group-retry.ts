/** Guards against a batch group with no retry: the whole triad must be retried together, never Batch alone. */
import { addGroupRetry } from '../../fixes/add-group-retry';
import { defineRule } from '../../src/engine/define-rule';
import { getValue, numberValue, stringValue } from '../../src/model/ast';

export default defineRule({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a batch group to retry "States.ALL"',
      recommended: true,
      defaultSeverity: 'warn',
    },
    fixable: 'code',
    messages: {
      missingRetry: 'Missing a "Retry" of "States.ALL" on batch group "{{name}}". Retrying the group runs pre-batch, the job and post-batch again as one unit.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Parallel(state) {
        if (!ctx.batch.isBatchGroup(state)) return;
        const retriers = state.field('Retry');
        const retriesAll =
          retriers?.kind === 'array' &&
          retriers.items.some((r) => {
            const errors = getValue(r, 'ErrorEquals');
            // `MaxAttempts: 0` is ASL's way of saying "never retry".
            if (numberValue(getValue(r, 'MaxAttempts')) === 0) return false;
            return errors?.kind === 'array' && errors.items.some((e) => stringValue(e) === 'States.ALL');
          });
        if (!retriesAll) ctx.report({ node: state.key, messageId: 'missingRetry', data: { name: state.name }, fix: addGroupRetry(state) });
      },
    };
  },
});
