import rule from '../../../rules/batch/require-output-path';
import { RuleTester, file, json, machine, yaml } from '../../harness';

const BATCH = 'arn:aws:states:::batch:submitJob.sync';
const PRE_ARN = 'arn:aws:lambda:us-west-2:123456789012:function:cirrus-pre-batch';
const POST_ARN = 'arn:aws:lambda:us-west-2:123456789012:function:cirrus-post-batch';

const triad = (batchResource: unknown = BATCH) => ({
  'copy-assets-pre-batch': { Type: 'Task', Resource: PRE_ARN, Next: 'copy-assets-batch' },
  'copy-assets-batch': {
    Type: 'Task',
    Resource: batchResource,
    Parameters: {
      JobName: 'copy-assets',
      JobQueue: 'copy-assets-queue',
      JobDefinition: 'copy-assets',
      Parameters: { 'url.$': '$.url', 'url_out.$': '$.url_out' },
    },
    Next: 'copy-assets-post-batch',
  },
  'copy-assets-post-batch': { Type: 'Task', Resource: POST_ARN, End: true },
});

/** A batch group; `fields` replaces its `OutputPath` (pass `{ OutputPath: undefined }` to drop it). */
const groupState = (fields: Record<string, unknown> = {}, states: Record<string, unknown> = triad()) => ({
  Type: 'Parallel',
  Branches: [{ StartAt: 'copy-assets-pre-batch', States: states }],
  OutputPath: '$[0]',
  End: true,
  ...fields,
});

const top = (state: Record<string, unknown>) => ({ StartAt: 'copy-assets-group', States: { 'copy-assets-group': state } });

const inMap = (processorKey: 'ItemProcessor' | 'Iterator', state: Record<string, unknown>) => ({
  StartAt: 'Each',
  States: { Each: { Type: 'Map', [processorKey]: { StartAt: 'copy-assets-group', States: { 'copy-assets-group': state } }, End: true } },
});

const NO_OUTPUT_PATH = { OutputPath: undefined };

new RuleTester().run('batch/require-output-path', rule, {
  valid: [
    { name: 'canonical batch group', code: machine(top(groupState())) },
    { name: 'batch group inside a Map ItemProcessor', code: machine(inMap('ItemProcessor', groupState())) },
    { name: 'batch group inside a legacy Map Iterator', code: machine(inMap('Iterator', groupState())) },
    {
      name: 'JSONata batch group selecting the first result with Output',
      code: machine({
        QueryLanguage: 'JSONata',
        ...top(groupState({ OutputPath: undefined, Output: '{% $states.result[0] %}' })),
      }),
    },
    {
      name: 'a flat triad is judged by require-parallel-group, not here',
      code: machine({ StartAt: 'copy-assets-pre-batch', States: triad() }),
    },
    {
      name: 'a Map around a triad is never a batch group',
      code: machine({
        StartAt: 'Each',
        States: { Each: { Type: 'Map', ItemProcessor: { StartAt: 'copy-assets-pre-batch', States: triad() }, End: true } },
      }),
    },
    {
      name: 'a two-branch Parallel is not a batch group',
      code: machine({
        StartAt: 'Both',
        States: {
          Both: {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'copy-assets-pre-batch', States: triad() },
              { StartAt: 'Notify', States: { Notify: { Type: 'Pass', End: true } } },
            ],
            End: true,
          },
        },
      }),
    },
    {
      name: 'a single-branch Parallel without a Batch task is not a batch group',
      code: machine(top({ Type: 'Parallel', Branches: [{ StartAt: 'Charge', States: { Charge: { Type: 'Pass', End: true } } }], End: true })),
    },
    {
      name: 'Batch Resource with a templated partition inside Fn::Sub',
      code: machine(top(groupState({}, triad({ 'Fn::Sub': 'arn:${AWS::Partition}:states:::batch:submitJob.sync' })))),
    },
    {
      name: 'settings.batch.batchResource: a group around another task is not judged',
      code: machine(top(groupState(NO_OUTPUT_PATH))),
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
      code: machine(top(groupState(NO_OUTPUT_PATH))),
      errors: [{ messageId: 'missingOutputPath', path: ['States', 'copy-assets-group'], message: 'batch group "copy-assets-group"' }],
    },
    {
      name: 'batch group passing on the whole array',
      code: machine(top(groupState({ OutputPath: '$' }))),
      errors: [{ messageId: 'wrongOutputPath', path: ['States', 'copy-assets-group'], message: 'but got "$".' }],
    },
    {
      name: 'batch group selecting another index',
      code: machine(top(groupState({ OutputPath: '$[1]' }))),
      errors: [{ messageId: 'wrongOutputPath', path: ['States', 'copy-assets-group'], message: 'but got "$[1]".' }],
    },
    {
      name: 'batch group without OutputPath inside a Map ItemProcessor',
      code: machine(inMap('ItemProcessor', groupState(NO_OUTPUT_PATH))),
      errors: [{ messageId: 'missingOutputPath', path: ['States', 'Each', 'ItemProcessor', 'States', 'copy-assets-group'] }],
    },
    {
      name: 'batch group without OutputPath inside a legacy Map Iterator',
      code: machine(inMap('Iterator', groupState(NO_OUTPUT_PATH))),
      errors: [{ messageId: 'missingOutputPath', path: ['States', 'Each', 'Iterator', 'States', 'copy-assets-group'] }],
    },
    {
      name: 'batch group without OutputPath inside a branch of a two-branch Parallel',
      code: machine({
        StartAt: 'Both',
        States: {
          Both: {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'copy-assets-group', States: { 'copy-assets-group': groupState(NO_OUTPUT_PATH) } },
              { StartAt: 'Notify', States: { Notify: { Type: 'Pass', End: true } } },
            ],
            End: true,
          },
        },
      }),
      errors: [{ messageId: 'missingOutputPath', path: ['States', 'Both', 'Branches', 0, 'States', 'copy-assets-group'] }],
    },
    {
      name: 'a batch group holding only a naked Batch task is still judged',
      code: machine(
        top({
          Type: 'Parallel',
          Branches: [{ StartAt: 'copy-assets-batch', States: { 'copy-assets-batch': { Type: 'Task', Resource: BATCH, End: true } } }],
          End: true,
        }),
      ),
      errors: [{ messageId: 'missingOutputPath', path: ['States', 'copy-assets-group'] }],
    },
    {
      name: 'JSONata batch group without Output',
      code: machine({ QueryLanguage: 'JSONata', ...top(groupState(NO_OUTPUT_PATH)) }),
      errors: [{ messageId: 'missingOutput', path: ['States', 'copy-assets-group'], message: 'Missing "Output": "{% $states.result[0] %}"' }],
    },
    {
      name: 'JSONata batch group with an Output of the whole result',
      code: machine({ QueryLanguage: 'JSONata', ...top(groupState({ OutputPath: undefined, Output: '{% $states.result %}' })) }),
      errors: [{ messageId: 'wrongOutput', path: ['States', 'copy-assets-group'], message: 'but got "{% $states.result %}".' }],
    },
    {
      name: 'batch group state in JSONata inside a JSONPath machine',
      code: machine(top(groupState({ OutputPath: undefined, QueryLanguage: 'JSONata' }))),
      errors: [{ messageId: 'missingOutput', path: ['States', 'copy-assets-group'] }],
    },
    {
      name: 'two errors: two batch groups in a row',
      code: machine({
        StartAt: 'copy-assets-group',
        States: {
          'copy-assets-group': groupState({ OutputPath: undefined, End: undefined, Next: 'make-preview-group' }),
          'make-preview-group': groupState({ OutputPath: '$.Payload' }),
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
        top(
          groupState(NO_OUTPUT_PATH, {
            ...triad(),
            'copy-assets-batch': { Type: 'Task', Resource: 'arn:aws:states:::ecs:runTask.sync', Next: 'copy-assets-post-batch' },
          }),
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
