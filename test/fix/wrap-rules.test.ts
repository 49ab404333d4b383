/**
 * What the wrap fix and the pre/post-batch inserts decide: when they give up (the report stays,
 * without a fix), the names they pick, and the Lambda `Resource` they write.
 */
import { rules } from '../../rules';
import { validateConfig } from '../../src/config/validate';
import { Linter } from '../../src/engine/linter';
import { fixWith, lines, lintWith } from './fix-harness';
import { ALL_RULES, fixFully } from './wrap-check';

const SYNC = 'arn:aws:states:::batch:submitJob.sync';
const JOB = `{ Type: Task, Resource: "${SYNC}", Parameters: { JobName: j, JobQueue: q, JobDefinition: d, Parameters: { url.$: $.url, url_out.$: $.url_out } }`;
const job = (exit: string) => `${JOB}, ${exit} }`;

/** The structural rules' fixes for the Batch task `name`. */
function structuralFixes(text: string, filename: string, name: string) {
  const ids = ['batch/require-pre-batch', 'batch/require-post-batch', 'batch/require-parallel-group'];
  return lintWith(ids, text, filename).filter((m) => m.message.includes(`"${name}"`));
}

describe('gives up, leaving the report without a fix', () => {
  const cases: [string, string, string][] = [
    [
      'the Batch task and its pre-batch are both entered from elsewhere',
      'a.asl.yaml',
      lines('StartAt: pick', 'States:', '  pick:', '    Type: Choice', '    Choices: [{ Variable: $.fast, BooleanEquals: true, Next: job-batch }]', '    Default: job-pre-batch',
        '  job-pre-batch: { Type: Task, Resource: "${PreBatchFunctionArn}", Next: job-batch }', `  job-batch: ${job('Next: job-post-batch')}`,
        '  job-post-batch: { Type: Task, Resource: "${PostBatchFunctionArn}", End: true }'),
    ],
    [
      'post-batch is shared with another Batch task',
      'a.asl.yaml',
      lines('StartAt: pick', 'States:', '  pick:', '    Type: Choice', '    Choices: [{ Variable: $.a, BooleanEquals: true, Next: a-batch }]', '    Default: b-batch',
        `  a-batch: ${job('Next: shared-post-batch')}`, `  b-batch: ${job('Next: shared-post-batch')}`, '  shared-post-batch: { Type: Task, Resource: "${PostBatchFunctionArn}", End: true }'),
    ],
    [
      'post-batch loops back into the triad',
      'a.asl.yaml',
      lines('StartAt: job-pre-batch', 'States:', '  job-pre-batch: { Type: Task, Resource: "${PreBatchFunctionArn}", Next: job-batch }', `  job-batch: ${job('Next: job-post-batch')}`,
        '  job-post-batch: { Type: Task, Resource: "${PostBatchFunctionArn}", Next: job-pre-batch }'),
    ],
    [
      'catchers of two members would take States.ALL to different places',
      'a.asl.yaml',
      lines('StartAt: job-pre-batch', 'States:',
        '  job-pre-batch: { Type: Task, Resource: "${PreBatchFunctionArn}", Next: job-batch, Catch: [{ ErrorEquals: [States.ALL], Next: upload-failed }] }',
        `  job-batch: ${job('Next: job-post-batch')}`,
        '  job-post-batch: { Type: Task, Resource: "${PostBatchFunctionArn}", End: true, Catch: [{ ErrorEquals: [States.ALL], Next: job-failed }] }',
        '  upload-failed: { Type: Fail }', '  job-failed: { Type: Fail }'),
    ],
    [
      'the Batch task sits beside another state in a single-branch Parallel (meant as its group)',
      'a.asl.yaml',
      lines('StartAt: g', 'States:', '  g:', '    Type: Parallel', '    Branches:', '      - StartAt: wait', '        States:', '          wait: { Type: Wait, Seconds: 1, Next: job-batch }',
        `          job-batch: ${job('End: true')}`, '    End: true'),
    ],
    ['the States map is a flow map', 'a.asl.yaml', lines('StartAt: job-batch', `States: { job-batch: ${job('End: true')} }`)],
    ['a moved state holds a YAML anchor', 'a.asl.yaml', lines('StartAt: job-batch', 'States:', '  job-batch:', '    Type: Task', `    Resource: ${SYNC}`, '    Parameters: &job { JobName: j, JobQueue: q, JobDefinition: d }', '    End: true')],
    ['the machine uses JSONata', 'a.asl.yaml', lines('QueryLanguage: JSONata', 'StartAt: job-batch', 'States:', '  job-batch:', '    Type: Task', `    Resource: ${SYNC}`, '    End: true')],
    [
      'the definition is an escaped JSON string',
      'template.json',
      `${JSON.stringify({ Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: JSON.stringify({ StartAt: 'job-batch', States: { 'job-batch': { Type: 'Task', Resource: SYNC, End: true } } }) } } } }, null, 2)}\n`,
    ],
    [
      'the definition is built with Fn::Join',
      'template.json',
      `${JSON.stringify({ Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: { 'Fn::Join': ['', [JSON.stringify({ StartAt: 'job-batch', States: { 'job-batch': { Type: 'Task', Resource: SYNC, End: true } } })]] } } } } }, null, 2)}\n`,
    ],
  ];
  test.each(cases)('%s', (_, filename, text) => {
    const name = /a-batch|job-batch/.exec(text)![0];
    const messages = structuralFixes(text, filename, name).filter((m) => m.ruleId === 'batch/require-parallel-group');
    expect(messages).toHaveLength(1);
    expect(messages[0].fix).toBeUndefined();
    // The rest of the fix loop still runs and settles.
    const run = fixWith(ALL_RULES, text, filename);
    expect(run.warnings).toEqual([]);
    expect(fixWith(ALL_RULES, run.output, filename).output).toBe(run.output);
  });

  test('require-pre-batch inside a group whose pre-batch is bypassed by StartAt', () => {
    const text = lines('StartAt: g', 'States:', '  g:', '    Type: Parallel', '    Branches:', '      - StartAt: job-batch', '        States:',
      '          job-pre-batch: { Type: Task, Resource: "${PreBatchFunctionArn}", Next: job-batch }', `          job-batch: ${job('End: true')}`, '    End: true');
    const [message] = lintWith(['batch/require-pre-batch'], text, 'a.asl.yaml');
    expect(message.fix).toBeUndefined();
  });
});

describe('names', () => {
  test('the base is suffixed until every new name is free across the machine', () => {
    const text = lines('StartAt: copy-batch', 'States:', `  copy-batch: ${job('Next: copy-group')}`, '  copy-group: { Type: Pass, Next: copy-2-post-batch }', '  copy-2-post-batch: { Type: Succeed }');
    const out = fixFully(text, 'a.asl.yaml').output;
    expect(out).toContain('StartAt: copy-3-group\n');
    expect(out).toMatch(/- StartAt: copy-3-pre-batch\n/);
    expect(out).toContain('Next: copy-3-post-batch');
  });

  test('two Batch tasks with the same base, wrapped in the same pass, get different names', () => {
    const text = lines('StartAt: copy', 'States:', `  copy: ${job('Next: mid')}`, '  mid: { Type: Pass, Next: copy-batch }', `  copy-batch: ${job('End: true')}`);
    const fixes = lintWith(['batch/require-parallel-group'], text, 'a.asl.yaml').map((m) => m.fix!);
    // The two wraps do not overlap: the fix loop applies both in its first pass.
    expect(fixes[0].range[1]).toBeLessThan(fixes[1].range[0]);
    const out = fixFully(text, 'a.asl.yaml').output;
    expect(out.match(/^ {2}[\w-]+:/gm)).toEqual(['  copy-group:', '  mid:', '  copy-2-group:']);
    expect(out.match(/^ {10}[\w-]+:/gm)).toEqual(['          copy-pre-batch:', '          copy:', '          copy-post-batch:', '          copy-2-pre-batch:', '          copy-batch:', '          copy-2-post-batch:']);
  });
});

describe('the Lambda Resource of an inserted pre/post-batch state', () => {
  const naked = (...head: string[]) => lines(...head, 'StartAt: job-batch', 'States:', `  job-batch: ${job('Next: done')}`, '  done: { Type: Task, Resource: "${tasks.publish.lambda.function_arn}", End: true }');

  test('${tasks...} references next to other ${tasks...} references', () => {
    const out = fixFully(naked(), 'a.asl.yaml').output;
    expect(out).toContain('Resource: ${tasks.pre-batch.lambda.function_arn}\n');
    expect(out).toContain('Resource: ${tasks.post-batch.lambda.function_arn}\n');
  });

  test('the lambda:invoke form of the other Lambda, with its unwrapping', () => {
    const text = lines('StartAt: job-pre-batch', 'States:', '  job-pre-batch:', '    Type: Task', '    Resource: arn:aws:states:::lambda:invoke',
      '    Parameters: { FunctionName: "${PreBatchFunctionArn}", Payload.$: $ }', '    OutputPath: $.Payload', '    Next: job-batch', `  job-batch: ${job('End: true')}`);
    const out = fixFully(text, 'a.asl.yaml').output;
    expect(out).toContain(
      lines('            Resource: arn:aws:states:::lambda:invoke', '            Parameters:', '              FunctionName: ${PostBatchFunctionArn}', '              Payload.$: $', '            OutputPath: $.Payload', '            End: true'),
    );
  });

  test('Fn::GetAtt in a CloudFormation JSON Definition', () => {
    const definition = { StartAt: 'job-batch', States: { 'job-batch': { Type: 'Task', Resource: SYNC, Parameters: { JobName: 'j', JobQueue: 'q', JobDefinition: 'd', Parameters: { 'url.$': '$.url', 'url_out.$': '$.url_out' } }, End: true } } };
    const text = `${JSON.stringify({ Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: definition } } } }, null, 2)}\n`;
    const out = fixFully(text, 'template.json').output;
    expect(out).toContain('"Resource": {"Fn::GetAtt": ["pre-batch", "Arn"]},');
    expect(out).toContain('"Resource": {"Fn::GetAtt": ["post-batch", "Arn"]},');
  });

  test('settings.batch.fix when the file shows no form', () => {
    const text = lines('StartAt: job-batch', 'States:', `  job-batch: ${job('End: true')}`);
    const settings = { batch: { fix: { preBatchResource: { 'Fn::GetAtt': ['PreBatchFunction', 'Arn'] }, postBatchResource: 'arn:aws:lambda:us-east-1:1:function:post-batch' } } };
    const config = { rules: new Map(ALL_RULES.map((id) => [id, { severity: 2 as const, options: [] as unknown[] }])), settings };
    const out = new Linter(rules).lintAndFixText(text, '/cases/a.asl.yaml', config, { explicit: true })!.output!;
    expect(out).toContain(lines('            Resource:', '              Fn::GetAtt: [PreBatchFunction, Arn]'));
    expect(out).toContain('            Resource: arn:aws:lambda:us-east-1:1:function:post-batch\n');
  });

  test('settings.batch.fix.names: name templates and the suffix stripped from the Batch task', () => {
    const text = lines('StartAt: copy-job', 'States:', `  copy-job: ${job('End: true')}`, '  CopyGroup: { Type: Pass, End: true }');
    const names = { group: '{base}Group', preBatch: 'Before{base}', postBatch: 'After{base}', stripSuffix: '-job' };
    const config = { rules: new Map(ALL_RULES.map((id) => [id, { severity: 2 as const, options: [] as unknown[] }])), settings: { batch: { fix: { names } } } };
    const out = new Linter(rules).lintAndFixText(text, '/cases/a.asl.yaml', config, { explicit: true })!.output!;
    // State names are case-sensitive: "copyGroup" is free although "CopyGroup" exists.
    expect(out).toContain(lines('StartAt: copyGroup', 'States:', '  copyGroup:', '    Type: Parallel', '    Branches:', '      - StartAt: Beforecopy', '        States:', '          Beforecopy:'));
    expect(out).toContain('Next: Aftercopy, Catch: [{ErrorEquals: [States.ALL], ResultPath: $.error, Next: Aftercopy}] }\n          Aftercopy:\n');
    expect(out).toContain('  CopyGroup: { Type: Pass, End: true }\n');
  });

  test('settings.batch.fix.names: a template whose name is taken moves to the next free base', () => {
    const text = lines('StartAt: copy-batch', 'States:', `  copy-batch: ${job('Next: copy-group')}`, '  copy-group: { Type: Pass, End: true }');
    const out = fixFully(text, 'a.asl.yaml').output;
    expect(out).toContain(lines('StartAt: copy-2-group', 'States:', '  copy-2-group:'));
    expect(out).toContain('          copy-2-pre-batch:\n');
  });
});

test('require-post-batch inside a group: post-batch takes over the Batch task\'s Next', () => {
  const text = lines('StartAt: g', 'States:', '  g:', '    Type: Parallel', '    Branches:', '      - StartAt: job-pre-batch', '        States:',
    '          job-pre-batch: { Type: Task, Resource: !GetAtt pre-batch.Arn, Next: job-batch }', `          job-batch: ${job('Next: notify')}`,
    '          notify: { Type: Pass, End: true }', '    End: true');
  const [message] = lintWith(['batch/require-post-batch'], text, 'a.asl.yaml');
  const out = text.slice(0, message.fix!.range[0]) + message.fix!.text + text.slice(message.fix!.range[1]);
  expect(out).toBe(
    text.replace(`${job('Next: notify')}\n`, `${job('Next: job-post-batch')}\n${lines(
      '          job-post-batch:',
      '            Type: Task',
      '            Resource: !GetAtt post-batch.Arn',
      '            Next: notify',
      '            Retry:',
      '              - ErrorEquals: [Lambda.TooManyRequestsException, Lambda.Unknown]',
      '                IntervalSeconds: 1',
      '                BackoffRate: 2',
      '                MaxAttempts: 5',
    )}`),
  );
});

test('settings.batch.fix is validated with the rest of the configuration', () => {
  const fix = (value: unknown) => () => validateConfig({ settings: { batch: { fix: value } } }, '.wflintrc.json', rules);
  expect(fix({ preBatchResource: '${PreBatch}', postBatchResource: { 'Fn::GetAtt': ['PostBatch', 'Arn'] } })).not.toThrow();
  expect(fix({ preBatchResources: 'x' })).toThrow('"settings.batch.fix.preBatchResources": Unknown setting. Expected "preBatchResource", "postBatchResource" or "names".');
  expect(fix({ names: { group: 'Group' } })).toThrow('"settings.batch.fix.names.group": Expected a name template containing "{base}" but got "Group".');
  expect(fix({ names: { suffix: '-job' } })).toThrow('"settings.batch.fix.names.suffix": Unknown setting. Expected "group", "preBatch", "postBatch" or "stripSuffix".');
  expect(fix({ preBatchResource: 3 })).toThrow('"settings.batch.fix.preBatchResource": Expected a string or an object.');
  expect(fix('x')).toThrow('"settings.batch.fix": Expected an object.');
});

describe('no new pre-batch in front of a task that reads other input (its input becomes {url, url_out})', () => {
  const naked = (parameters: string) =>
    lines('StartAt: job-batch', 'States:', `  job-batch: { Type: Task, Resource: "${SYNC}", Parameters: ${parameters}, End: true }`);
  const wrapFix = (text: string) => lintWith(['batch/require-parallel-group'], text, 'a.asl.yaml').map((m) => m.fix !== undefined);

  test.each([
    ['a JSONPath parameter', '{ JobName.$: $.name, JobQueue: q, JobDefinition: d }'],
    ['an intrinsic reading the input', "{ JobName.$: \"States.Format('job-{}', $.id)\", JobQueue: q, JobDefinition: d }"],
    ['a whole Parameters object from the input', '{ JobName: j, JobQueue: q, JobDefinition: d, Parameters.$: $.params }'],
  ])('%s: reported without a fix', (_name, parameters) => {
    expect(wrapFix(naked(parameters))).toEqual([false]);
  });

  test.each([
    ['static parameters', '{ JobName: j, JobQueue: q, JobDefinition: d }'],
    ['the context object', '{ JobName.$: $$.Execution.Name, JobQueue: q, JobDefinition: d }'],
    ['the payload urls', '{ JobName: j, JobQueue: q, JobDefinition: d, Parameters: { url.$: $.url, url_out.$: $.url_out } }'],
  ])('%s: wrapped', (_name, parameters) => {
    expect(wrapFix(naked(parameters))).toEqual([true]);
  });

  test('an existing pre-batch already hands {url, url_out} over: the triad is wrapped whatever the task reads', () => {
    const text = lines(
      'StartAt: job-pre-batch',
      'States:',
      '  job-pre-batch: { Type: Task, Resource: !GetAtt pre-batch.Arn, Next: job-batch }',
      `  job-batch: { Type: Task, Resource: "${SYNC}", Parameters: { JobName.$: $.name, JobQueue: q, JobDefinition: d }, End: true }`,
    );
    expect(wrapFix(text)).toEqual([true]);
  });
});

test('a Batch task in one branch of a multi-branch Parallel gets a group of its own inside the branch', () => {
  const text = lines('StartAt: both', 'States:', '  both:', '    Type: Parallel', '    Branches:', '      - StartAt: job-batch', '        States:', `          job-batch: ${job('End: true')}`,
    '      - StartAt: wait', '        States:', '          wait: { Type: Wait, Seconds: 1, End: true }', '    End: true');
  const out = fixFully(text, 'a.asl.yaml').output;
  expect(out).toContain(lines('      - StartAt: job-group', '        States:', '          job-group:', '            Type: Parallel', '            Branches:', '              - StartAt: job-pre-batch'));
  expect(out).toContain(lines('            OutputPath: $[0]', '            End: true'));
  // The other branch is untouched.
  expect(out).toContain(lines('      - StartAt: wait', '        States:', '          wait: { Type: Wait, Seconds: 1, End: true }', '    End: true'));
});
