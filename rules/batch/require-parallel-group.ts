/**
 * Guards against a Batch triad that is not wrapped in its own single-branch Parallel, so it
 * cannot be retried and caught as one unit.
 */
import { fixSettings } from '../../fixes/insert-batch-member';
import { wrapInGroup } from '../../fixes/wrap-in-group';
import { defineRule } from '../../src/engine/define-rule';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require each Batch task and its pre/post-batch tasks to sit alone in a single-branch "Parallel"',
      recommended: true,
      defaultSeverity: 'error',
    },
    fixable: 'code',
    messages: {
      notInGroup: 'Expected Batch task "{{name}}" and its pre/post-batch tasks to be wrapped in a single-branch "Parallel" (a batch group).',
      manyBranches: 'Expected Batch task "{{name}}" to be in a single-branch "Parallel" but "{{parallel}}" has {{count}} branches.',
      notAlone: 'Unexpected state "{{other}}" beside Batch task "{{name}}" in batch group "{{group}}". The branch must hold only the pre-batch, Batch and post-batch tasks.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Task(state) {
        if (!ctx.batch.isBatchTask(state)) return;
        const owner = state.scope.owner;
        if (owner?.type !== 'Parallel') {
          ctx.report({ node: state.key, messageId: 'notInGroup', data: { name: state.name }, fix: wrapInGroup(state, ctx.batch, fixSettings(ctx.settings)) });
          return;
        }
        if (owner.children.length !== 1) {
          ctx.report({
            node: state.key,
            messageId: 'manyBranches',
            data: { name: state.name, parallel: owner.name, count: owner.children.length },
            // The triad gets a group of its own inside the branch.
            fix: wrapInGroup(state, ctx.batch, fixSettings(ctx.settings)),
          });
          return;
        }
        const other = state.scope.states.find(
          (s) => s !== state && !ctx.batch.isPreBatch(s) && !ctx.batch.isPostBatch(s),
        );
        if (other) {
          ctx.report({ node: state.key, messageId: 'notAlone', data: { name: state.name, other: other.name, group: owner.name } });
        }
      },
    };
  },
});
