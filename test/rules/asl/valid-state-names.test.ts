import rule from '../../../rules/asl/valid-state-names';
import { RuleTester, machine, yaml } from '../../harness';

const EIGHTY = 'S'.repeat(80);
const EIGHTY_ONE = 'S'.repeat(81);
// 80 emoji are 160 UTF-16 units but 80 characters.
const EIGHTY_EMOJI = '🚀'.repeat(80);

new RuleTester().run('asl/valid-state-names', rule, {
  valid: [
    { name: 'a name of exactly 80 characters', code: machine({ StartAt: EIGHTY, States: { [EIGHTY]: { Type: 'Succeed' } } }) },
    { name: 'characters are counted as code points', code: machine({ StartAt: EIGHTY_EMOJI, States: { [EIGHTY_EMOJI]: { Type: 'Succeed' } } }) },
    {
      name: 'spaces, slashes and punctuation are allowed',
      code: machine({ StartAt: 'Copy assets (S3) / retry?', States: { 'Copy assets (S3) / retry?': { Type: 'Succeed' } } }),
    },
    {
      name: 'a templated name is measured after substitution, not here',
      code: machine({ StartAt: 'A', States: { A: { Type: 'Pass', End: true }, [`\${prefix}-${'x'.repeat(80)}`]: { Type: 'Pass', End: true } } }),
    },
  ],
  invalid: [
    {
      name: 'a name of 81 characters',
      code: machine({ StartAt: EIGHTY_ONE, States: { [EIGHTY_ONE]: { Type: 'Succeed' } } }),
      errors: [{ messageId: 'tooLong', path: ['States', EIGHTY_ONE], message: `Invalid state name "${EIGHTY_ONE}": 81 characters, at most 80 are allowed.` }],
    },
    {
      name: 'an empty name, in a branch',
      code: yaml`
        StartAt: P
        States:
          P:
            Type: Parallel
            Branches:
              - StartAt: ""
                States:
                  "": { Type: Pass, End: true }
            End: true`,
      errors: [{ messageId: 'empty', line: 8, column: 11, message: 'Invalid empty state name.' }],
    },
  ],
});
