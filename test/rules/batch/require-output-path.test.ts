import rule from '../../../rules/batch/require-output-path';
import { RuleTester, file, json, machine, yaml } from '../../harness';
import { BATCH_SYNC, EACH_MAP, flat, groupMachine, groupState, inMap, triadStates, twoBranches, type Fields } from '../../harness/batch-machines';

/** A batch group around the bare triad; `fields` replace its `OutputPath` (pass `{ OutputPath: undefined }` to drop it). */
const groupWith = (fields: Fields = {}) => groupState(triadStates(), fields);

const NO_OUTPUT_PATH = { OutputPath: undefined };

new RuleTester().run('batch/require-output-path', rule, {
  valid: [
    { name: 'canonical batch group', code: machine(groupMachine(groupWith())) },
    { name: 'batch group inside a Map ItemProcessor', code: machine(inMap(groupMachine(groupWith()), 'ItemProcessor', EACH_MAP)) },
    { name: 'batch group inside a legacy Map Iterator', code: machine(inMap(groupMachine(groupWith()), 'Iterator', EACH_MAP)) },
    {
      name: 'JSONata batch group selecting the first result with Output',
      code: machine({
        QueryLanguage: 'JSONata',
        ...groupMachine(groupWith({ OutputPath: undefined, Output: '{% $states.result[0] %}' })),
      }),
    },
    {
      name: 'a flat triad is judged by require-parallel-group, not here',
      code: machine(flat(triadStates())),
    },
    {
      name: 'a Map around a triad is never a batch group',
      code: machine(inMap(flat(triadStates()), 'ItemProcessor', EACH_MAP)),
    },
    {
      name: 'a two-branch Parallel is not a batch group',
      code: machine(twoBranches(flat(triadStates()))),
    },
    {
      name: 'a single-branch Parallel without a Batch task is not a batch group',
      code: machine(groupMachine({ Type: 'Parallel', Branches: [{ StartAt: 'Charge', States: { Charge: { Type: 'Pass', End: true } } }], End: true })),
    },
    {
      name: 'Batch Resource with a templated partition inside Fn::Sub',
      code: machine(groupMachine(groupState(triadStates({ batch: { Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:states:::batch:submitJob.sync' } } })))),
    },
    {
      name: 'settings.batch.batchResource: a group around another task is not judged',
      code: machine(groupMachine(groupWith(NO_OUTPUT_PATH))),
      settings: { batch: { batchResource: String.raw`^arn:aws:states:::ecs:runTask\.sync$` } },
    },
    {
      name: 'YAML batch group with !GetAtt pre-batch.Arn',
      code: yaml`
        StartAt: copy-assets-group
        States:
          copy-assets-group:
            Type: Parallel
            Branches:
              - StartAt: copy-assets-pre-batch
                States:
                  copy-assets-pre-batch: { Type: Task, Resource: !GetAtt pre-batch.Arn, Next: copy-assets-batch }
                  copy-assets-batch:
                    Type: Task
                    Resource: arn:aws:states:::batch:submitJob.sync
                    Parameters: { JobName: copy-assets, JobQueue: "#{CopyAssetsJobQueue}", JobDefinition: "#{CopyAssetsJobDefinition}" }
                    Next: copy-assets-post-batch
                  copy-assets-post-batch: { Type: Task, Resource: !GetAtt post-batch.Arn, End: true }
            OutputPath: $[0]
            End: true`,
    },
  ],
  invalid: [
    {
      name: 'batch group without OutputPath',
      code: machine(groupMachine(groupWith(NO_OUTPUT_PATH))),
      errors: [{ messageId: 'missingOutputPath', path: ['States', 'copy-assets-group'], message: 'batch group "copy-assets-group"' }],
    },
    {
      name: 'batch group passing on the whole array',
      code: machine(groupMachine(groupWith({ OutputPath: '$' }))),
      errors: [{ messageId: 'wrongOutputPath', path: ['States', 'copy-assets-group'], message: 'but got "$".' }],
    },
    {
      name: 'batch group selecting another index',
      code: machine(groupMachine(groupWith({ OutputPath: '$[1]' }))),
      errors: [{ messageId: 'wrongOutputPath', path: ['States', 'copy-assets-group'], message: 'but got "$[1]".' }],
    },
    {
      name: 'batch group without OutputPath inside a Map ItemProcessor',
      code: machine(inMap(groupMachine(groupWith(NO_OUTPUT_PATH)), 'ItemProcessor', EACH_MAP)),
      errors: [{ messageId: 'missingOutputPath', path: ['States', 'Each', 'ItemProcessor', 'States', 'copy-assets-group'] }],
    },
    {
      name: 'batch group without OutputPath inside a legacy Map Iterator',
      code: machine(inMap(groupMachine(groupWith(NO_OUTPUT_PATH)), 'Iterator', EACH_MAP)),
      errors: [{ messageId: 'missingOutputPath', path: ['States', 'Each', 'Iterator', 'States', 'copy-assets-group'] }],
    },
    {
      name: 'batch group without OutputPath inside a branch of a two-branch Parallel',
      code: machine(twoBranches(groupMachine(groupWith(NO_OUTPUT_PATH)))),
      errors: [{ messageId: 'missingOutputPath', path: ['States', 'Both', 'Branches', 0, 'States', 'copy-assets-group'] }],
    },
    {
      name: 'a batch group holding only a naked Batch task is still judged',
      code: machine(
        groupMachine({
          Type: 'Parallel',
          Branches: [{ StartAt: 'copy-assets-batch', States: { 'copy-assets-batch': { Type: 'Task', Resource: BATCH_SYNC, End: true } } }],
          End: true,
        }),
      ),
      errors: [{ messageId: 'missingOutputPath', path: ['States', 'copy-assets-group'] }],
    },
    {
      name: 'JSONata batch group without Output',
      code: machine({ QueryLanguage: 'JSONata', ...groupMachine(groupWith(NO_OUTPUT_PATH)) }),
      errors: [{ messageId: 'missingOutput', path: ['States', 'copy-assets-group'], message: 'Missing "Output": "{% $states.result[0] %}"' }],
    },
    {
      name: 'JSONata batch group with an Output of the whole result',
      code: machine({ QueryLanguage: 'JSONata', ...groupMachine(groupWith({ OutputPath: undefined, Output: '{% $states.result %}' })) }),
      errors: [{ messageId: 'wrongOutput', path: ['States', 'copy-assets-group'], message: 'but got "{% $states.result %}".' }],
    },
    {
      name: 'batch group state in JSONata inside a JSONPath machine',
      code: machine(groupMachine(groupWith({ OutputPath: undefined, QueryLanguage: 'JSONata' }))),
      errors: [{ messageId: 'missingOutput', path: ['States', 'copy-assets-group'] }],
    },
    {
      name: 'two errors: two batch groups in a row',
      code: machine({
        StartAt: 'copy-assets-group',
        States: {
          'copy-assets-group': groupWith({ OutputPath: undefined, End: undefined, Next: 'make-preview-group' }),
          'make-preview-group': groupWith({ OutputPath: '$.Payload' }),
        },
      }),
      errors: [
        { messageId: 'missingOutputPath', path: ['States', 'copy-assets-group'] },
        { messageId: 'wrongOutputPath', path: ['States', 'make-preview-group'], message: 'but got "$.Payload".' },
      ],
    },
    {
      name: 'settings.batch.batchResource makes a group around another task a batch group',
      code: machine(
        groupMachine(
          groupState(
            {
              ...triadStates(),
              'copy-assets-batch': { Type: 'Task', Resource: 'arn:aws:states:::ecs:runTask.sync', Next: 'copy-assets-post-batch' },
            },
            NO_OUTPUT_PATH,
          ),
        ),
      ),
      settings: { batch: { batchResource: String.raw`^arn:aws:states:::ecs:runTask\.sync$` } },
      errors: [{ messageId: 'missingOutputPath', path: ['States', 'copy-assets-group'] }],
    },
    {
      name: 'YAML position of the Parallel key',
      code: yaml`
        Comment: Copy the assets of each item
        StartAt: copy-assets-group
        States:
          copy-assets-group:
            Type: Parallel
            Branches:
              - StartAt: copy-assets-pre-batch
                States:
                  copy-assets-pre-batch: { Type: Task, Resource: !GetAtt pre-batch.Arn, Next: copy-assets-batch }
                  copy-assets-batch: { Type: Task, Resource: arn:aws:states:::batch:submitJob.sync, Next: copy-assets-post-batch }
                  copy-assets-post-batch: { Type: Task, Resource: !GetAtt post-batch.Arn, End: true }
            End: true`,
      errors: [{ messageId: 'missingOutputPath', line: 4, column: 3 }],
    },
    {
      name: 'JSON position of the Parallel key',
      code: json`
        {
          "StartAt": "copy-assets-group",
          "States": {
            "copy-assets-group": {
              "Type": "Parallel",
              "Branches": [{
                "StartAt": "copy-assets-batch",
                "States": { "copy-assets-batch": { "Type": "Task", "Resource": "arn:aws:states:::batch:submitJob.sync", "End": true } }
              }],
              "OutputPath": "$.result",
              "End": true
            }
          }
        }`,
      errors: [{ messageId: 'wrongOutputPath', line: 4, column: 5, message: 'but got "$.result".' }],
    },
    {
      name: 'CloudFormation DefinitionString with !Sub maps to the host line',
      code: file(
        'template.yaml',
        [
          'Resources:',
          '  CopyAssetsStateMachine:',
          '    Type: AWS::StepFunctions::StateMachine',
          '    Properties:',
          '      DefinitionString: !Sub |',
          '        {',
          '          "StartAt": "copy-assets-group",',
          '          "States": {',
          '            "copy-assets-group": {',
          '              "Type": "Parallel",',
          '              "Branches": [{',
          '                "StartAt": "copy-assets-pre-batch",',
          '                "States": {',
          '                  "copy-assets-pre-batch": { "Type": "Task", "Resource": "${PreBatchFunctionArn}", "Next": "copy-assets-batch" },',
          '                  "copy-assets-batch": { "Type": "Task", "Resource": "arn:${AWS::Partition}:states:::batch:submitJob.sync", "Next": "copy-assets-post-batch" },',
          '                  "copy-assets-post-batch": { "Type": "Task", "Resource": "${PostBatchFunctionArn}", "End": true }',
          '                }',
          '              }],',
          '              "End": true',
          '            }',
          '          }',
          '        }',
          '',
        ].join('\n'),
      ),
      errors: [{ messageId: 'missingOutputPath', line: 9, column: 13 }],
    },
  ],
});
