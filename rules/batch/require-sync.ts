/** Guards against fire-and-forget Batch jobs: without `.sync` the workflow never sees the job's result. */
import { addSync } from '../../fixes/add-sync';
import { defineRule } from '../../src/engine/define-rule';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Batch tasks to wait for the job with "batch:submitJob.sync"',
      recommended: true,
      defaultSeverity: 'error',
    },
    fixable: 'code',
    messages: {
      missingSync: 'Expected Batch task "{{name}}" to use "batch:submitJob.sync". Without ".sync" the next state gets the SubmitJob response, not the job\'s result.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Task(state) {
        const role = ctx.batch.roleOf(state);
        // An opaque Resource (`${batch_arn}`) has sync === undefined: unknown, so not reported.
        if (role?.role !== 'batch' || role.sync !== false) return;
        ctx.report({ node: state.key, messageId: 'missingSync', data: { name: state.name }, fix: addSync(state) });
      },
    };
  },
});
