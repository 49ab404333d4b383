/**
 * Guards against pre/post-batch called through `lambda:invoke` without unwrapping `Payload`:
 * the Batch task would look for `$.url` and find `$.Payload.url`.
 */
import { unwrapPayload } from '../../fixes/unwrap-payload';
import { defineRule } from '../../src/engine/define-rule';
import { collectStrings, stringValue, type AstNode } from '../../src/model/ast';
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
      missingUnwrapJsonata:
        'Missing "Output": "{% $states.result.Payload %}" on {{role}} task "{{name}}". "lambda:invoke" wraps the function\'s result in "Payload".',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Task(state) {
        const role = ctx.batch.roleOf(state);
        if (role?.role === 'batch' || !role?.invoke) return;
        const jsonata = queryLanguage(state) === 'JSONata';
        if (jsonata ? unwrapsJsonata(state) : unwrapsJsonPath(state)) return;
        ctx.report({ node: state.key, messageId: jsonata ? 'missingUnwrapJsonata' : 'missingUnwrap', data: { role: role.role, name: state.name }, fix: unwrapPayload(state) });
      },
    };
  },
});

/** A JSONata `Output` that reads `$states.result.Payload`. */
function unwrapsJsonata(state: State): boolean {
  return collectStrings(state.field('Output')).some((text) => /\$states\.result\.Payload\b/.test(text));
}

/**
 * The state's output is the function's result: `OutputPath` selects `Payload` inside the result
 * (at `ResultPath`, `$` by default), or a `ResultSelector` reads from `$.Payload` and
 * `OutputPath` selects the result as it is.
 */
function unwrapsJsonPath(state: State): boolean {
  // `null` (the result is discarded, or the output is empty) is not a reference path, so it never unwraps.
  const result = steps(state.field('ResultPath'));
  const output = steps(state.field('OutputPath'));
  if (result === undefined || output === undefined) return false;
  if (readsPayload(state.field('ResultSelector'))) return sameSteps(output, result);
  return sameSteps(output, [...result, 'Payload']);
}

/** The steps of a reference-path field, `['$']` when it is absent. */
function steps(node: AstNode | undefined): readonly string[] | undefined {
  if (node === undefined) return ['$'];
  const text = stringValue(node);
  return text === undefined ? undefined : pathSteps(text.trim());
}

function sameSteps(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((step, i) => step === b[i]);
}

/** A `ResultSelector` with a `*.$` entry (at any depth) whose path starts at `$.Payload`. */
function readsPayload(node: AstNode | undefined): boolean {
  if (node?.kind === 'array') return node.items.some(readsPayload);
  if (node?.kind !== 'object') return false;
  return node.properties.some((p) =>
    String(p.key.value).endsWith('.$') ? pathStartsWith(stringValue(p.value), '$.Payload') : readsPayload(p.value),
  );
}
