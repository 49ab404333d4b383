import rule from '../../../rules/asl/no-infinite-loop';
import { RuleTester, machine, yaml } from '../../harness';

const SUCCEED = { Type: 'Succeed' };

new RuleTester().run('asl/no-infinite-loop', rule, {
  valid: [
    {
      name: 'a polling loop with a way out through a Choice',
      code: machine({
        StartAt: 'Poll',
        States: {
          Poll: { Type: 'Wait', Seconds: 5, Next: 'Check' },
          Check: { Type: 'Choice', Choices: [{ Variable: '$.done', BooleanEquals: false, Next: 'Poll' }], Default: 'Done' },
          Done: SUCCEED,
        },
      }),
    },
    {
      name: 'a loop whose only way out is a Catch to a Fail state',
      code: machine({
        StartAt: 'Work',
        States: { Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Work', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }] }, Failed: { Type: 'Fail' } },
      }),
    },
    {
      name: 'a top level with no terminal state at all is asl/require-terminal-state’s error',
      code: machine({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'A' } } }),
    },
    {
      name: 'an unknown StartAt is left to asl/valid-transition-target',
      code: machine({ StartAt: 'Nope', States: { A: { Type: 'Pass', Next: 'A' }, B: SUCCEED } }),
    },
    {
      name: 'a dangling Next may be a typo for a terminal state, so it is left to asl/valid-transition-target',
      code: machine({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Dnoe' }, B: { Type: 'Pass', Next: 'A' }, Done: SUCCEED } }),
    },
    {
      name: 'a scope with an intrinsic target is not judged',
      code: machine({ StartAt: 'A', States: { A: { Type: 'Pass', Next: { Ref: 'Target' } }, B: SUCCEED } }),
    },
  ],
  invalid: [
    {
      name: 'a branch that loops forever, reported at its StartAt',
      code: yaml`
        StartAt: P
        States:
          P:
            Type: Parallel
            Branches:
              - StartAt: Spin
                States:
                  Spin: { Type: Wait, Seconds: 60, Next: Spin }
            End: true`,
      errors: [
        {
          messageId: 'noReachableEnd',
          line: 6,
          column: 18,
          message: 'No terminal state is reachable from "StartAt" in branch 1 of Parallel state "P": its states can only loop or fail with an error.',
        },
      ],
    },
    {
      name: 'a top level whose terminal state is off the path from StartAt',
      code: yaml`
        StartAt: A
        States:
          A: { Type: Pass, Next: B }
          B: { Type: Pass, Next: A }
          C: { Type: Pass, Next: D }
          D: { Type: Succeed }`,
      errors: [{ messageId: 'noReachableEnd', line: 1, column: 10, message: 'in the top-level "States"' }],
    },
    {
      name: 'a Map processor without any terminal state',
      code: yaml`
        StartAt: M
        States:
          M:
            Type: Map
            ItemProcessor:
              StartAt: A
              States:
                A: { Type: Pass, Next: B }
                B: { Type: Pass, Next: A }
            End: true`,
      errors: [{ messageId: 'noReachableEnd', line: 6, column: 16, message: 'in the "ItemProcessor" of Map state "M"' }],
    },
  ],
});
