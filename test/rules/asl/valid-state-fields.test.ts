import rule from '../../../rules/asl/valid-state-fields';
import { RuleTester, file, json, machine, yaml } from '../../harness';

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:charge';

/** A machine whose only state is `A` with `fields`. */
const one = (fields: Record<string, unknown>, top: Record<string, unknown> = {}) => ({ ...top, StartAt: 'A', States: { A: fields } });

const processor = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };

new RuleTester().run('asl/valid-state-fields', rule, {
  valid: [
    {
      name: 'every state type with its usual fields',
      code: machine({
        StartAt: 'Pass',
        States: {
          Pass: { Type: 'Pass', Comment: 'c', Result: { a: 1 }, ResultPath: '$.r', InputPath: '$', OutputPath: '$', Parameters: { 'x.$': '$.x' }, Next: 'Task' },
          Task: {
            Type: 'Task', Resource: LAMBDA, TimeoutSeconds: 60, HeartbeatSeconds: 10, ResultSelector: { 'y.$': '$.y' },
            Retry: [{ ErrorEquals: ['States.ALL'] }], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Fail' }], Next: 'Choice',
          },
          Choice: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'Wait' }], Default: 'Parallel' },
          Wait: { Type: 'Wait', Seconds: 5, Next: 'Parallel' },
          Parallel: { Type: 'Parallel', Branches: [processor], Next: 'Map' },
          Map: { Type: 'Map', ItemsPath: '$.items', ItemSelector: { 'v.$': '$$.Map.Item.Value' }, MaxConcurrency: 0, ItemProcessor: processor, Next: 'Done' },
          Done: { Type: 'Succeed', OutputPath: '$' },
          Fail: { Type: 'Fail', Error: 'E', Cause: 'C' },
        },
      }),
    },
    {
      name: 'JSONata fields, variables and expressions in number fields',
      code: machine(one(
        { Type: 'Task', Resource: LAMBDA, Arguments: { a: '{% $states.input.a %}' }, Output: '{% $states.result %}', Assign: { x: 1 }, TimeoutSeconds: '{% $t %}', HeartbeatSeconds: '{% $h %}', End: true },
        { QueryLanguage: 'JSONata' },
      )),
    },
    {
      name: 'distributed Map with reader, batcher, writer and tolerated failures',
      code: machine(one({
        Type: 'Map',
        ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'CSV', MaxItems: 10 }, Parameters: { Bucket: 'b', Key: 'k' } },
        ItemBatcher: { MaxItemsPerBatch: 10, BatchInput: { a: 1 } },
        ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b', Prefix: 'p' }, WriterConfig: { OutputType: 'JSONL', Transformation: 'NONE' } },
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, ...processor },
        ToleratedFailurePercentage: 5.5,
        ToleratedFailureCountPath: '$.count',
        MaxConcurrencyPath: '$.max',
        Label: 'Files',
        End: true,
      })),
    },
    { name: 'legacy Map with Iterator and Parameters', code: machine(one({ Type: 'Map', Iterator: processor, Parameters: { 'v.$': '$$.Map.Item.Value' }, End: true })) },
    { name: 'Task with Credentials and TimeoutSecondsPath', code: machine(one({ Type: 'Task', Resource: LAMBDA, Credentials: { 'RoleArn.$': '$.role' }, TimeoutSecondsPath: '$.t', End: true })) },
    { name: 'Credentials is any object (a payload template)', code: machine(one({ Type: 'Task', Resource: LAMBDA, Credentials: { roleArn: 'fizz:buzz' }, End: true })) },
    { name: 'Next and End are left to asl/require-next-or-end', code: machine(one({ Type: 'Choice', Choices: [{ Variable: '$.a', IsNull: true, Next: 'A' }], Next: 'A', End: true })) },
    { name: 'a processor with ProcessorConfig and a branch with a Comment', code: machine(one({ Type: 'Parallel', Branches: [{ Comment: 'c', ...processor }], End: true })) },
    {
      name: 'CloudFormation intrinsics and substitutions stand for unknown values',
      code: yaml`
        StartAt: A
        States:
          A:
            Type: Task
            Resource: !GetAtt Fn.Arn
            TimeoutSeconds: !Ref Timeout
            HeartbeatSeconds: \${self:custom.heartbeat}
            End: true`,
    },
    {
      name: 'a YAML merge key pulls in the anchored fields (Type, Resource)',
      code: yaml`
        StartAt: A
        States:
          A: &base
            Type: Task
            Resource: arn:aws:lambda:us-east-1:123456789012:function:charge
            Next: B
          B:
            <<: *base
            End: true`,
    },
    {
      name: 'a TypeScript state spread from an import may hold Type and Resource',
      code: file(
        'machine.ts',
        [
          "import { common, charge } from './common';",
          "export const definition = { StartAt: 'A', States: { A: { ...common, Next: 'B' }, B: { ...charge, Type: 'Task', End: true } } };",
          '',
        ].join('\n'),
      ),
    },
    {
      name: 'a whole state chosen by a CloudFormation condition',
      code: yaml`
        StartAt: A
        States:
          A: !If [IsProd, { Type: Succeed }, { Type: Fail }]`,
    },
    {
      name: 'an unquoted substitution in a DefinitionString is a placeholder',
      code: file(
        'template.yaml',
        [
          'Resources:',
          '  Machine:',
          '    Type: AWS::StepFunctions::StateMachine',
          '    Properties:',
          '      DefinitionString: !Sub |',
          '        { "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "${Fn}", "TimeoutSeconds": ${Timeout}, "End": true } } }',
          '',
        ].join('\n'),
      ),
    },
  ],
  invalid: [
    {
      name: 'a TypeScript state spread from an import: what it shows is still checked',
      code: file('machine.ts', "import { common } from './common';\nexport const definition = { StartAt: 'A', States: { A: { ...common, Type: 'Task', Colour: 1, End: true } } };\n"),
      errors: [{ messageId: 'unexpectedField', line: 2, column: 83, message: 'Unexpected field "Colour" in Task state "A".' }],
    },
    {
      name: 'a typo in a field name, with a suggestion',
      code: machine(one({ Type: 'Pass', Nxt: 'B' })),
      errors: [{ messageId: 'unexpectedFieldSuggest', path: ['States', 'A', 'Nxt'], message: 'Unexpected field "Nxt" in Pass state "A". Did you mean "Next"?' }],
    },
    {
      name: 'a field of another state type, and an unknown one',
      code: machine(one({ Type: 'Pass', Resource: LAMBDA, Colour: 'red', End: true })),
      errors: [
        { messageId: 'unexpectedField', path: ['States', 'A', 'Resource'], message: 'Unexpected field "Resource" in Pass state "A".' },
        { messageId: 'unexpectedField', path: ['States', 'A', 'Colour'] },
      ],
    },
    {
      name: 'Assign on a Fail state',
      code: machine(one({ Type: 'Fail', Error: 'E', Assign: { x: 1 } })),
      errors: [{ messageId: 'unexpectedField', path: ['States', 'A', 'Assign'] }],
    },
    {
      name: 'missing Type',
      code: machine(one({ Next: 'B' })),
      errors: [{ messageId: 'missingType', path: ['States', 'A'], message: 'Missing "Type" in state "A".' }],
    },
    {
      name: 'a misspelt Type is reported at its value, with a suggestion',
      code: yaml`
        StartAt: A
        States:
          A: { Type: task, End: true }`,
      errors: [{ messageId: 'unknownTypeSuggest', line: 3, column: 14, message: 'Unknown state type "task" in state "A". Did you mean "Task"?' }],
    },
    {
      name: 'an unknown Type',
      code: json`
        { "StartAt": "A", "States": { "A": { "Type": "Sleep", "End": true } } }`,
      errors: [{ messageId: 'unknownType', line: 1, column: 46, message: 'Unknown state type "Sleep" in state "A". Expected one of "Pass", "Task"' }],
    },
    {
      name: 'required fields per type',
      code: machine({
        StartAt: 'Task',
        States: { Task: { Type: 'Task', Next: 'Choice' }, Choice: { Type: 'Choice', Default: 'Par' }, Par: { Type: 'Parallel', Next: 'Map' }, Map: { Type: 'Map', End: true } },
      }),
      errors: [
        { messageId: 'missingField', path: ['States', 'Task'], message: 'Missing "Resource" in Task state "Task".' },
        { messageId: 'missingField', path: ['States', 'Choice'], message: '"Choices"' },
        { messageId: 'missingField', path: ['States', 'Par'], message: '"Branches"' },
        { messageId: 'missingField', path: ['States', 'Map'], message: 'Missing "ItemProcessor" in Map state "Map".' },
      ],
    },
    {
      name: 'exclusive pairs are reported at the second field',
      code: machine(one({ Type: 'Task', Resource: LAMBDA, TimeoutSeconds: 5, TimeoutSecondsPath: '$.t', HeartbeatSecondsPath: '$.h', HeartbeatSeconds: 2, End: true })),
      errors: [
        { messageId: 'exclusiveFields', path: ['States', 'A', 'TimeoutSecondsPath'], message: 'Unexpected "TimeoutSecondsPath" together with "TimeoutSeconds"; only one of them may be given.' },
        { messageId: 'exclusiveFields', path: ['States', 'A', 'HeartbeatSeconds'], message: '"HeartbeatSecondsPath"' },
      ],
    },
    {
      name: 'Map with both Iterator and ItemProcessor, Parameters and ItemSelector',
      code: machine(one({ Type: 'Map', Iterator: processor, ItemProcessor: processor, Parameters: {}, ItemSelector: {}, End: true })),
      errors: [
        { messageId: 'exclusiveFields', path: ['States', 'A', 'ItemProcessor'] },
        { messageId: 'exclusiveFields', path: ['States', 'A', 'ItemSelector'] },
      ],
    },
    {
      name: 'number values out of bounds, at the value',
      code: yaml`
        StartAt: A
        States:
          A:
            Type: Task
            Resource: ${LAMBDA}
            TimeoutSeconds: 0
            HeartbeatSeconds: 2.5
            End: true`,
      errors: [
        { messageId: 'invalidValue', line: 6, column: 21, message: 'Expected "TimeoutSeconds" to be an integer from 1 to 99999999 but got 0.' },
        { messageId: 'invalidValue', line: 7, column: 23, message: 'Expected "HeartbeatSeconds" to be an integer from 1 to 99999999 but got 2.5.' },
      ],
    },
    {
      name: 'HeartbeatSeconds not below TimeoutSeconds',
      code: json`
        {
          "StartAt": "A",
          "States": {
            "A": { "Type": "Task", "Resource": "${LAMBDA}", "TimeoutSeconds": 30, "HeartbeatSeconds": 30, "End": true }
          }
        }`,
      errors: [{ messageId: 'invalidValue', line: 4, column: 139, message: 'Expected "HeartbeatSeconds" to be less than "TimeoutSeconds" (30) but got 30.' }],
    },
    {
      name: 'Arguments that is neither an object nor an expression; a JSONPath field in JSONata is not judged here',
      code: yaml`
        QueryLanguage: JSONata
        StartAt: A
        States:
          A: { Type: Task, Resource: x, Arguments: 123, TimeoutSecondsPath: 5, End: true }`,
      errors: [{ messageId: 'invalidValue', line: 4, column: 44, message: 'Expected "Arguments" to be an object but got 123.' }],
    },
    {
      name: 'under a misspelt QueryLanguage, shapes are judged and expressions allowed',
      code: yaml`
        StartAt: A
        States:
          A: { Type: Task, QueryLanguage: notValid, Resource: x, Arguments: 123, TimeoutSeconds: "{% $t %}", End: true }`,
      errors: [{ messageId: 'invalidValue', line: 3, column: 69, message: 'Expected "Arguments" to be an object but got 123.' }],
    },
    {
      name: 'a JSONata expression in a JSONPath state is not a number',
      code: yaml`
        StartAt: A
        States:
          A: { Type: Task, Resource: x, TimeoutSeconds: "{% $t %}", End: true }`,
      errors: [{ messageId: 'invalidValue', line: 3, column: 49, message: 'but got "{% $t %}".' }],
    },
    {
      name: 'shapes: Comment, Branches, MaxConcurrency, ToleratedFailurePercentage, Label',
      code: yaml`
        StartAt: P
        States:
          P:
            Type: Parallel
            Comment: 5
            Branches: []
            Next: M
          M:
            Type: Map
            MaxConcurrency: -1
            ToleratedFailurePercentage: 105
            Label: ThisLabelIsFarTooLongForAwsWhichAllowsForty
            ItemProcessor: { StartAt: X, States: { X: { Type: Succeed } } }
            End: true`,
      errors: [
        { messageId: 'invalidValue', line: 5, column: 14, message: 'Expected "Comment" to be a string but got 5.' },
        { messageId: 'invalidValue', line: 6, column: 15, message: 'Expected "Branches" to be a non-empty array but got an empty array.' },
        { messageId: 'invalidValue', line: 10, column: 21, message: 'an integer of at least 0 but got -1.' },
        { messageId: 'invalidValue', line: 11, column: 33, message: 'a number from 0 to 100 but got 105.' },
        { messageId: 'invalidValue', line: 12, column: 12, message: 'a string of at most 40 characters' },
      ],
    },
    {
      name: 'a Parallel branch that is not a state machine',
      code: yaml`
        StartAt: P
        States:
          P:
            Type: Parallel
            Branches:
              - StartAt: X
              - Pass
            End: true`,
      errors: [
        { messageId: 'missingField', line: 6, column: 9, message: 'Missing "States" in branch 0 of Parallel state "P".' },
        { messageId: 'invalidValue', line: 7, column: 9, message: 'Expected "Branches[1]" to be an object but got "Pass".' },
      ],
    },
    {
      name: 'Credentials null, ItemsPath null and a number OutputPath',
      code: yaml`
        StartAt: A
        States:
          A: { Type: Task, Resource: x, Credentials: null, OutputPath: 5, Next: M }
          M:
            Type: Map
            ItemsPath: null
            ResultPath: null
            ItemProcessor: { StartAt: X, States: { X: { Type: Succeed } } }
            End: true`,
      errors: [
        { messageId: 'invalidValue', line: 3, column: 46, message: 'Expected "Credentials" to be an object but got null.' },
        { messageId: 'invalidValue', line: 3, column: 64, message: 'Expected "OutputPath" to be a path string or null but got 5.' },
        { messageId: 'invalidValue', line: 6, column: 16, message: 'Expected "ItemsPath" to be a path string but got null.' },
      ],
    },
    {
      name: 'unknown and duplicate fields in a state, a branch and a processor',
      code: yaml`
        StartAt: P
        States:
          P:
            Type: Parallel
            Branches:
              - { StartAt: X, States: { X: { Type: Succeed } }, Stats: {} }
            Type: Parallel
            Next: M
          M:
            Type: Map
            Iterator: { StartAt: Y, States: { Y: { Type: Succeed } }, InvalidProp: 1 }
            End: true`,
      errors: [
        { messageId: 'unexpectedFieldInSuggest', line: 6, column: 57, message: 'Unexpected field "Stats" in branch 0 of Parallel state "P". Did you mean "States"?' },
        { messageId: 'duplicateField', line: 7, column: 5, message: 'Duplicate field "Type" in state "P".' },
        { messageId: 'unexpectedFieldIn', line: 11, column: 63, message: 'Unexpected field "InvalidProp" in the "Iterator" of Map state "M".' },
      ],
    },
    {
      name: 'distributed Map: processor config, reader and batcher',
      code: yaml`
        StartAt: M
        States:
          M:
            Type: Map
            ItemReader:
              ReaderConfig: { MaxItems: 1, MaxItemsPath: $.n }
            ItemBatcher: { MaxItemsPerBatch: 2, MaxItemsPerBatchPath: $.b }
            ItemProcessor:
              ProcessorConfig: { Mode: DISTRIBUTED }
              StartAt: X
              States: { X: { Type: Succeed } }
            ResultWriter: { WriterConfig: {} }
            End: true`,
      errors: [
        { messageId: 'missingField', line: 5, column: 5, message: 'Missing "Resource" in the "ItemReader" of Map state "M".' },
        { messageId: 'exclusiveFields', line: 6, column: 36, message: '"MaxItemsPath" together with "MaxItems"' },
        { messageId: 'exclusiveFields', line: 7, column: 41, message: '"MaxItemsPerBatchPath"' },
        { messageId: 'missingField', line: 9, column: 7, message: 'Missing "ExecutionType"' },
        { messageId: 'missingField', line: 12, column: 21, message: 'Missing "OutputType"' },
      ],
    },
    {
      name: 'reader and batcher counts, and Items that is not an array',
      code: yaml`
        QueryLanguage: JSONata
        StartAt: M
        States:
          M:
            Type: Map
            Items: { a: 1 }
            ItemReader: { Resource: arn:aws:states:::s3:getObject, ReaderConfig: { MaxItems: -5 } }
            ItemBatcher: { MaxItemsPerBatch: 0, MaxInputBytesPerBatch: "{% $size %}" }
            ItemProcessor: { StartAt: X, States: { X: { Type: Succeed } } }
            End: true`,
      errors: [
        { messageId: 'invalidValue', line: 6, column: 12, message: 'Expected "Items" to be an array but got an object.' },
        { messageId: 'invalidValue', line: 7, column: 86, message: 'Expected "MaxItems" to be an integer of at least 0 but got -5.' },
        { messageId: 'invalidValue', line: 8, column: 38, message: 'Expected "MaxItemsPerBatch" to be an integer of at least 1 but got 0.' },
      ],
    },
    {
      name: 'an unknown processor Mode',
      code: yaml`
        StartAt: A
        States:
          A:
            Type: Map
            ItemProcessor:
              ProcessorConfig: { Mode: PARALLEL }
              StartAt: X
              States: { X: { Type: Succeed } }
            End: true`,
      errors: [{ messageId: 'invalidValue', line: 6, column: 32, message: 'Expected "Mode" to be "INLINE" or "DISTRIBUTED" but got "PARALLEL".' }],
    },
  ],
});
