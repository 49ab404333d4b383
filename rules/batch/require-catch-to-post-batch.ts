/**
 * Guards against a failed Batch job skipping post-batch: post-batch reads the job's log and
 * raises its real error, so every error must reach it in `$.error`.
 */
import { defineRule } from '../../src/engine/define-rule';
import { getValue, stringValue, type ObjectNode } from '../../src/model/ast';
import { isPath } from '../../src/model/paths';
import type { State } from '../../src/model/types';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a Batch task to catch "States.ALL" into "$.error" and go to its post-batch task',
      recommended: true,
      defaultSeverity: 'error',
    },
    fixable: 'code',
    messages: {
      missingCatch: 'Missing a "Catch" of "States.ALL" with "ResultPath": "$.error" in Batch task "{{name}}", going to post-batch task "{{post}}".',
      missingCatchNoPost: 'Missing a "Catch" of "States.ALL" with "ResultPath": "$.error" in Batch task "{{name}}", going to a post-batch task.',
      wrongTarget: 'Expected the "States.ALL" catcher of Batch task "{{name}}" to go to a post-batch task but it goes to "{{target}}".',
      wrongResultPath: 'Expected the "States.ALL" catcher of Batch task "{{name}}" to have "ResultPath": "$.error" but got {{value}}.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Task(state) {
        if (!ctx.batch.isBatchTask(state)) return;
        const catcher = catchAll(state);
        if (!catcher) {
          const next = state.scope.get(stringValue(state.field('Next')) ?? '');
          const post = ctx.batch.isPostBatch(next) ? next : undefined;
          if (post) ctx.report({ node: state.key, messageId: 'missingCatch', data: { name: state.name, post: post.name } });
          else ctx.report({ node: state.key, messageId: 'missingCatchNoPost', data: { name: state.name } });
          return;
        }
        const target = stringValue(getValue(catcher, 'Next'));
        if (!ctx.batch.isPostBatch(state.scope.get(target ?? ''))) {
          ctx.report({ node: state.key, messageId: 'wrongTarget', data: { name: state.name, target: target ?? '' } });
        }
        const resultPath = getValue(catcher, 'ResultPath');
        if (!isPath(stringValue(resultPath), '$.error')) {
          const value = resultPath === undefined ? 'none' : `"${stringValue(resultPath) ?? 'null'}"`;
          ctx.report({ node: state.key, messageId: 'wrongResultPath', data: { name: state.name, value } });
        }
      },
    };
  },
});

/** The first catcher whose `ErrorEquals` lists `States.ALL`. */
function catchAll(state: State): ObjectNode | undefined {
  const catchers = state.field('Catch');
  if (catchers?.kind !== 'array') return undefined;
  for (const catcher of catchers.items) {
    const errors = getValue(catcher, 'ErrorEquals');
    if (catcher.kind === 'object' && errors?.kind === 'array' && errors.items.some((e) => stringValue(e) === 'States.ALL')) {
      return catcher;
    }
  }
  return undefined;
}
