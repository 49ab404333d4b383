import rule from '../../../rules/asl/valid-retry-catch';
import { RuleTester, json, machine, yaml } from '../../harness';

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:charge';

/** A Task `A` with `fields`, and a `Recover` state for catchers to go to. */
const task = (fields: Record<string, unknown>, top: Record<string, unknown> = {}) => ({
  ...top,
  StartAt: 'A',
  States: { A: { Type: 'Task', Resource: LAMBDA, ...fields, End: true }, Recover: { Type: 'Succeed' } },
});

new RuleTester().run('asl/valid-retry-catch', rule, {
  valid: [
    {
      name: 'retriers and catchers with every field',
      code: machine(task({
        Retry: [
          { ErrorEquals: ['Lambda.TooManyRequestsException', 'States.Timeout'], IntervalSeconds: 1, MaxAttempts: 0, BackoffRate: 1.5, MaxDelaySeconds: 10, JitterStrategy: 'FULL', Comment: 'throttling' },
          { ErrorEquals: ['States.ALL'], MaxAttempts: 99999999, JitterStrategy: 'NONE' },
        ],
        Catch: [
          { ErrorEquals: ['States.TaskFailed', 'States.Runtime'], ResultPath: null, Next: 'Recover' },
          { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Assign: { failed: true }, Next: 'Recover' },
        ],
      })),
    },
    {
      name: 'a JSONata catcher with Output and Assign',
      code: machine(task({ Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput %}', Assign: { e: '{% $states.errorOutput %}' }, Next: 'Recover' }] }, { QueryLanguage: 'JSONata' })),
    },
    {
      name: 'Retry on Parallel and Map',
      code: machine({
        StartAt: 'P',
        States: {
          P: { Type: 'Parallel', Branches: [{ StartAt: 'X', States: { X: { Type: 'Succeed' } } }], Retry: [{ ErrorEquals: ['States.BranchFailed'] }], Next: 'M' },
          M: { Type: 'Map', ItemProcessor: { StartAt: 'Y', States: { Y: { Type: 'Succeed' } } }, Retry: [{ ErrorEquals: ['States.ExceedToleratedFailureThreshold', 'States.ItemReaderFailed'] }], End: true },
        },
      }),
    },
    {
      name: 'a catcher of a state whose QueryLanguage is misspelt is not judged by language',
      code: machine(task({ QueryLanguage: 'jsonata', Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput %}', Next: 'Recover' }] })),
    },
    {
      name: 'deploy-time values are unknown',
      code: yaml`
        StartAt: A
        States:
          A:
            Type: Task
            Resource: x
            Retry:
              - ErrorEquals: [States.ALL]
                MaxAttempts: \${self:custom.attempts}
                IntervalSeconds: !Ref Interval
            End: true`,
    },
  ],
  invalid: [
    {
      name: 'States.ALL not alone and not last, at the name',
      code: yaml`
        StartAt: A
        States:
          A:
            Type: Task
            Resource: x
            Retry:
              - ErrorEquals: [States.ALL, States.Timeout]
              - ErrorEquals: [Custom]
            End: true`,
      errors: [
        { messageId: 'allNotAlone', line: 7, column: 23, message: 'Expected "States.ALL" to be alone in its "ErrorEquals".' },
        { messageId: 'allNotLast', line: 7, column: 23, message: 'Expected the retrier with "States.ALL" to be the last in "Retry".' },
      ],
    },
    {
      name: 'retrier numbers out of bounds',
      code: json`
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Task",
              "Resource": "x",
              "Retry": [
                { "ErrorEquals": ["A"], "MaxAttempts": -1, "IntervalSeconds": 3.5 },
                { "ErrorEquals": ["B"], "BackoffRate": 0.5, "MaxDelaySeconds": 31622401, "JitterStrategy": "full" }
              ],
              "End": true
            }
          }
        }`,
      errors: [
        { messageId: 'invalidValue', line: 8, column: 48, message: 'Expected "MaxAttempts" to be an integer from 0 to 99999999 but got -1.' },
        { messageId: 'invalidValue', line: 8, column: 71, message: 'Expected "IntervalSeconds" to be an integer from 1 to 99999999 but got 3.5.' },
        { messageId: 'invalidValue', line: 9, column: 48, message: 'Expected "BackoffRate" to be a number of at least 1 but got 0.5.' },
        { messageId: 'invalidValue', line: 9, column: 72, message: 'Expected "MaxDelaySeconds" to be an integer from 1 to 31622400 but got 31622401.' },
        { messageId: 'invalidValue', line: 9, column: 100, message: 'Expected "JitterStrategy" to be "FULL" or "NONE" but got "full".' },
      ],
    },
    {
      name: 'ErrorEquals missing, empty, or not strings',
      code: yaml`
        StartAt: A
        States:
          A:
            Type: Task
            Resource: x
            Retry:
              - MaxAttempts: 1
              - ErrorEquals: []
            Catch:
              - { ErrorEquals: States.ALL, Next: B }
              - { ErrorEquals: [5], Next: B }
            Next: B
          B: { Type: Succeed }`,
      errors: [
        { messageId: 'missingField', line: 7, column: 9, message: 'Missing "ErrorEquals" in a retrier of state "A".' },
        { messageId: 'invalidValue', line: 8, column: 22, message: 'but got an empty array.' },
        { messageId: 'invalidValue', line: 10, column: 24, message: 'but got "States.ALL".' },
        { messageId: 'invalidValue', line: 11, column: 25, message: 'Expected "ErrorEquals" to be an error name string but got 5.' },
      ],
    },
    {
      name: 'a catcher without Next and with a misspelt field',
      code: machine(task({ Catch: [{ ErrorEquals: ['States.ALL'], ResultPth: '$.e' }] })),
      errors: [
        { messageId: 'missingField', path: ['States', 'A', 'Catch', 0], message: 'Missing "Next" in a catcher of state "A".' },
        { messageId: 'unexpectedFieldSuggest', path: ['States', 'A', 'Catch', 0, 'ResultPth'], message: 'Unexpected field "ResultPth" in a catcher of state "A". Did you mean "ResultPath"?' },
      ],
    },
    {
      name: 'ResultPath in a JSONata catcher, Output in a JSONPath one',
      code: machine({
        StartAt: 'A',
        States: {
          A: { Type: 'Task', Resource: LAMBDA, QueryLanguage: 'JSONata', Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.e', Next: 'B' }], Next: 'B' },
          B: { Type: 'Task', Resource: LAMBDA, Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput %}', Next: 'C' }], Next: 'C' },
          C: { Type: 'Succeed' },
        },
      }),
      errors: [
        { messageId: 'wrongLanguageField', path: ['States', 'A', 'Catch', 0, 'ResultPath'], message: 'Unexpected "ResultPath" in a catcher of JSONata state "A". Use "Output" instead.' },
        { messageId: 'wrongLanguageField', path: ['States', 'B', 'Catch', 0, 'Output'], message: 'of JSONPath state "B". Use "ResultPath" instead.' },
      ],
    },
    {
      name: 'misspelt and unknown predefined errors',
      code: machine(task({ Retry: [{ ErrorEquals: ['States.Timout', 'States.Whatever'] }] })),
      errors: [
        { messageId: 'unknownStatesErrorSuggest', path: ['States', 'A', 'Retry', 0, 'ErrorEquals', 0], message: 'Unknown predefined error "States.Timout". Did you mean "States.Timeout"?' },
        { messageId: 'unknownStatesError', path: ['States', 'A', 'Retry', 0, 'ErrorEquals', 1], message: 'Names that start with "States." are reserved for Step Functions.' },
      ],
    },
    {
      name: 'Retry that is not an array, and an entry that is not an object',
      code: json`
        {
          "StartAt": "A",
          "States": {
            "A": { "Type": "Task", "Resource": "x", "Retry": { "ErrorEquals": ["States.ALL"] }, "Catch": ["States.ALL"], "End": true }
          }
        }`,
      errors: [
        { messageId: 'invalidValue', line: 4, column: 54, message: 'Expected "Retry" to be an array but got an object.' },
        { messageId: 'invalidValue', line: 4, column: 99, message: 'Expected "Catch[0]" to be an object but got "States.ALL".' },
      ],
    },
  ],
});
