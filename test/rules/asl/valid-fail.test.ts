import rule from '../../../rules/asl/valid-fail';
import { RuleTester, machine, yaml } from '../../harness';

/** A machine whose only state is the Fail `F` with `fields`. */
const fail = (fields: Record<string, unknown>, top: Record<string, unknown> = {}) => ({ ...top, StartAt: 'F', States: { F: { Type: 'Fail', ...fields } } });

new RuleTester().run('asl/valid-fail', rule, {
  valid: [
    { name: 'no Error and no Cause', code: machine(fail({})) },
    { name: 'Error and Cause', code: machine(fail({ Error: 'Charge.Declined', Cause: 'The card was declined.' })) },
    { name: 'ErrorPath and CausePath', code: machine(fail({ ErrorPath: '$.error', CausePath: "States.Format('at {}', $.where)" })) },
    { name: 'Error with CausePath', code: machine(fail({ Error: 'E', CausePath: '$.cause' })) },
    { name: 'JSONata expressions', code: machine(fail({ Error: '{% $states.input.error %}', Cause: '{% $string($states.input) %}' }, { QueryLanguage: 'JSONata' })) },
    {
      name: 'a deploy-time Error',
      code: yaml`
        StartAt: F
        States:
          F: { Type: Fail, Error: !Sub "\${AWS::StackName}.Failed" }`,
    },
  ],
  invalid: [
    {
      name: 'Error and ErrorPath, Cause and CausePath',
      code: machine(fail({ ErrorPath: '$.e', Error: 'E', Cause: 'C', CausePath: '$.c' })),
      errors: [
        { messageId: 'both', path: ['States', 'F', 'Error'], message: 'Unexpected "Error" in Fail state "F", which already has "ErrorPath". Only one of them may be given.' },
        { messageId: 'both', path: ['States', 'F', 'CausePath'], message: 'Unexpected "CausePath" in Fail state "F", which already has "Cause".' },
      ],
    },
    {
      name: 'Error and Cause that are not strings, at the value',
      code: yaml`
        StartAt: F
        States:
          F:
            Type: Fail
            Error: 500
            Cause: { reason: declined }`,
      errors: [
        { messageId: 'notString', line: 5, column: 12, message: 'Expected "Error" to be a string but got 500.' },
        { messageId: 'notString', line: 6, column: 12, message: 'Expected "Cause" to be a string but got an object.' },
      ],
    },
  ],
});
