/**
 * Flags the most common JSONPath slip, which AWS only warns about: a path or intrinsic call
 * under a key without `.$` is passed on as a literal string, never evaluated.
 */
import { looksLikeIntrinsic } from '../../src/asl/intrinsics';
import { isTemplated } from '../../src/asl/paths-placeholders';
import { queryLanguageOf } from '../../src/asl/query-language';
import { defineRule } from '../../src/engine/define-rule';
import type { AstNode } from '../../src/model/ast';

/** Payload templates: the fields where a `.$` key is evaluated. */
const TEMPLATE_FIELDS = ['Parameters', 'ResultSelector', 'ItemSelector'] as const;

// `$.x`, `$$.x`, `$[0]`: a bare `$` or `$5` is too often meant literally to be reported.
const PATH_LIKE = /^\$\$?[.[]/;

export default defineRule({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow paths and intrinsic functions under keys that do not end in ".$"',
      recommended: true,
      defaultSeverity: 'warn',
    },
    messages: {
      literal: 'Expected key "{{key}}" to end in ".$": its value "{{value}}" looks like {{what}} but is passed on as a literal string.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      State(state) {
        if (queryLanguageOf(state) === 'JSONata') return;
        for (const field of TEMPLATE_FIELDS) {
          const node = state.field(field);
          if (node) check(node);
        }
      },
    };

    function check(node: AstNode): void {
      // `!Sub "$.x"` and other template values are filled in at deployment: not the user's literal.
      if (isTemplated(node)) return;
      if (node.kind === 'array') node.items.forEach(check);
      if (node.kind !== 'object') return;
      for (const p of node.properties) {
        const key = String(p.key.value);
        if (key.endsWith('.$')) continue;
        const value = p.value;
        if (value.kind !== 'scalar') {
          check(value);
          continue;
        }
        if (typeof value.value !== 'string' || isTemplated(value)) continue;
        const what = PATH_LIKE.test(value.value) ? 'a path' : looksLikeIntrinsic(value.value) ? 'an intrinsic function' : undefined;
        if (what) ctx.report({ node: value, messageId: 'literal', data: { key, value: value.value, what } });
      }
    }
  },
});
