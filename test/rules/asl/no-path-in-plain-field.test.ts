import rule from '../../../rules/asl/no-path-in-plain-field';
import { RuleTester, machine, yaml } from '../../harness';

const pass = (fields: Record<string, unknown>, top: Record<string, unknown> = {}) => ({
  ...top,
  StartAt: 'P',
  States: { P: { Type: 'Pass', ...fields, End: true } },
});

new RuleTester().run('asl/no-path-in-plain-field', rule, {
  valid: [
    { name: 'paths under ".$" keys', code: machine(pass({ Parameters: { 'a.$': '$.a', 'b.$': 'States.UUID()', c: { 'd.$': '$$.Execution.Id' } } })) },
    { name: 'strings that merely start with a dollar', code: machine(pass({ Parameters: { price: '$5.00', currency: '$', name: '$USD', note: 'see $.a' } })) },
    { name: 'a path outside payload templates', code: machine(pass({ Comment: '$.a', Result: { a: '$.a' } })) },
    { name: 'a JSONata state passes strings as they are', code: machine(pass({ QueryLanguage: 'JSONata', Arguments: { a: '$.a' } })) },
    { name: 'templated values', code: machine(pass({ Parameters: { a: '${path}', b: { 'Fn::Sub': '$.${X}' }, c: '$.${field}' } })) },
  ],
  invalid: [
    {
      name: 'a path and an intrinsic under plain keys',
      code: yaml`
        StartAt: P
        States:
          P:
            Type: Pass
            Parameters:
              url: $.url
              id: States.UUID()
            End: true`,
      errors: [
        { messageId: 'literal', line: 6, column: 12, message: 'Expected key "url" to end in ".$": its value "$.url" looks like a path but is passed on as a literal string.' },
        { messageId: 'literal', line: 7, column: 11, message: 'looks like an intrinsic function' },
      ],
    },
    {
      name: 'context paths nested in arrays of ItemSelector and ResultSelector',
      code: yaml`
        StartAt: M
        States:
          M:
            Type: Map
            ItemSelector:
              items:
                - index: $$.Map.Item.Index
            ItemProcessor: { StartAt: P, States: { P: { Type: Pass, End: true } } }
            ResultSelector: { first: "$[0]" }
            End: true`,
      errors: [
        { messageId: 'literal', line: 7, column: 18, message: '"index"' },
        { messageId: 'literal', line: 9, column: 30, message: '"first"' },
      ],
    },
  ],
});
