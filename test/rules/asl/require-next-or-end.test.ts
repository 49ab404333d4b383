import rule from '../../../rules/asl/require-next-or-end';
import { RuleTester, json, machine, yaml } from '../../harness';

const LAMBDA = 'arn:aws:states:::lambda:invoke';
const BRANCH = { StartAt: 'B', States: { B: { Type: 'Pass', End: true } } };

new RuleTester().run('asl/require-next-or-end', rule, {
  valid: [
    {
      name: 'a Next pulled in by a YAML merge key counts',
      code: yaml`
        StartAt: A
        States:
          A:
            <<: { Next: B }
            Type: Pass
          B: { Type: Succeed }`,
    },
    {
      name: 'every continuing type with Next or End, every self-routing type with neither',
      code: machine({
        StartAt: 'T',
        States: {
          T: { Type: 'Task', Resource: LAMBDA, Next: 'P' },
          P: { Type: 'Pass', Next: 'W' },
          W: { Type: 'Wait', Seconds: 1, Next: 'Par' },
          Par: { Type: 'Parallel', Branches: [BRANCH], Next: 'M' },
          M: { Type: 'Map', ItemProcessor: BRANCH, Next: 'C' },
          C: { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'S' }], Default: 'F' },
          S: { Type: 'Succeed' },
          F: { Type: 'Fail' },
          Last: { Type: 'Task', Resource: LAMBDA, End: true },
        },
      }),
    },
    {
      name: '"End": false beside a "Next" says nothing',
      code: machine({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B', End: false }, B: { Type: 'Succeed' } } }),
    },
    {
      name: 'a templated End is unknown until deployment',
      code: json`
        { "StartAt": "A", "States": { "A": { "Type": "Pass", "End": \${is_last} } } }`,
    },
    {
      name: 'a state without a known Type is left to the field rules',
      code: machine({ StartAt: 'A', States: { A: { Type: 'Unknown' }, B: { Comment: 'no type' } } }),
    },
  ],
  invalid: [
    {
      name: 'a Task with neither Next nor End, reported at the state',
      code: machine({ StartAt: 'Charge', States: { Charge: { Type: 'Task', Resource: LAMBDA } } }),
      errors: [{ messageId: 'missingNextOrEnd', path: ['States', 'Charge'], message: 'State "Charge" must have either "Next" or "End": true.' }],
    },
    {
      name: '"End": false without "Next", in a Map processor',
      code: machine({ StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: { StartAt: 'X', States: { X: { Type: 'Pass', End: false } } }, End: true } } }),
      errors: [{ messageId: 'missingNextOrEnd', path: ['States', 'M', 'ItemProcessor', 'States', 'X'] }],
    },
    {
      name: 'an End that is not a boolean, reported at its value',
      code: yaml`
        StartAt: A
        States:
          A: { Type: Pass, End: "true" }
          B: { Type: Pass, Next: A, End: yes }
          C: { Type: Pass, End: 1 }`,
      errors: [
        { messageId: 'invalidEnd', line: 3, column: 25, message: 'Expected "End" to be true or false but got "true".' },
        { messageId: 'invalidEnd', line: 4, column: 34, message: 'got "yes".' },
        { messageId: 'invalidEnd', line: 5, column: 25, message: 'got 1.' },
      ],
    },
    {
      name: 'both Next and End: true, reported at End',
      code: yaml`
        StartAt: A
        States:
          A:
            Type: Pass
            Next: B
            End: true
          B:
            Type: Succeed`,
      errors: [{ messageId: 'bothNextAndEnd', line: 6, column: 5, message: 'Unexpected "End": true in state "A", which also has "Next".' }],
    },
    {
      name: 'Next and End on self-routing states, each at its field',
      code: machine({
        StartAt: 'C',
        States: {
          C: { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'S' }], Default: 'F', Next: 'S' },
          S: { Type: 'Succeed', End: true },
          F: { Type: 'Fail', Error: 'E', Next: 'S', End: false },
        },
      }),
      errors: [
        { messageId: 'unexpectedInChoice', path: ['States', 'C', 'Next'], message: 'Unexpected "Next" in Choice state "C". A Choice state moves on through "Choices" and "Default".' },
        { messageId: 'unexpectedInTerminal', path: ['States', 'S', 'End'], message: 'Unexpected "End" in Succeed state "S". A Succeed state always ends its scope.' },
        { messageId: 'unexpectedInTerminal', path: ['States', 'F', 'Next'], message: 'in Fail state "F"' },
        { messageId: 'unexpectedInTerminal', path: ['States', 'F', 'End'], message: 'Unexpected "End" in Fail state "F".' },
      ],
    },
  ],
});
