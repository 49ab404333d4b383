/** Guards against state names AWS refuses: empty, or longer than 80 characters. */
import { defineRule } from '../../src/engine/define-rule';
import { isTemplatedName } from '../../src/asl/graph';

/** The ASL specification's limit, in Unicode characters (code points), not UTF-16 units. */
const MAX_LENGTH = 80;

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce state names of 1 to 80 characters',
      recommended: true,
      defaultSeverity: 'error',
    },
    messages: {
      empty: 'Invalid empty state name. A state name needs at least 1 character.',
      tooLong: 'Invalid state name "{{name}}": {{length}} characters, at most {{max}} are allowed.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      State(state) {
        // A templated name (`${prefix}-Charge`) has its real length only after substitution.
        if (state.key.placeholder || isTemplatedName(state.name)) return;
        const length = [...state.name].length;
        if (length === 0) ctx.report({ node: state.key, messageId: 'empty' });
        else if (length > MAX_LENGTH) {
          ctx.report({ node: state.key, messageId: 'tooLong', data: { name: state.name, length, max: MAX_LENGTH } });
        }
      },
    };
  },
});
