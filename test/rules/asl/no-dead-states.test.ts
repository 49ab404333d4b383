import rule from '../../../rules/asl/no-dead-states';
import { RuleTester, machine, yaml } from '../../harness';

const SUCCEED = { Type: 'Succeed' };

new RuleTester().run('asl/no-dead-states', rule, {
  valid: [
    {
      name: 'every state is reachable from StartAt, through Choices, Default and Catch too',
      code: machine({
        StartAt: 'Check',
        States: {
          Check: { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Charge' }], Default: 'Refuse' },
          Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Done', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Report' }] },
          Report: { Type: 'Pass', Next: 'Refuse' },
          Refuse: { Type: 'Fail' },
          Done: SUCCEED,
        },
      }),
    },
    {
      name: 'a reachable loop is not dead',
      code: machine({ StartAt: 'Poll', States: { Poll: { Type: 'Wait', Seconds: 5, Next: 'Check' }, Check: { Type: 'Choice', Choices: [{ Variable: '$.done', BooleanEquals: false, Next: 'Poll' }], Default: 'Done' }, Done: SUCCEED } }),
    },
    {
      name: 'a state nothing refers to is left to asl/no-unreachable-states',
      code: machine({ StartAt: 'Done', States: { Done: SUCCEED, Orphan: { Type: 'Pass', End: true } } }),
    },
    {
      name: 'an unknown StartAt is left to asl/valid-transition-target',
      code: machine({ StartAt: 'Nope', States: { A: { Type: 'Pass', Next: 'B' }, B: SUCCEED } }),
    },
    {
      name: 'a dangling Next may be a typo for the cycle, so it is left to asl/valid-transition-target',
      code: machine({ StartAt: 'Start', States: { Start: { Type: 'Pass', Next: 'Retyr' }, Retry: { Type: 'Pass', Next: 'Again' }, Again: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'Retry' }], Default: 'Done' }, Done: SUCCEED } }),
    },
    {
      name: 'a scope with an intrinsic target is not judged',
      code: machine({ StartAt: 'A', States: { A: { Type: 'Pass', Next: { Ref: 'NextState' } }, B: { Type: 'Pass', Next: 'C' }, C: { Type: 'Pass', Next: 'B' } } }),
    },
  ],
  invalid: [
    {
      name: 'an unreachable cycle, which a "referenced" check misses',
      code: machine({
        StartAt: 'Done',
        States: { Done: SUCCEED, Retry: { Type: 'Pass', Next: 'Again' }, Again: { Type: 'Pass', Next: 'Retry' } },
      }),
      errors: [
        { messageId: 'dead', path: ['States', 'Retry'], message: 'State "Retry" is unreachable from "StartAt" in the top-level "States": only unreachable states lead to it ("Again").' },
        { messageId: 'dead', path: ['States', 'Again'], message: '("Retry")' },
      ],
    },
    {
      name: 'a state hanging off an unreferenced state',
      code: machine({ StartAt: 'Done', States: { Done: SUCCEED, Orphan: { Type: 'Pass', Next: 'Tail' }, Tail: { Type: 'Pass', End: true } } }),
      errors: [{ messageId: 'dead', path: ['States', 'Tail'], message: '("Orphan")' }],
    },
    {
      name: 'a state that only refers to itself, inside a Map processor',
      code: yaml`
        StartAt: M
        States:
          M:
            Type: Map
            ItemProcessor:
              StartAt: W
              States:
                W: { Type: Pass, End: true }
                Spin: { Type: Pass, Next: Spin }
            End: true`,
      errors: [{ messageId: 'dead', line: 9, column: 9, message: 'in the "ItemProcessor" of Map state "M": only unreachable states lead to it ("Spin").' }],
    },
    {
      name: 'several sources are listed once each, in document order',
      code: machine({
        StartAt: 'Done',
        States: {
          Done: SUCCEED,
          A: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'C' }, { Variable: '$.y', IsPresent: true, Next: 'C' }], Default: 'B' },
          B: { Type: 'Pass', Next: 'C' },
          C: { Type: 'Pass', Next: 'A' },
        },
      }),
      errors: [
        { messageId: 'dead', path: ['States', 'A'], message: '("C")' },
        { messageId: 'dead', path: ['States', 'B'], message: '("A")' },
        { messageId: 'dead', path: ['States', 'C'], message: '("A", "B")' },
      ],
    },
  ],
});
