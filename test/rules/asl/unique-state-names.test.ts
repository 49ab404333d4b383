import rule from '../../../rules/asl/unique-state-names';
import { RuleTester, json, machine, yaml } from '../../harness';

const END = { Type: 'Pass', End: true };

new RuleTester().run('asl/unique-state-names', rule, {
  valid: [
    {
      name: 'a YAML merge key in two States is not a state named "<<"',
      code: yaml`
        StartAt: P
        States:
          <<: { Shared: { Type: Succeed } }
          P:
            Type: Parallel
            Branches:
              - StartAt: B
                States:
                  <<: { Other: { Type: Succeed } }
                  B: { Type: Pass, End: true }
            End: true`,
    },
    {
      name: 'distinct names across the machine, its branches and its processors',
      code: machine({
        StartAt: 'P',
        States: {
          P: { Type: 'Parallel', Branches: [{ StartAt: 'A', States: { A: END } }, { StartAt: 'B', States: { B: END } }], Next: 'M' },
          M: { Type: 'Map', ItemProcessor: { StartAt: 'C', States: { C: END } }, End: true },
        },
      }),
    },
    {
      name: 'names differing in letter case are distinct',
      code: machine({ StartAt: 'Charge', States: { Charge: { Type: 'Pass', Next: 'charge' }, charge: END } }),
    },
  ],
  invalid: [
    {
      name: 'the same name in two branches, reported at the later one',
      code: machine({
        StartAt: 'P',
        States: { P: { Type: 'Parallel', Branches: [{ StartAt: 'Work', States: { Work: END } }, { StartAt: 'Work', States: { Work: END } }], End: true } },
      }),
      errors: [
        {
          messageId: 'duplicateName',
          path: ['States', 'P', 'Branches', 1, 'States', 'Work'],
          message: 'in branch 1 of Parallel state "P". State names must be unique in the whole machine.',
        },
      ],
    },
    {
      name: 'a processor state named like a top-level state defined after it',
      code: yaml`
        StartAt: M
        States:
          M:
            Type: Map
            ItemProcessor:
              StartAt: Done
              States:
                Done: { Type: Succeed }
            Next: Done
          Done: { Type: Succeed }`,
      errors: [
        {
          messageId: 'duplicateName',
          line: 10,
          column: 3,
          message: 'Duplicate state name "Done"; previously defined at line 8, in the "ItemProcessor" of Map state "M". State names must be unique in the whole machine.',
        },
      ],
    },
    {
      name: 'a duplicate key in one YAML States',
      code: yaml`
        StartAt: A
        States:
          A: { Type: Pass, Next: B }
          B: { Type: Succeed }
          A: { Type: Succeed }`,
      errors: [
        { messageId: 'duplicateKey', line: 5, column: 3, message: 'Duplicate state name "A" in the top-level "States"; previously defined at line 3 of the same "States".' },
      ],
    },
    {
      name: 'a duplicate key in one JSON States, and a third copy in a branch',
      code: json`
        {
          "StartAt": "P",
          "States": {
            "P": {
              "Type": "Parallel",
              "Branches": [{ "StartAt": "X", "States": { "X": { "Type": "Pass", "End": true }, "P": { "Type": "Pass", "End": true } } }],
              "End": true
            },
            "P": { "Type": "Succeed" }
          }
        }`,
      errors: [
        { messageId: 'duplicateName', line: 6, column: 88, message: 'Duplicate state name "P"; previously defined at line 4, in the top-level "States".' },
        { messageId: 'duplicateKey', line: 9, column: 5, message: 'previously defined at line 4 of the same "States".' },
      ],
    },
  ],
});
