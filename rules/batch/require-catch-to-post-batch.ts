/**
 * Guards against a failed Batch job skipping post-batch: post-batch reads the job's log and
 * raises its real error, so every error must reach it in the input's `error` key.
 */
import { catchToPostBatch } from '../../fixes/catch-to-post-batch';
import { defineRule } from '../../src/engine/define-rule';
import { collectStrings, getValue, stringValue, type AstNode, type ObjectNode } from '../../src/model/ast';
import { queryLanguage } from '../../src/model/describe';
import { isPath } from '../../src/model/paths';
import type { State } from '../../src/model/types';

const ERROR_OUTPUT = /\$states\.errorOutput\b/;
// `{'error': $states.errorOutput}` or `"error": $states.errorOutput` inside a JSONata expression.
const ERROR_KEY_IN_EXPRESSION = /\berror\b['"]?\s*:\s*\$states\.errorOutput\b/;

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
      missingCatchJsonata:
        'Missing a "Catch" of "States.ALL" in Batch task "{{name}}" whose "Output" puts "$states.errorOutput" in "error", going to a post-batch task.',
      wrongTarget: 'Expected the "States.ALL" catcher of Batch task "{{name}}" to go to a post-batch task but it goes to "{{target}}".',
      wrongResultPath: 'Expected the "States.ALL" catcher of Batch task "{{name}}" to have "ResultPath": "$.error" but got {{value}}.',
      wrongOutput: 'Expected the "States.ALL" catcher of Batch task "{{name}}" to have an "Output" that puts "$states.errorOutput" in "error".',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Task(state) {
        if (!ctx.batch.isBatchTask(state)) return;
        // JSONata catchers have no "ResultPath": their "Output" replaces the state's output.
        const jsonata = queryLanguage(state) === 'JSONata';
        const catcher = catchAll(state);
        // One fix for every JSONPath report: it makes the whole catcher right.
        const fix = jsonata ? undefined : catchToPostBatch(state, ctx.batch);
        if (!catcher) {
          const next = state.scope.get(stringValue(state.field('Next')) ?? '');
          if (jsonata) ctx.report({ node: state.key, messageId: 'missingCatchJsonata', data: { name: state.name } });
          else if (next && ctx.batch.isPostBatch(next)) ctx.report({ node: state.key, messageId: 'missingCatch', data: { name: state.name, post: next.name }, fix });
          else ctx.report({ node: state.key, messageId: 'missingCatchNoPost', data: { name: state.name } });
          return;
        }
        const target = stringValue(getValue(catcher, 'Next'));
        if (!ctx.batch.isPostBatch(state.scope.get(target ?? ''))) {
          ctx.report({ node: state.key, messageId: 'wrongTarget', data: { name: state.name, target: target ?? '' }, fix });
        }
        if (jsonata) {
          if (!outputsError(getValue(catcher, 'Output'))) ctx.report({ node: state.key, messageId: 'wrongOutput', data: { name: state.name } });
          return;
        }
        const resultPath = getValue(catcher, 'ResultPath');
        if (!isPath(stringValue(resultPath), '$.error')) {
          ctx.report({ node: state.key, messageId: 'wrongResultPath', data: { name: state.name, value: describeValue(resultPath) }, fix });
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

/** A JSONata catcher `Output` that keeps the error output under `error`: `{"error": "{% $states.errorOutput %}"}` or an expression. */
function outputsError(output: AstNode | undefined): boolean {
  if (output?.kind === 'object') return collectStrings(getValue(output, 'error')).some((text) => ERROR_OUTPUT.test(text));
  const text = stringValue(output);
  return text !== undefined && ERROR_KEY_IN_EXPRESSION.test(text);
}

/** A `ResultPath` value for a message: `none` when absent, `null`, or the quoted string. */
function describeValue(node: AstNode | undefined): string {
  if (node === undefined) return 'none';
  if (node.kind !== 'scalar') return `a ${node.kind}`;
  return typeof node.value === 'string' ? `"${node.value}"` : String(node.value);
}
