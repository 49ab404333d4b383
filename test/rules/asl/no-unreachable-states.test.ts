import rule from '../../../rules/asl/no-unreachable-states';
import { RuleTester, machine, yaml } from '../../harness';

const SUCCEED = { Type: 'Succeed' };

new RuleTester().run('asl/no-unreachable-states', rule, {
  valid: [
    {
      name: 'a "Next" pulled in by a YAML merge key is a transition',
      code: yaml`
        StartAt: A
        States:
          A:
            <<: { Type: Pass, Next: B }
          B: { Type: Succeed }`,
    },
    {
      name: 'every state is referred to by StartAt, Next, Default, Choices or Catch',
      code: machine({
        StartAt: 'Check',
        States: {
          Refuse: { Type: 'Fail' },
          Check: { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Charge' }], Default: 'Refuse' },
          Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Done', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Report' }] },
          Report: { Type: 'Pass', Next: 'Refuse' },
          Done: SUCCEED,
        },
      }),
    },
    {
      name: 'an unreachable cycle is referred to, so AWS accepts it (asl/no-dead-states warns)',
      code: machine({ StartAt: 'Done', States: { Done: SUCCEED, A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' } } }),
    },
    {
      name: 'a state that refers only to itself is not reported as unreferenced',
      code: machine({ StartAt: 'Done', States: { Done: SUCCEED, Poll: { Type: 'Wait', Seconds: 5, Next: 'Poll' } } }),
    },
    {
      name: 'a scope with a target written as an intrinsic is not judged',
      code: machine({ StartAt: 'A', States: { A: { Type: 'Pass', Next: { 'Fn::Sub': '${Next}' } }, B: SUCCEED } }),
    },
    {
      name: 'a branch without StartAt is left to the field rules',
      code: machine({ StartAt: 'P', States: { P: { Type: 'Parallel', Branches: [{ States: { A: { Type: 'Pass', End: true } } }], End: true } } }),
    },
    {
      name: 'a scope with a templated target that matches no state is not judged',
      code: machine({ StartAt: 'A', States: { A: { Type: 'Pass', Next: '${next_state}' }, B: SUCCEED } }),
    },
    {
      name: 'a state referred to from another branch scope does not count, but nested scopes are judged alone',
      code: machine({
        StartAt: 'P',
        States: { P: { Type: 'Parallel', Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }], End: true } },
      }),
    },
  ],
  invalid: [
    {
      name: 'a state nothing refers to',
      code: machine({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Done' }, Cleanup: { Type: 'Pass', Next: 'Done' }, Done: SUCCEED } }),
      errors: [
        {
          messageId: 'unreferenced',
          path: ['States', 'Cleanup'],
          message: 'State "Cleanup" is unreachable: no transition in the top-level "States" refers to it.',
        },
      ],
    },
    {
      name: 'unreferenced states in a Parallel branch and a Map processor',
      code: yaml`
        StartAt: P
        States:
          P:
            Type: Parallel
            Branches:
              - StartAt: A
                States:
                  A: { Type: Pass, End: true }
                  Ghost: { Type: Pass, End: true }
            Next: M
          M:
            Type: Map
            ItemProcessor:
              StartAt: W
              States:
                W: { Type: Pass, End: true }
                Orphan: { Type: Succeed }
            End: true`,
      errors: [
        { messageId: 'unreferenced', line: 9, column: 11, message: 'State "Ghost" is unreachable: no transition in branch 1 of Parallel state "P" refers to it.' },
        { messageId: 'unreferenced', line: 17, column: 9, message: 'in the "ItemProcessor" of Map state "M"' },
      ],
    },
    {
      name: 'with an unknown StartAt, the states nothing refers to are still reported',
      code: machine({ StartAt: 'Nope', States: { A: { Type: 'Pass', Next: 'B' }, B: SUCCEED } }),
      errors: [{ messageId: 'unreferenced', path: ['States', 'A'] }],
    },
    {
      name: 'a transition from a nested scope does not reach an outer state',
      code: machine({
        StartAt: 'P',
        States: {
          P: { Type: 'Parallel', Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Done' } } }], End: true },
          Done: SUCCEED,
        },
      }),
      errors: [{ messageId: 'unreferenced', path: ['States', 'Done'] }],
    },
  ],
});
