import rule from '../../../rules/asl/valid-paths';
import { RuleTester, json, machine, yaml } from '../../harness';

/** A one-state machine: a Pass state named "P" with `fields`. */
const pass = (fields: Record<string, unknown>, top: Record<string, unknown> = {}) => ({
  ...top,
  StartAt: 'P',
  States: { P: { Type: 'Pass', ...fields, End: true } },
});

new RuleTester().run('asl/valid-paths', rule, {
  valid: [
    { name: 'plain paths, null paths and $', code: machine(pass({ InputPath: '$.in', OutputPath: null, ResultPath: '$' })) },
    { name: 'null InputPath and ResultPath', code: machine(pass({ InputPath: null, ResultPath: null })) },
    { name: 'escaped and bracketed names', code: machine(pass({ InputPath: "$['a b']['c'].d\\.e", ResultPath: '$.x[0].y' })) },
    { name: 'filters, wildcards and slices in a path', code: machine(pass({ InputPath: '$.a[?(@.b > 1)]', OutputPath: '$..c[1:3]' })) },
    { name: 'the context object and variables in a path', code: machine(pass({ InputPath: '$$.Execution.Input', OutputPath: '$myVar.items[0]' })) },
    {
      name: 'payload templates with paths, intrinsics and nested calls',
      code: machine(
        pass({
          Parameters: {
            'a.$': '$.a',
            'b.$': "States.Format('{} and {}', $.x, States.ArrayGetItem($.list, 0))",
            'c.$': 'States.MathAdd(States.ArrayLength($$.Execution.Input.items), -1)',
            'd.$': "States.Hash($.data, 'SHA-256')",
            'e.$': 'States.UUID()',
            'f.$': 'States.JsonMerge($.a, $.b, false)',
            'g.$': 'States.MathRandom(1, 999)',
            'h.$': '$counter',
            nested: [{ 'i.$': '$.i' }],
          },
        }),
      ),
    },
    { name: 'trailing whitespace after an intrinsic', code: machine(pass({ Parameters: { 'a.$': 'States.JsonToString($)   ' } })) },
    { name: 'a string literal with escaped quote and braces', code: machine(pass({ Parameters: { 'a.$': "States.Format('it\\'s \\{literal\\} {}', $.x)" } })) },
    {
      name: 'Map reference paths and Task timeouts from paths',
      code: machine({
        StartAt: 'M',
        States: {
          M: { Type: 'Map', ItemsPath: '$.items', MaxConcurrencyPath: '$$.Execution.Input.n', ItemSelector: { 'v.$': '$$.Map.Item.Value' }, ItemProcessor: { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', TimeoutSecondsPath: '$.t', End: true } } }, End: true },
        },
      }),
    },
    { name: 'Fail ErrorPath and CausePath with string intrinsics', code: machine({ StartAt: 'F', States: { F: { Type: 'Fail', ErrorPath: '$$.State.Name', CausePath: "States.Format('x {}', States.ArrayGetItem($.a, $.i))" } } }) },
    { name: 'Choice Variable and *Path operands', code: machine({ StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ And: [{ Variable: '$.a', NumericGreaterThanPath: '$.b' }, { Not: { Variable: '$$.Execution.Name', IsPresent: true } }], Next: 'D' }], Default: 'D' }, D: { Type: 'Succeed' } } }) },
    { name: 'a JSONata state is not parsed as JSONPath', code: machine(pass({ QueryLanguage: 'JSONata', Output: '{% $states.input %}', Assign: { x: '{% 1 %}' } })) },
    { name: 'a JSONata machine is not parsed as JSONPath', code: machine(pass({ Output: { 'a.$': 'not a path' } }, { QueryLanguage: 'JSONata' })) },
    { name: 'templated values are unknown, not errors', code: machine(pass({ InputPath: '${input_path}', Parameters: { 'a.$': '#{Path}', 'b.$': { 'Fn::Sub': '$.${X}' } } })) },
    { name: 'Task Credentials from a path', code: machine({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Credentials: { 'RoleArn.$': '$.roleArn' }, End: true } } }) },
    { name: 'Catch ResultPath and Assign', code: machine({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Assign: { 'e.$': '$.Cause' }, Next: 'D' }], End: true }, D: { Type: 'Succeed' } } }) },
  ],
  invalid: [
    {
      name: 'a path that does not start with $',
      code: yaml`
        StartAt: P
        States:
          P:
            Type: Pass
            InputPath: input.x
            End: true`,
      errors: [{ messageId: 'invalidPath', line: 5, column: 16, message: 'Invalid path "input.x" in "InputPath": A path must start with "$".' }],
    },
    {
      name: 'an intrinsic function in a Choice Variable',
      code: yaml`
        StartAt: C
        States:
          C:
            Type: Choice
            Choices:
              - Variable: States.ArrayContains($.ids, 'x')
                BooleanEquals: true
                Next: D
            Default: D
          D: { Type: Succeed }`,
      errors: [{ messageId: 'invalidPath', line: 6, column: 19, message: ': Intrinsic functions are only evaluated in payload templates (keys ending in ".$"), "ErrorPath" and "CausePath".' }],
    },
    {
      name: 'a context-object ResultPath',
      code: yaml`
        StartAt: P
        States:
          P:
            Type: Pass
            ResultPath: $$.Execution.Id
            End: true`,
      errors: [{ messageId: 'invalidPath', line: 5, column: 17, message: 'Invalid result path "$$.Execution.Id" in "ResultPath"' }],
    },
    {
      name: 'a variable ResultPath',
      code: yaml`
        StartAt: P
        States:
          P: { Type: Pass, ResultPath: $result, End: true }`,
      errors: [{ messageId: 'invalidPath', line: 3, column: 32, message: 'not "a variable"' }],
    },
    {
      name: 'a wildcard in ItemsPath, in JSON',
      code: json`
        {
          "StartAt": "M",
          "States": {
            "M": { "Type": "Map", "ItemsPath": "$.items[*]", "ItemProcessor": { "StartAt": "P", "States": { "P": { "Type": "Pass", "End": true } } }, "End": true }
          }
        }`,
      errors: [{ messageId: 'invalidPath', line: 4, column: 40, message: 'the wildcard "[*]" is not allowed' }],
    },
    {
      name: 'a filter in ResultPath',
      code: yaml`
        StartAt: P
        States:
          P: { Type: Pass, ResultPath: "$.a[?(@.b)]", End: true }`,
      errors: [{ messageId: 'invalidPath', line: 3, column: 32, message: 'the filter "[?(@.b)]"' }],
    },
    {
      name: 'a regular-expression filter and a function',
      code: yaml`
        StartAt: P
        States:
          P:
            Type: Pass
            InputPath: $.a[?(@.b =~ /x/)]
            OutputPath: $.a.length()
            End: true`,
      errors: [
        { messageId: 'invalidPath', line: 5, column: 16, message: 'regular expression' },
        { messageId: 'invalidPath', line: 6, column: 17, message: 'Functions such as "length()"' },
      ],
    },
    {
      name: 'intrinsic problems in Parameters, at each value',
      code: yaml`
        StartAt: P
        States:
          P:
            Type: Pass
            Parameters:
              a.$: States.Formt('{}', $.x)
              b.$: States.ArrayLength($.a, $.b)
              c.$: States.MathAdd('-1', 1)
              d.$: "  States.UUID()"
              e.$: States.JsonToString($
              f.$: States.Hash($.x, 'SHA-999')
              g.$: 22
              h.$:
            End: true`,
      errors: [
        { messageId: 'invalidTemplate', line: 6, column: 12, message: 'Unknown intrinsic function "States.Formt"' },
        { messageId: 'invalidTemplate', line: 7, column: 12, message: '"States.ArrayLength" takes 1 argument, but 2 are given' },
        { messageId: 'invalidTemplate', line: 8, column: 12, message: 'Argument 1 of "States.MathAdd" must be a number, not a string' },
        { messageId: 'invalidTemplate', line: 9, column: 12, message: 'Unexpected whitespace before the path or intrinsic function' },
        { messageId: 'invalidTemplate', line: 10, column: 12, message: 'Unclosed "(" of "States.JsonToString"' },
        { messageId: 'invalidTemplate', line: 11, column: 12, message: 'must be one of "MD5"' },
        { messageId: 'notString', line: 12, column: 12, message: 'Expected "Parameters.g.$" to hold a path or an intrinsic function as a string, found number.' },
        { messageId: 'notString', line: 13, column: 11, message: 'found null.' },
      ],
    },
    {
      name: 'an empty payload path, nested in an array',
      code: yaml`
        StartAt: P
        States:
          P:
            Type: Pass
            ResultSelector:
              list:
                - x.$: ""
            End: true`,
      errors: [{ messageId: 'invalidTemplate', line: 7, column: 16, message: '"ResultSelector.list[0].x.$"' }],
    },
    {
      name: 'ErrorPath with an intrinsic that does not return a string',
      code: yaml`
        StartAt: F
        States:
          F:
            Type: Fail
            ErrorPath: States.StringToJson($.e)
            CausePath: Cause`,
      errors: [
        { messageId: 'invalidTemplate', line: 5, column: 16, message: '"States.StringToJson" does not return a string' },
        { messageId: 'invalidTemplate', line: 6, column: 16, message: 'A path must start with "$"' },
      ],
    },
    {
      name: 'Choice Variable and *Path operands inside And and Not',
      code: yaml`
        StartAt: C
        States:
          C:
            Type: Choice
            Choices:
              - And:
                  - Variable: a
                    IsPresent: true
                  - Not:
                      Variable: $.x
                      StringEqualsPath: $.y[
                Next: D
            Default: D
          D:
            Type: Succeed`,
      errors: [
        { messageId: 'invalidPath', line: 7, column: 23, message: '"Choices[0].And[0].Variable"' },
        { messageId: 'invalidPath', line: 11, column: 33, message: '"Choices[0].And[1].Not.StringEqualsPath"' },
      ],
    },
    {
      name: 'a JSONata expression in a JSONPath state',
      code: yaml`
        StartAt: P
        States:
          P:
            Type: Pass
            InputPath: "{% $states.input %}"
            Parameters:
              a.$: "{% 1 %}"
            End: true`,
      errors: [
        { messageId: 'jsonataInJsonPath', line: 5, column: 16, message: 'state "P" uses JSONPath' },
        { messageId: 'jsonataInJsonPath', line: 7, column: 12 },
      ],
    },
    {
      name: 'a JSONPath state in a JSONata machine keeps its paths checked',
      code: yaml`
        QueryLanguage: JSONata
        StartAt: M
        States:
          M:
            Type: Map
            QueryLanguage: JSONPath
            ItemsPath: $..x
            ItemProcessor: { StartAt: P, States: { P: { Type: Pass, End: true } } }
            End: true`,
      errors: [{ messageId: 'invalidPath', line: 7, column: 16, message: 'the deep scan' }],
    },
    {
      name: 'a field set both literally and by a path, at any depth',
      code: yaml`
        StartAt: P
        States:
          P:
            Type: Pass
            Parameters:
              channel: general
              channel.$: $.channel
              dynamic:
                conflict.$: $.a
                conflict: b
            End: true`,
      errors: [
        { messageId: 'duplicateField', line: 7, column: 7, message: 'Unexpected "channel.$" in "Parameters": "channel" already sets field "channel".' },
        { messageId: 'duplicateField', line: 10, column: 9, message: 'Unexpected "conflict" in "Parameters.dynamic": "conflict.$" already sets field "conflict".' },
      ],
    },
    {
      name: 'Catch ResultPath and distributed Map reader paths',
      code: yaml`
        StartAt: M
        States:
          M:
            Type: Map
            ItemReader:
              Resource: arn:aws:states:::s3:getObject
              ReaderConfig: { MaxItemsPath: "$.n[0,1]" }
              Parameters: { Bucket.$: $.b, Key.$: States.Nope() }
            ItemBatcher: { BatchInput: { when.$: States.UUID(1) } }
            ItemProcessor: { StartAt: P, States: { P: { Type: Pass, End: true } } }
            Catch:
              - ErrorEquals: [States.ALL]
                ResultPath: $.errors[-1]
                Next: D
            End: true
          D:
            Type: Succeed`,
      errors: [
        { messageId: 'invalidPath', line: 7, column: 37, message: 'the index list' },
        { messageId: 'invalidTemplate', line: 8, column: 43, message: 'Unknown intrinsic function "States.Nope"' },
        { messageId: 'invalidTemplate', line: 9, column: 42, message: '"ItemBatcher.BatchInput.when.$"' },
        { messageId: 'invalidPath', line: 13, column: 21, message: 'the negative index "[-1]"' },
      ],
    },
  ],
});
