import rule from '../../../rules/asl/valid-query-language';
import { RuleTester, json, machine, yaml } from '../../harness';

const LAMBDA = 'arn:aws:states:::lambda:invoke';

new RuleTester().run('asl/valid-query-language', rule, {
  valid: [
    {
      name: 'a JSONPath machine with JSONPath fields and Assign',
      code: machine({
        StartAt: 'A',
        States: { A: { Type: 'Task', Resource: LAMBDA, InputPath: '$', Parameters: { 'a.$': '$.a' }, ResultSelector: {}, ResultPath: '$.r', OutputPath: '$', Assign: { x: 1 }, End: true } },
      }),
    },
    {
      name: 'a JSONata machine with JSONata fields',
      code: machine({
        QueryLanguage: 'JSONata',
        StartAt: 'A',
        States: {
          A: { Type: 'Task', Resource: LAMBDA, Arguments: { a: '{% $states.input.a %}' }, Output: '{% $states.result %}', Assign: { x: 1 }, Next: 'M' },
          M: {
            Type: 'Map', Items: '{% $states.input.items %}', ItemSelector: { v: '{% $states.context.Map.Item.Value %}' },
            ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Arguments: { Bucket: 'b' }, ReaderConfig: { MaxItems: '{% 5 %}' } },
            ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true,
          },
        },
      }),
    },
    {
      name: 'one JSONata state in a JSONPath machine',
      code: machine({ StartAt: 'A', States: { A: { Type: 'Pass', QueryLanguage: 'JSONata', Output: { a: 1 }, End: true } } }),
    },
    { name: 'an explicit JSONata state in a JSONata machine', code: machine({ QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', QueryLanguage: 'JSONata', End: true } } }) },
    { name: 'a field the type does not take is left to asl/valid-state-fields', code: machine({ StartAt: 'A', States: { A: { Type: 'Wait', Seconds: 1, Arguments: {}, End: true } } }) },
  ],
  invalid: [
    {
      name: 'an unknown QueryLanguage, at the machine and at a state, is reported once',
      code: yaml`
        QueryLanguage: JSONPATH
        StartAt: A
        States:
          A: { Type: Pass, QueryLanguage: jsonata, End: true }
          B: { Type: Pass, Output: 1, Parameters: {}, End: true }`,
      errors: [
        { messageId: 'unknownLanguage', line: 1, column: 16, message: 'Expected "QueryLanguage" to be "JSONPath" or "JSONata" but got "JSONPATH".' },
        { messageId: 'unknownLanguage', line: 4, column: 35, message: 'but got "jsonata".' },
      ],
    },
    {
      name: 'a JSONPath state in a JSONata machine',
      code: json`
        {
          "QueryLanguage": "JSONata",
          "StartAt": "A",
          "States": { "A": { "Type": "Pass", "QueryLanguage": "JSONPath", "End": true } }
        }`,
      errors: [{ messageId: 'jsonPathInJsonata', line: 4, column: 55, message: 'Unexpected "QueryLanguage": "JSONPath" in state "A" of a JSONata state machine.' }],
    },
    {
      name: 'JSONPath fields in a JSONata state',
      code: machine({ QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', Parameters: ['abc'], ResultPath: '$.x', End: true } } }),
      errors: [
        { messageId: 'jsonPathField', path: ['States', 'A', 'Parameters'], message: 'Unexpected JSONPath field "Parameters" in JSONata state "A". Use "Arguments" instead.' },
        { messageId: 'jsonPathField', path: ['States', 'A', 'ResultPath'], message: 'Use "Output" instead.' },
      ],
    },
    {
      name: 'a JSONPath field in a state that sets JSONata itself',
      code: machine({ StartAt: 'A', States: { A: { Type: 'Wait', QueryLanguage: 'JSONata', SecondsPath: '$.s', End: true } } }),
      errors: [{ messageId: 'jsonPathField', path: ['States', 'A', 'SecondsPath'], message: 'Use "Seconds" instead.' }],
    },
    {
      name: 'JSONata fields in a JSONPath state',
      code: machine({ StartAt: 'A', States: { A: { Type: 'Task', Resource: LAMBDA, Arguments: {}, Output: '{% $states.result %}', End: true } } }),
      errors: [
        { messageId: 'jsonataField', path: ['States', 'A', 'Arguments'], message: 'Unexpected JSONata field "Arguments" in JSONPath state "A". Set "QueryLanguage" to "JSONata" to use it.' },
        { messageId: 'jsonataField', path: ['States', 'A', 'Output'] },
      ],
    },
    {
      name: 'Items in a JSONPath Map and Parameters in its ItemReader under JSONata',
      code: machine({
        StartAt: 'M',
        States: {
          M: { Type: 'Map', Items: [1, 2], ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, Next: 'N' },
          N: {
            Type: 'Map', QueryLanguage: 'JSONata',
            ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b' }, ReaderConfig: { MaxItemsPath: '$.n' } },
            ItemProcessor: { StartAt: 'Q', States: { Q: { Type: 'Pass', End: true } } }, End: true,
          },
        },
      }),
      errors: [
        { messageId: 'jsonataField', path: ['States', 'M', 'Items'] },
        { messageId: 'jsonPathField', path: ['States', 'N', 'ItemReader', 'Parameters'], message: '"Parameters"' },
        { messageId: 'jsonPathFieldNoReplacement', path: ['States', 'N', 'ItemReader', 'ReaderConfig', 'MaxItemsPath'], message: 'Unexpected JSONPath field "MaxItemsPath" in JSONata state "N".' },
      ],
    },
  ],
});
