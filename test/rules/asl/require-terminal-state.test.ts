import rule from '../../../rules/asl/require-terminal-state';
import { RuleTester, json, machine, yaml } from '../../harness';

new RuleTester().run('asl/require-terminal-state', rule, {
  valid: [
    {
      name: 'an End pulled in by a YAML merge key makes the state terminal',
      code: yaml`
        StartAt: A
        States:
          A:
            <<: { End: true }
            Type: Pass`,
    },
    { name: 'a Succeed state', code: machine({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Succeed' } } }) },
    { name: 'a Fail state', code: machine({ StartAt: 'A', States: { A: { Type: 'Fail' } } }) },
    { name: 'a state with End: true', code: machine({ StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } }) },
    {
      name: 'an unreachable terminal state still counts (AWS reports it as unreachable instead)',
      code: machine({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' }, C: { Type: 'Pass', End: true } } }),
    },
    {
      name: 'a branch without a terminal state is not this rule’s (AWS checks the top level only)',
      code: machine({
        StartAt: 'P',
        States: { P: { Type: 'Parallel', Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'A' } } }], End: true } },
      }),
    },
    {
      name: 'a templated End may be true',
      code: json`
        { "StartAt": "A", "States": { "A": { "Type": "Pass", "End": \${is_last} } } }`,
    },
    { name: 'an empty States is left to the field rules', code: machine({ StartAt: 'A', States: {} }) },
  ],
  invalid: [
    {
      name: 'a loop with no terminal state, reported at the top-level States key',
      code: machine({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' } } }),
      errors: [{ messageId: 'missingTerminal', path: ['States'], message: 'Missing a terminal state in the top-level "States".' }],
    },
    {
      name: 'End: false is not terminal',
      code: yaml`
        Comment: polls forever
        StartAt: Poll
        States:
          Poll: { Type: Wait, Seconds: 5, Next: Poll, End: false }`,
      errors: [{ messageId: 'missingTerminal', line: 3, column: 1 }],
    },
  ],
});
