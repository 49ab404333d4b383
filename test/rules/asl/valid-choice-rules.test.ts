import rule from '../../../rules/asl/valid-choice-rules';
import { RuleTester, json, machine, yaml } from '../../harness';

/** A Choice state "C" with `choices`, defaulting to the Succeed state "D". */
const choice = (choices: unknown, extra: Record<string, unknown> = {}, top: Record<string, unknown> = {}) => ({
  ...top,
  StartAt: 'C',
  States: { C: { Type: 'Choice', Choices: choices, Default: 'D', ...extra }, D: { Type: 'Succeed' } },
});

new RuleTester().run('asl/valid-choice-rules', rule, {
  valid: [
    {
      name: 'every operator family with operands of its type',
      code: machine(
        choice([
          { Variable: '$.s', StringEquals: 'a', Next: 'D' },
          { Variable: '$.s', StringMatches: 'log-*.txt', Next: 'D' },
          { Variable: '$.n', NumericGreaterThanEquals: 1.5, Next: 'D' },
          { Variable: '$.b', BooleanEquals: false, Next: 'D' },
          { Variable: '$.t', TimestampLessThan: '2024-01-31T12:00:00.123+01:00', Next: 'D' },
          { Variable: '$.t', TimestampEqualsPath: '$.other', Next: 'D' },
          { Variable: '$.x', IsNull: true, Next: 'D' },
          { Variable: '$$.Execution.Input.x', IsPresent: false, Comment: 'context', Next: 'D' },
          { Variable: '$myVar', IsTimestamp: true, Next: 'D', Assign: { 'y.$': '$.y' } },
        ]),
      ),
    },
    {
      name: 'And, Or and Not nest',
      code: machine(choice([{ And: [{ Variable: '$.a', IsNumeric: true }, { Or: [{ Not: { Variable: '$.b', IsString: true } }, { Variable: '$.c', IsBoolean: true }] }], Next: 'D' }])),
    },
    {
      name: 'JSONata rules test a Condition',
      code: machine(choice([{ Condition: '{% $states.input.n > 1 %}', Next: 'D', Output: '{% $states.input %}', Assign: { n: 1 }, Comment: 'c' }], {}, { QueryLanguage: 'JSONata' })),
    },
    {
      name: 'a rule built with a YAML merge key is unknown',
      code: yaml`
        StartAt: C
        States:
          C:
            Type: Choice
            Choices:
              - &isBig { Variable: $.n, NumericGreaterThan: 9, Next: D }
              - { <<: *isBig, Next: D }
            Default: D
          D: { Type: Succeed }`,
    },
    { name: 'templated operands are unknown', code: machine(choice([{ Variable: '$.n', NumericEquals: '${threshold}', Next: 'D' }])) },
    { name: 'a missing Choices is left to the state-fields rule', code: machine({ StartAt: 'C', States: { C: { Type: 'Choice', Default: 'D' }, D: { Type: 'Succeed' } } }) },
  ],
  invalid: [
    {
      name: 'an empty Choices',
      code: yaml`
        StartAt: C
        States:
          C: { Type: Choice, Choices: [], Default: D }
          D: { Type: Succeed }`,
      errors: [{ messageId: 'emptyChoices', line: 3, column: 31, message: 'Expected "Choices" of "C" to hold at least one Choice rule.' }],
    },
    {
      name: 'two operators, reported at the second',
      code: yaml`
        StartAt: C
        States:
          C:
            Type: Choice
            Choices:
              - Variable: $.foo
                StringEquals: blabla
                NumericGreaterThanEquals: 20
                Next: D
            Default: D
          D: { Type: Succeed }`,
      errors: [{ messageId: 'extraOperator', line: 8, column: 9, message: 'Unexpected "NumericGreaterThanEquals" in Choice rule "Choices[0]" of "C": it already has "StringEquals"' }],
    },
    {
      name: 'a rule without operator and one without Variable and Next, in JSON',
      code: json`
        {
          "StartAt": "C",
          "States": {
            "C": { "Type": "Choice", "Choices": [{ "Variable": "$.a", "Next": "D" }, { "IsPresent": true }], "Default": "D" },
            "D": { "Type": "Succeed" }
          }
        }`,
      errors: [
        { messageId: 'noOperator', line: 4, column: 42, message: 'Expected Choice rule "Choices[0]" of "C" to have a comparison operator, "And", "Or" or "Not".' },
        { messageId: 'missingNext', line: 4, column: 78, message: '"Choices[1]"' },
        { messageId: 'missingVariable', line: 4, column: 78, message: 'to have "Variable" to compare with "IsPresent".' },
      ],
    },
    {
      name: 'operands of the wrong type',
      code: yaml`
        StartAt: C
        States:
          C:
            Type: Choice
            Choices:
              - { Variable: $.n, NumericEquals: "5", Next: D }
              - { Variable: $.t, TimestampGreaterThan: "2024-01-31 12:00", Next: D }
              - { Variable: $.b, IsNull: "true", Next: D }
              - { Variable: $.b, BooleanEqualsPath: false, Next: D }
            Default: D
          D: { Type: Succeed }`,
      errors: [
        { messageId: 'operandType', line: 6, column: 41, message: 'Expected "NumericEquals" in "Choices[0]" of "C" to be a number, found string "5".' },
        { messageId: 'operandType', line: 7, column: 48, message: 'to be an RFC 3339 timestamp' },
        { messageId: 'operandType', line: 8, column: 34, message: 'to be true or false, found string "true".' },
        { messageId: 'operandType', line: 9, column: 45, message: 'to be a path string, found boolean false.' },
      ],
    },
    {
      name: 'nested rules: Next, Variable on And, empty Or, Not as an array, unknown field',
      code: yaml`
        StartAt: C
        States:
          C:
            Type: Choice
            Choices:
              - Variable: $.x
                And:
                  - Variable: $.a
                    IsPresent: true
                    Next: D
                  - Or: []
                  - Not: [{ Variable: $.b, IsNull: true }]
                  - Variable: $.c
                    IsNull: false
                    Extra: 1
                Next: D
            Default: D
          D: { Type: Succeed }`,
      errors: [
        { messageId: 'unexpectedVariable', line: 6, column: 9, message: '"And" combines other rules' },
        { messageId: 'nestedNext', line: 10, column: 13, message: 'Unexpected "Next" in nested Choice rule "Choices[0].And[0]" of "C"' },
        { messageId: 'emptyCombination', line: 11, column: 17, message: 'Expected "Or" in "Choices[0].And[1]" of "C" to be a non-empty array of Choice rules.' },
        { messageId: 'emptyCombination', line: 12, column: 18, message: 'to be one Choice rule object.' },
        { messageId: 'unknownField', line: 15, column: 13, message: 'Unexpected field "Extra" in Choice rule "Choices[0].And[3]" of "C".' },
      ],
    },
    {
      name: 'a rule that is not an object',
      code: machine(choice(['D'])),
      errors: [{ messageId: 'notRule', path: ['States', 'C', 'Choices', 0], message: 'found string "D"' }],
    },
    {
      name: 'JSONPath fields in a JSONata rule, and a missing Condition',
      code: yaml`
        QueryLanguage: JSONata
        StartAt: C
        States:
          C:
            Type: Choice
            Choices:
              - Variable: $.a
                IsPresent: true
                Next: D
            Default: D
          D: { Type: Succeed }`,
      errors: [
        { messageId: 'jsonPathOnly', line: 7, column: 9, message: 'Unexpected "Variable" in Choice rule "Choices[0]": state "C" uses JSONata' },
        { messageId: 'missingCondition', line: 7, column: 9 },
        { messageId: 'jsonPathOnly', line: 8, column: 9, message: '"IsPresent"' },
      ],
    },
    {
      name: 'a Condition in a JSONPath rule',
      code: yaml`
        StartAt: C
        States:
          C:
            Type: Choice
            Choices:
              - Condition: "{% true %}"
                Next: D
            Default: D
          D: { Type: Succeed }`,
      errors: [
        { messageId: 'jsonataOnly', line: 6, column: 9, message: 'state "C" uses JSONPath, and "Condition" is for JSONata rules.' },
        { messageId: 'noOperator', line: 6, column: 9 },
      ],
    },
  ],
});
