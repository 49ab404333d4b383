import rule from '../../../rules/batch/require-payload-urls';
import { RuleTester, file, json, machine, yaml } from '../../harness';
import { BATCH_SYNC, PAYLOAD_URLS, group, inMap, jobRequest, triad, type Fields } from '../../harness/batch-machines';

/** A SubmitJob request whose job `Parameters` are `job` (left out when undefined). */
const request = (job?: unknown, extra: Fields = {}) => jobRequest({ Parameters: job, ...extra });

/** A JSONata machine whose Batch task passes `args` as its "Arguments". */
const jsonata = (args: unknown) => ({
  QueryLanguage: 'JSONata',
  ...triad({ batch: { Parameters: undefined, Arguments: args } }),
});

const BATCH = ['States', 'copy-assets-batch'];

new RuleTester().run('batch/require-payload-urls', rule, {
  valid: [
    { name: 'the canonical batch group', code: machine(group(triad())) },
    { name: 'inside a Map ItemProcessor', code: machine(inMap(triad())) },
    { name: 'inside a legacy Map Iterator', code: machine(inMap(triad(), 'Iterator')) },
    { name: 'more job parameters besides the two urls', code: machine(triad({ batch: { Parameters: request({ ...PAYLOAD_URLS, 'collection.$': '$.collection' }) } })) },
    { name: 'paths in bracket notation', code: machine(triad({ batch: { Parameters: request({ 'url.$': "$['url']", 'url_out.$': "$['url_out']" }) } })) },
    { name: 'job Parameters built at run time', code: machine(triad({ batch: { Parameters: request(undefined, { 'Parameters.$': '$.job_parameters' }) } })) },
    { name: 'Batch Resource in Fn::Sub', code: machine(triad({ batch: { Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:states:::batch:submitJob.sync' } } })) },
    {
      name: 'a wholly templated Batch Resource',
      code: machine(triad({ batch: { Resource: '${batch_arn}', Parameters: { JobQueue: '${job_queue}', JobDefinition: '${job_definition}', Parameters: PAYLOAD_URLS } } })),
    },
    { name: 'a Lambda task has no job parameters to judge', code: machine({ StartAt: 'Charge', States: { Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } }) },
    {
      name: 'JSONata job Parameters with both urls',
      code: machine(jsonata(request({ url: '{% $states.input.url %}', url_out: '{% $states.input.url_out %}' }))),
    },
    { name: 'JSONata job Parameters as an expression', code: machine(jsonata(request('{% $states.input.job_parameters %}'))) },
    { name: 'JSONata Arguments as an expression', code: machine(jsonata('{% $states.input.request %}')) },
    {
      name: 'a custom batchResource matcher with both urls',
      code: machine(triad({ batch: { Resource: '${batch_job}' } })),
      settings: { batch: { batchResource: String.raw`^\$\{batch_job\}$` } },
    },
  ],
  invalid: [
    {
      name: 'url_out missing (as in early Cirrus workflows)',
      code: machine(triad({ batch: { Parameters: request({ 'url.$': '$.url' }) } })),
      errors: [{ messageId: 'missingUrl', path: BATCH, message: 'Missing "url_out.$": "$.url_out"' }],
    },
    {
      name: 'no job Parameters at all',
      code: machine(triad({ batch: { Parameters: request() } })),
      errors: [
        { messageId: 'missingUrl', path: BATCH, message: '"url.$"' },
        { messageId: 'missingUrl', path: BATCH, message: '"url_out.$"' },
      ],
    },
    {
      name: 'url read from another path',
      code: machine(triad({ batch: { Parameters: request({ 'url.$': '$.payload.url', 'url_out.$': '$.url_out' }) } })),
      errors: [{ messageId: 'wrongUrl', path: BATCH, message: 'to be "$.url" but got "$.payload.url".' }],
    },
    {
      name: 'url_out given the input url',
      code: machine(triad({ batch: { Parameters: request({ 'url.$': '$.url', 'url_out.$': '$.url' }) } })),
      errors: [{ messageId: 'wrongUrl', path: BATCH, message: '"url_out.$"' }],
    },
    {
      name: 'a static url is not the payload location',
      code: machine(triad({ batch: { Parameters: request({ url: 's3://payloads/input.json', 'url_out.$': '$.url_out' }) } })),
      errors: [{ messageId: 'missingUrl', path: BATCH, message: '"url.$"' }],
    },
    {
      name: 'a url missing inside the batch group',
      code: machine(group(triad({ batch: { Parameters: request({ 'url.$': '$.url' }) } }))),
      errors: [{ messageId: 'missingUrl', path: ['States', 'copy-assets-group', 'Branches', 0, 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'a url missing inside a Map ItemProcessor',
      code: machine(inMap(triad({ batch: { Parameters: request({ 'url.$': '$.url' }) } }))),
      errors: [{ messageId: 'missingUrl', path: ['States', 'Items', 'ItemProcessor', 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'a url missing inside a legacy Map Iterator',
      code: machine(inMap(triad({ batch: { Parameters: request({ 'url.$': '$.url' }) } }), 'Iterator')),
      errors: [{ messageId: 'missingUrl', path: ['States', 'Items', 'Iterator', 'States', 'copy-assets-batch'] }],
    },
    {
      name: 'a url missing, Batch Resource in Fn::Sub',
      code: machine(triad({ batch: { Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:states:::batch:submitJob.sync' }, Parameters: request({ 'url.$': '$.url' }) } })),
      errors: [{ messageId: 'missingUrl', path: BATCH }],
    },
    {
      name: 'a url missing, Batch Resource with a Terraform partition',
      code: machine(triad({ batch: { Resource: 'arn:${partition}:states:::batch:submitJob.sync', Parameters: request({ 'url_out.$': '$.url_out' }) } })),
      errors: [{ messageId: 'missingUrl', path: BATCH, message: '"url.$"' }],
    },
    {
      name: 'a url missing, wholly templated Batch Resource',
      code: machine(triad({ batch: { Resource: '${batch_arn}', Parameters: { JobQueue: '${job_queue}', JobDefinition: '${job_definition}', Parameters: { 'url.$': '$.url' } } } })),
      errors: [{ messageId: 'missingUrl', path: BATCH }],
    },
    {
      name: 'a url missing, custom batchResource matcher',
      code: machine(triad({ batch: { Resource: '${batch_job}', Parameters: request({ 'url.$': '$.url' }) } })),
      settings: { batch: { batchResource: String.raw`^\$\{batch_job\}$` } },
      errors: [{ messageId: 'missingUrl', path: BATCH }],
    },
    {
      name: 'JSONata job Parameters without url_out',
      code: machine(jsonata(request({ url: '{% $states.input.url %}' }))),
      errors: [{ messageId: 'missingUrlJsonata', path: BATCH, message: 'Missing "url_out"' }],
    },
    {
      name: 'JSONata state without job Parameters, in a JSONPath machine',
      code: machine({
        StartAt: 'Charge',
        States: { Charge: { Type: 'Task', QueryLanguage: 'JSONata', Resource: BATCH_SYNC, Arguments: request(), End: true } },
      }),
      errors: [
        { messageId: 'missingUrlJsonata', path: ['States', 'Charge'], message: '"url"' },
        { messageId: 'missingUrlJsonata', path: ['States', 'Charge'], message: '"url_out"' },
      ],
    },
    {
      name: 'YAML with a block of job parameters',
      code: yaml`
        StartAt: copy-assets-batch
        States:
          copy-assets-batch:
            Type: Task
            Resource: !Sub arn:\${AWS::Partition}:states:::batch:submitJob.sync
            Parameters:
              JobName: copy-assets
              JobQueue: !Ref CopyAssetsJobQueue
              JobDefinition: !Ref CopyAssetsJobDefinition
              Parameters:
                url.$: $.url
                url_out.$: $.output_url
            End: true`,
      errors: [{ messageId: 'wrongUrl', line: 3, column: 3, message: 'but got "$.output_url".' }],
    },
    {
      name: 'JSON with the job parameters on one line',
      code: json`
        {
          "StartAt": "Charge",
          "States": {
            "Charge": { "Type": "Task", "Resource": "${BATCH_SYNC}", "Parameters": { "JobQueue": "q", "JobDefinition": "d", "Parameters": {} }, "End": true }
          }
        }`,
      errors: [
        { messageId: 'missingUrl', line: 4, column: 5, message: '"url.$"' },
        { messageId: 'missingUrl', line: 4, column: 5, message: '"url_out.$"' },
      ],
    },
    {
      name: 'CloudFormation DefinitionString in !Sub, reported on the host line',
      code: file(
        'template.yaml',
        [
          "AWSTemplateFormatVersion: '2010-09-09'",
          'Resources:',
          '  CopyAssetsWorkflow:',
          '    Type: AWS::StepFunctions::StateMachine',
          '    Properties:',
          '      DefinitionString: !Sub |',
          '        {',
          '          "StartAt": "copy-assets-batch",',
          '          "States": {',
          '            "copy-assets-batch": {',
          '              "Type": "Task",',
          '              "Resource": "arn:${AWS::Partition}:states:::batch:submitJob.sync",',
          '              "Parameters": {',
          '                "JobQueue": "${JobQueue}",',
          '                "JobDefinition": "${JobDefinition}",',
          '                "Parameters": { "url.$": "$.url" }',
          '              },',
          '              "End": true',
          '            }',
          '          }',
          '        }',
          '',
        ].join('\n'),
      ),
      errors: [{ messageId: 'missingUrl', line: 10, column: 13, message: '"url_out.$"' }],
    },
  ],
});
