import rule from '../../../rules/asl/valid-transition-target';
import { RuleTester, file, json, machine, yaml } from '../../harness';

const PASS_END = { Type: 'Pass', End: true };

new RuleTester().run('asl/valid-transition-target', rule, {
  valid: [
    {
      name: 'states merged into a States with a YAML merge key have names not known yet',
      code: yaml`
        StartAt: A
        States:
          <<: { Shared: { Type: Succeed } }
          A: { Type: Pass, Next: Shared }`,
    },
    {
      name: 'every field names a state of its own States',
      code: machine({
        StartAt: 'Check',
        States: {
          Check: { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Charge' }], Default: 'Refuse' },
          Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Done', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Refuse' }] },
          Refuse: { Type: 'Fail' },
          Done: { Type: 'Succeed' },
        },
      }),
    },
    {
      name: 'branch and processor states transition within their own States',
      code: machine({
        StartAt: 'P',
        States: {
          P: { Type: 'Parallel', Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: PASS_END } }], Next: 'M' },
          M: { Type: 'Map', ItemProcessor: { StartAt: 'C', States: { C: PASS_END } }, End: true },
        },
      }),
    },
    {
      name: 'a templated target is unknown until deployment',
      code: machine({ StartAt: '${first_state}', States: { A: { Type: 'Pass', Next: '#{NextState}' }, B: PASS_END } }),
    },
    {
      name: 'a target written as an intrinsic is not read',
      code: machine({ StartAt: 'A', States: { A: { Type: 'Pass', Next: { Ref: 'NextState' } }, B: PASS_END } }),
    },
    {
      name: 'intrinsic targets in YAML short and long form are known only after deployment',
      code: yaml`
        StartAt: A
        States:
          A:
            Type: Pass
            Next: !Ref NextState
          B:
            Type: Pass
            Next:
              Fn::Sub: \${Prefix}-C
          C: { Type: Succeed }`,
    },
    {
      name: 'a scope without a States object is left to the field rules',
      code: machine({ StartAt: 'P', States: { P: { Type: 'Parallel', Branches: [{ StartAt: 'A' }], End: true } } }),
    },
    {
      name: 'a YAML number key is the state name "1"',
      code: yaml`
        StartAt: "1"
        States:
          1:
            Type: Pass
            End: true`,
    },
  ],
  invalid: [
    {
      name: 'a typo in Next is reported at the value with the closest name',
      code: yaml`
        StartAt: Check
        States:
          Check: { Type: Pass, Next: Chrage }
          Charge: { Type: Succeed }`,
      errors: [{ messageId: 'unknownTargetSuggest', line: 3, column: 30, message: '"Next" refers to unknown state "Chrage". Did you mean "Charge"?' }],
    },
    {
      name: 'a name far from every state gets no suggestion',
      code: json`
        {
          "StartAt": "A",
          "States": {
            "A": { "Type": "Pass", "Next": "Refund" },
            "B": { "Type": "Succeed" }
          }
        }`,
      errors: [{ messageId: 'unknownTarget', line: 4, column: 36, message: '"Next" refers to unknown state "Refund".' }],
    },
    {
      name: 'a wrong letter case in StartAt is suggested',
      code: json`
        { "StartAt": "done", "States": { "Done": { "Type": "Succeed" } } }`,
      errors: [{ messageId: 'unknownTargetSuggest', line: 1, column: 14, message: '"StartAt" refers to unknown state "done". Did you mean "Done"?' }],
    },
    {
      name: 'Default, Choices and Catch targets, each at its value',
      code: yaml`
        StartAt: Check
        States:
          Check:
            Type: Choice
            Choices:
              - Variable: $.ok
                BooleanEquals: true
                Next: Chargee
            Default: Refusal
          Charge:
            Type: Task
            Resource: arn:aws:states:::lambda:invoke
            End: true
            Catch:
              - ErrorEquals: [States.ALL]
                Next: Nowhere
          Refuse:
            Type: Fail`,
      errors: [
        { messageId: 'unknownTargetSuggest', line: 8, column: 15, message: '"Choices[0].Next" refers to unknown state "Chargee". Did you mean "Charge"?' },
        { messageId: 'unknownTargetSuggest', line: 9, column: 14, message: '"Default" refers to unknown state "Refusal". Did you mean "Refuse"?' },
        { messageId: 'unknownTarget', line: 16, column: 15, message: '"Catch[0].Next" refers to unknown state "Nowhere".' },
      ],
    },
    {
      name: 'a branch state cannot jump out to the outer States',
      code: yaml`
        StartAt: P
        States:
          P:
            Type: Parallel
            Branches:
              - StartAt: X
                States:
                  X: { Type: Pass, End: true }
              - StartAt: A
                States:
                  A: { Type: Pass, Next: Done }
            Next: Done
          Done:
            Type: Succeed`,
      errors: [
        {
          messageId: 'leavesScope',
          line: 11,
          column: 34,
          message: '"Next" refers to state "Done" outside branch 2 of Parallel state "P". A transition cannot leave a Parallel branch or a Map processor.',
        },
      ],
    },
    {
      name: 'a Map processor state cannot jump out, nor can a Catch of it',
      code: json`
        {
          "StartAt": "M",
          "States": {
            "M": {
              "Type": "Map",
              "Iterator": {
                "StartAt": "Done",
                "States": { "Work": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true, "Catch": [{ "ErrorEquals": ["States.ALL"], "Next": "Done" }] } }
              },
              "Next": "Done"
            },
            "Done": { "Type": "Succeed" }
          }
        }`,
      errors: [
        { messageId: 'leavesScope', line: 7, column: 20, message: 'outside the "Iterator" of Map state "M"' },
        { messageId: 'leavesScope', line: 8, column: 157, message: '"Catch[0].Next" refers to state "Done"' },
      ],
    },
    {
      name: 'an outer state cannot jump into a branch',
      code: yaml`
        StartAt: P
        States:
          P:
            Type: Parallel
            Branches:
              - StartAt: Inner
                States:
                  Inner: { Type: Pass, End: true }
            Next: Inner`,
      errors: [
        {
          messageId: 'entersScope',
          line: 9,
          column: 11,
          message: '"Next" refers to state "Inner" inside branch 1 of Parallel state "P". A transition cannot enter a Parallel branch or a Map processor.',
        },
      ],
    },
    {
      name: 'one branch cannot jump into a sibling branch, and two errors are reported in order',
      code: yaml`
        StartAt: P
        States:
          P:
            Type: Parallel
            Branches:
              - StartAt: A
                States:
                  A: { Type: Pass, Next: B }
              - StartAt: B
                States:
                  B: { Type: Pass, Next: Bee }
            End: true`,
      errors: [
        { messageId: 'entersScope', line: 8, column: 34, message: 'inside branch 2 of Parallel state "P"' },
        { messageId: 'unknownTarget', line: 11, column: 34, message: '"Next" refers to unknown state "Bee".' },
      ],
    },
    {
      name: 'targets that are not names: a number, an empty YAML value, a list, an object',
      code: yaml`
        StartAt: A
        States:
          A: { Type: Pass, Next: 1 }
          B:
            Type: Choice
            Choices:
              - Variable: $.x
                IsPresent: true
                Next: [A]
            Default:
          C:
            Type: Parallel
            Branches:
              - StartAt: true
                States:
                  D: { Type: Succeed }
            End: true
            Catch:
              - ErrorEquals: [States.ALL]
                Next: { Name: A }
          1: { Type: Succeed }`,
      errors: [
        { messageId: 'notAName', line: 3, column: 26, message: 'Expected "Next" to be the name of a state but got 1.' },
        { messageId: 'notAName', line: 9, column: 15, message: 'Expected "Choices[0].Next" to be the name of a state but got a list.' },
        { messageId: 'notAName', line: 10, column: 13, message: 'Expected "Default" to be the name of a state but got null.' },
        { messageId: 'notAName', line: 14, column: 18, message: 'Expected "StartAt" to be the name of a state but got true.' },
        { messageId: 'notAName', line: 20, column: 15, message: 'Expected "Catch[0].Next" to be the name of a state but got an object.' },
      ],
    },
    {
      name: 'a StartAt inside a CloudFormation DefinitionString, on the host line',
      code: file(
        'template.yaml',
        [
          'Resources:',
          '  Flow:',
          '    Type: AWS::StepFunctions::StateMachine',
          '    Properties:',
          '      DefinitionString: !Sub |',
          '        {',
          '          "StartAt": "Strat",',
          '          "States": { "Start": { "Type": "Succeed" } }',
          '        }',
          '',
        ].join('\n'),
      ),
      errors: [{ messageId: 'unknownTargetSuggest', line: 7, column: 22, message: 'Did you mean "Start"?' }],
    },
  ],
});
