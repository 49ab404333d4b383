import rule from '../../../rules/asl/valid-jsonata';
import { RuleTester, json, machine, yaml } from '../../harness';

const jsonataPass = (fields: Record<string, unknown>) => ({
  QueryLanguage: 'JSONata',
  StartAt: 'P',
  States: { P: { Type: 'Pass', ...fields, End: true } },
});

new RuleTester().run('asl/valid-jsonata', rule, {
  valid: [
    { name: 'expressions in Output, Assign and nested Arguments', code: machine(jsonataPass({ Output: '{% $states.input.x %}', Assign: { total: '{% $sum($states.input.items.price) %}', list: ['{% $a %}', 1, null] } })) },
    { name: 'plain strings are literals', code: machine(jsonataPass({ Output: { a: 'not {% an expression', b: ' {% x + %}' } })) },
    { name: 'a Comment is never evaluated', code: machine(jsonataPass({ Comment: '{% x + %}' })) },
    { name: 'a JSONPath state is not checked', code: machine({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { a: '{% x + %}' }, End: true } } }) },
    { name: 'templated expressions are unknown', code: machine(jsonataPass({ Output: '{% ${expr} %}' })) },
    {
      name: 'Choice conditions and Map items',
      code: machine({
        QueryLanguage: 'JSONata',
        StartAt: 'C',
        States: {
          C: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.n > 1 %}', Next: 'M' }], Default: 'M' },
          M: { Type: 'Map', Items: '{% $states.input.list %}', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } }, End: true },
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'an unfinished expression in Output',
      code: yaml`
        QueryLanguage: JSONata
        StartAt: P
        States:
          P:
            Type: Pass
            Output: "{% $states.input + %}"
            End: true`,
      errors: [{ messageId: 'invalidAt', line: 6, column: 13, message: 'Invalid JSONata expression in "Output": Unexpected end of expression (at character 18 of the expression).' }],
    },
    {
      name: 'a state-level QueryLanguage, nested in Arguments, in JSON',
      code: json`
        {
          "StartAt": "T",
          "States": {
            "T": {
              "Type": "Task",
              "QueryLanguage": "JSONata",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Arguments": { "Payload": { "ids": ["{% $states.input.a b %}"] } },
              "End": true
            }
          }
        }`,
      errors: [{ messageId: 'invalidAt', line: 8, column: 43, message: '"Arguments.Payload.ids[0]": Syntax error: "b"' }],
    },
    {
      name: 'a Choice Condition and a Catch Output in the same machine',
      code: yaml`
        QueryLanguage: JSONata
        StartAt: C
        States:
          C:
            Type: Choice
            Choices:
              - Condition: "{% $states.input.n > %}"
                Next: T
            Default: T
          T:
            Type: Task
            Resource: arn:aws:states:::lambda:invoke
            Catch:
              - ErrorEquals: [States.ALL]
                Output: "{% {'e': } %}"
                Next: D
            End: true
          D:
            Type: Succeed`,
      errors: [
        { messageId: 'invalidAt', line: 7, column: 20, message: '"Choices[0].Condition"' },
        { messageId: 'invalidAt', line: 15, column: 17, message: '"Catch[0].Output"' },
      ],
    },
    {
      name: 'an empty expression',
      code: yaml`
        QueryLanguage: JSONata
        StartAt: P
        States:
          P: { Type: Pass, Output: "{%  %}", End: true }`,
      errors: [{ messageId: 'invalid', line: 4, column: 28, message: 'The JSONata expression is empty.' }],
    },
  ],
});
