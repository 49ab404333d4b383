import rule from '../../../rules/asl/valid-machine-fields';
import { RuleTester, file, json, machine, yaml } from '../../harness';

const STATES = { A: { Type: 'Pass', End: true } };

new RuleTester().run('asl/valid-machine-fields', rule, {
  valid: [
    { name: 'every top-level field', code: machine({ Comment: 'c', QueryLanguage: 'JSONata', StartAt: 'A', TimeoutSeconds: 3600, Version: '1.0', States: STATES }) },
    { name: 'TimeoutSeconds 0', code: machine({ StartAt: 'A', TimeoutSeconds: 0, States: STATES }) },
    { name: 'a YAML Version read as a number', code: yaml`
        Version: 1.0
        StartAt: A
        States:
          A: { Type: Pass, End: true }` },
    {
      name: 'a deploy-time TimeoutSeconds',
      code: yaml`
        StartAt: A
        TimeoutSeconds: !Ref MachineTimeout
        States:
          A: { Type: Pass, End: true }`,
    },
    {
      name: 'a serverless definition keeps its host keys out of the machine',
      code: file(
        'serverless.yml',
        ['stepFunctions:', '  stateMachines:', '    charge:', '      name: charge', '      definition:', '        StartAt: A', '        States:', '          A: { Type: Pass, End: true }', ''].join('\n'),
      ),
    },
    {
      name: 'a Map processor built apart in TypeScript is linted on its own',
      code: file('processor.ts', "export const processor = { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'A', States: { A: { Type: 'Pass', End: true } } };\n"),
    },
  ],
  invalid: [
    {
      name: 'a misspelt field, with a suggestion',
      code: machine({ Comments: 'c', StartAt: 'A', States: STATES }),
      errors: [{ messageId: 'unexpectedFieldSuggest', path: ['Comments'], message: 'Unexpected field "Comments" at the top level of the state machine. Did you mean "Comment"?' }],
    },
    {
      name: 'a duplicate field',
      code: yaml`
        StartAt: A
        States:
          A: { Type: Pass, End: true }
        StartAt: A`,
      errors: [{ messageId: 'duplicateField', line: 4, column: 1, message: 'Duplicate field "StartAt" at the top level of the state machine.' }],
    },
    {
      name: 'ProcessorConfig at the top level of a JSON machine',
      code: json`
        { "ProcessorConfig": { "Mode": "INLINE" }, "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } }`,
      errors: [{ messageId: 'unexpectedField', line: 1, column: 3, message: 'Unexpected field "ProcessorConfig"' }],
    },
    {
      name: 'an unknown field in a TypeScript definition',
      code: file('machine.ts', "export const definition = { Owner: 'team', StartAt: 'A', States: { A: { Type: 'Pass', End: true } } };\n"),
      errors: [{ messageId: 'unexpectedField', line: 1, column: 29, message: 'Unexpected field "Owner"' }],
    },
    {
      name: 'an unknown field',
      code: machine({ StartAt: 'A', States: STATES, Owner: 'team' }),
      errors: [{ messageId: 'unexpectedField', path: ['Owner'], message: 'Unexpected field "Owner" at the top level of the state machine.' }],
    },
    {
      name: 'wrong value shapes, at the values',
      code: json`
        {
          "Comment": 7,
          "StartAt": "A",
          "TimeoutSeconds": "3600",
          "Version": [1],
          "States": { "A": { "Type": "Pass", "End": true } }
        }`,
      errors: [
        { messageId: 'invalidValue', line: 2, column: 14, message: 'Expected "Comment" to be a string but got 7.' },
        { messageId: 'invalidValue', line: 4, column: 21, message: 'Expected "TimeoutSeconds" to be an integer from 0 to 99999999 but got "3600".' },
        { messageId: 'invalidValue', line: 5, column: 14, message: 'Expected "Version" to be a string but got an array.' },
      ],
    },
  ],
});
