/**
 * Finding state machines in every host kind (DESIGN §3): plain ASL, Cirrus `definition.yml`,
 * `serverless.yml`, CloudFormation `Definition` / `DefinitionString`, SAM state machines.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseJson } from '../../src/formats/json/parse';
import { parseYaml } from '../../src/formats/yaml/parse';
import { toValue } from '../../src/model/ast';
import { findMachines } from '../../src/sources/find-machines';
import { parseSource } from '../../src/sources/parse-source';
import { EXAMPLES, lines } from './corpus';

const example = (file: string) => {
  const filePath = path.join(EXAMPLES, file);
  return parseSource(fs.readFileSync(filePath, 'utf8'), filePath);
};

const summary = (source: ReturnType<typeof parseSource>) =>
  source.machines.map((m) => ({
    name: m.name,
    kind: m.host.kind,
    embedded: m.host.embedded,
    syntax: m.host.syntax,
    states: m.root.states.map((s) => s.name),
  }));

describe('plain ASL', () => {
  test('a YAML document with StartAt + States is one unnamed machine', () => {
    const text = lines('Comment: x', 'StartAt: A', 'States:', '  A:', '    Type: Succeed');
    const source = parseSource(text, 'machine.asl.yaml');
    expect(source.errors).toEqual([]);
    expect(summary(source)).toEqual([{ name: undefined, kind: 'asl', embedded: false, syntax: 'yaml', states: ['A'] }]);
    expect(source.template).toBeUndefined();
    expect(source.partial).toBeUndefined();
  });

  test('the JSON examples and the .asl / .json.tmpl sniffing', () => {
    expect(summary(example('asl-json/compliant.asl.json'))).toEqual([
      { name: undefined, kind: 'asl', embedded: false, syntax: 'json', states: ['copy-assets-group', 'publish', 'success', 'failure'] },
    ]);
    const json = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}';
    for (const file of ['x.asl', 'x.json.tmpl', 'x.definition']) {
      expect(summary(parseSource(json, file))).toEqual([{ name: undefined, kind: 'asl', embedded: false, syntax: 'json', states: ['A'] }]);
    }
    expect(parseSource('StartAt: A\nStates: {A: {Type: Succeed}}\n', 'x.asl').syntax).toBe('yaml');
  });

  test('a .json file is strict JSON, even when its content is YAML', () => {
    const source = parseSource('StartAt: A\nStates: {}\n', 'machine.json');
    expect(source.syntax).toBe('json');
    expect(source.machines).toEqual([]);
    expect(source.errors).toHaveLength(1);
    expect(source.errors[0].offset).toBe(0);
  });
});

describe('Cirrus definition.yml', () => {
  test('name + definition: one machine named by `name`', () => {
    const source = example('cirrus/mirror/definition.yml');
    expect(summary(source)).toEqual([
      {
        name: '${self:service}-${self:provider.stage}-mirror',
        kind: 'cirrus',
        embedded: false,
        syntax: 'yaml',
        states: ['copy-assets-pre-batch', 'copy-assets-batch', 'copy-assets-post-batch', 'publish', 'success', 'failure'],
      },
    ]);
  });

  test('a definition without a name is unnamed', () => {
    const source = parseSource(lines('definition:', '  StartAt: A', '  States:', '    A: {Type: Succeed}'), 'definition.yml');
    expect(summary(source)).toEqual([{ name: undefined, kind: 'cirrus', embedded: false, syntax: 'yaml', states: ['A'] }]);
  });
});

describe('serverless.yml', () => {
  test('stepFunctions.stateMachines with two machines, named by their key (DESIGN: "the serverless key")', () => {
    const source = example('serverless/serverless.yml');
    expect(summary(source)).toEqual([
      { name: 'mirror', kind: 'serverless', embedded: false, syntax: 'yaml', states: ['copy-assets-group', 'publish', 'failure'] },
      { name: 'cog-archive', kind: 'serverless', embedded: false, syntax: 'yaml', states: ['convert-to-cog-group', 'publish', 'failure'] },
    ]);
  });

  test('machines are named by their key whether or not they have `name`; entries without a definition are skipped', () => {
    const text = lines(
      'service: s',
      'stepFunctions:',
      '  stateMachines:',
      '    first:',
      '      definition:',
      '        StartAt: A',
      '        States: {A: {Type: Succeed}}',
      '    second:',
      '      definition:',
      '        StartAt: B',
      '        States: {B: {Type: Fail}}',
      '    external:',
      '      definitionUri: x.json',
      'resources:',
      '  Resources:',
      '    Queue:',
      '      Type: AWS::Batch::JobQueue',
    );
    const source = parseSource(text, 'serverless.yml');
    expect(summary(source)).toEqual([
      { name: 'first', kind: 'serverless', embedded: false, syntax: 'yaml', states: ['A'] },
      { name: 'second', kind: 'serverless', embedded: false, syntax: 'yaml', states: ['B'] },
    ]);
    // serverless `resources.Resources` is a CloudFormation template too.
    expect([...source.template!.resources.keys()]).toEqual(['Queue']);
    expect(source.template!.resources.get('Queue')!.type).toBe('AWS::Batch::JobQueue');
  });
});

describe('CloudFormation', () => {
  test('Definition (an object) on AWS::StepFunctions::StateMachine', () => {
    const text = lines(
      'Resources:',
      '  Fn:',
      '    Type: AWS::Lambda::Function',
      '  Machine:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      Definition:',
      '        StartAt: A',
      '        States:',
      '          A:',
      '            Type: Task',
      '            Resource: !GetAtt Fn.Arn',
      '            End: true',
    );
    const source = parseSource(text, 'template.yaml');
    expect(summary(source)).toEqual([{ name: 'Machine', kind: 'cloudformation', embedded: false, syntax: 'yaml', states: ['A'] }]);
    expect(toValue(source.machines[0].root.get('A')!.field('Resource')!)).toEqual({ 'Fn::GetAtt': 'Fn.Arn' });
    expect(source.lines.locate(source.machines[0].root.get('A')!.key.range[0])).toEqual({ line: 10, column: 11 });
  });

  test('several machines in one template, Definition and DefinitionString, JSON and YAML', () => {
    const text = JSON.stringify(
      {
        Resources: {
          One: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: { StartAt: 'A', States: { A: { Type: 'Succeed' } } } } },
          Two: {
            Type: 'AWS::StepFunctions::StateMachine',
            Properties: { DefinitionString: JSON.stringify({ StartAt: 'B', States: { B: { Type: 'Succeed' } } }) },
          },
          NotAMachine: { Type: 'AWS::Lambda::Function', Properties: { Definition: { StartAt: 'C', States: { C: { Type: 'Succeed' } } } } },
        },
      },
      null,
      2,
    );
    const source = parseSource(text, 'template.json');
    expect(summary(source)).toEqual([
      { name: 'One', kind: 'cloudformation', embedded: false, syntax: 'json', states: ['A'] },
      { name: 'Two', kind: 'cloudformation', embedded: true, syntax: 'json', states: ['B'] },
    ]);
    expect([...source.template!.resources.values()].map((r) => [r.logicalId, r.type])).toEqual([
      ['One', 'AWS::StepFunctions::StateMachine'],
      ['Two', 'AWS::StepFunctions::StateMachine'],
      ['NotAMachine', 'AWS::Lambda::Function'],
    ]);
  });

  test('a JSON string under "Definition" is read as DefinitionString is; one that is not JSON is left alone', () => {
    const template = (definition: string) =>
      JSON.stringify({ Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: definition } } } }, null, 2);
    const text = template(JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Succeed' } } }));
    const source = parseSource(text, 'template.json');
    expect(summary(source)).toEqual([{ name: 'M', kind: 'cloudformation', embedded: true, syntax: 'json', states: ['A'] }]);
    // The state's key maps back to its escaped text inside the template's string.
    const key = source.machines[0].root.get('A')!.key;
    expect(text.slice(key.range[0], key.range[1])).toBe('\\"A\\"');
    expect(source.lines.locate(key.range[0]).line).toBe(6);
    const notJson = parseSource(template('{ "StartAt": "A", "States": { "A": { "End": True, } } }'), 'template.json');
    expect([notJson.machines, notJson.errors, notJson.partial]).toEqual([[], [], undefined]);
  });

  test('a machine resource whose definition lacks "StartAt" or "States" is noted, so a named file reports it', () => {
    const text = lines('Resources:', '  M:', '    Type: AWS::StepFunctions::StateMachine', '    Properties:', '      Definition:', '        States: {}');
    const source = parseSource(text, 'template.yaml');
    expect(source.machines).toEqual([]);
    expect(source.partial?.missing).toBe('StartAt');
    expect(source.lines.locate(source.partial!.node.range[0])).toEqual({ line: 6, column: 9 });
  });

  test('the JSON and YAML CloudFormation examples', () => {
    expect(summary(example('cloudformation/template.json'))).toEqual([
      { name: 'StateMachine', kind: 'cloudformation', embedded: true, syntax: 'json', states: ['add-preview-group', 'done', 'failure'] },
    ]);
    expect(summary(example('cloudformation/template.yaml'))).toEqual([
      { name: 'StateMachine', kind: 'cloudformation', embedded: true, syntax: 'json', states: ['copy-assets-pre-batch', 'copy-assets-batch', 'copy-assets-post-batch'] },
    ]);
  });

  test('Fn::Sub variables become the machine\'s substitutions', () => {
    const text = lines(
      'Resources:',
      '  Machine:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      DefinitionString: !Sub',
      '        - \'{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "${fn}", "End": true}}}\'',
      '        - fn: !GetAtt Fn.Arn',
      '          queue: q',
    );
    const source = parseSource(text, 'template.yaml');
    expect(source.errors).toEqual([]);
    const substitutions = source.machines[0].host.substitutions!;
    expect([...substitutions.keys()]).toEqual(['fn', 'queue']);
    expect(toValue(substitutions.get('fn')!)).toEqual({ 'Fn::GetAtt': 'Fn.Arn' });
    expect(toValue(substitutions.get('queue')!)).toBe('q');
  });

  test('template resources are collected with their logical id, type and node', () => {
    const source = example('cloudformation/template.yaml');
    const resources = source.template!.resources;
    expect([...resources.keys()]).toEqual(['PreBatchFunction', 'PostBatchFunction', 'JobDefinition', 'StateMachine', 'StateMachineRole', 'FunctionRole']);
    const job = resources.get('JobDefinition')!;
    expect(job.type).toBe('AWS::Batch::JobDefinition');
    expect(toValue(job.node)).toMatchObject({ Properties: { RetryStrategy: { Attempts: 3 } } });
    expect(source.text.slice(job.node.range[0], job.node.range[0] + 'Type: AWS::Batch::JobDefinition'.length)).toBe('Type: AWS::Batch::JobDefinition');
  });
});

describe('SAM', () => {
  test('AWS::Serverless::StateMachine with Definition', () => {
    const source = example('cloudformation/sam-template.yaml');
    expect(summary(source)).toEqual([
      { name: 'ConvertToCogStateMachine', kind: 'cloudformation', embedded: false, syntax: 'yaml', states: ['convert-to-cog-group', 'done', 'failure'] },
    ]);
    expect([...source.template!.resources].map(([id, r]) => [id, r.type])).toEqual([
      ['PreBatchFunction', 'AWS::Serverless::Function'],
      ['PostBatchFunction', 'AWS::Serverless::Function'],
      ['ConvertToCogStateMachine', 'AWS::Serverless::StateMachine'],
    ]);
  });

  test('DefinitionSubstitutions become the machine\'s substitutions', () => {
    const text = lines(
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Machine:',
      '    Type: AWS::Serverless::StateMachine',
      '    Properties:',
      '      DefinitionSubstitutions:',
      '        jobQueueArn: !Ref Queue',
      '      Definition:',
      '        StartAt: A',
      '        States:',
      '          A: {Type: Task, Resource: arn:aws:states:::batch:submitJob.sync, Parameters: {JobQueue: "${jobQueueArn}"}, End: true}',
    );
    const source = parseSource(text, 'template.yaml');
    expect(summary(source)).toEqual([{ name: 'Machine', kind: 'cloudformation', embedded: false, syntax: 'yaml', states: ['A'] }]);
    expect(toValue(source.machines[0].host.substitutions!.get('jobQueueArn')!)).toEqual({ Ref: 'Queue' });
  });
});

describe('partial documents', () => {
  test('a document with only StartAt is partial, missing States', () => {
    const parsed = parseYaml(lines('Comment: x', 'StartAt: A'));
    const found = findMachines(parsed.roots, '', 'yaml');
    expect(found.machines).toEqual([]);
    expect(found.partial?.missing).toBe('States');
    expect(found.partial?.node).toBe(parsed.roots[0]);
  });

  test('a document with only States is partial, missing StartAt', () => {
    const parsed = parseJson('{"States": {"A": {"Type": "Succeed"}}}');
    const found = findMachines(parsed.roots, '', 'json');
    expect(found.machines).toEqual([]);
    expect(found.partial).toEqual({ missing: 'StartAt', node: parsed.roots[0] });
  });

  test('parseSource reports it too; a complete or unrelated document is not partial', () => {
    expect(parseSource('StartAt: A\n', 'x.asl.yaml').partial?.missing).toBe('States');
    expect(parseSource('StartAt: A\nStates: {A: {Type: Succeed}}\n', 'x.asl.yaml').partial).toBeUndefined();
    expect(parseSource('service: x\n', 'serverless.yml').partial).toBeUndefined();
  });

  test('a nested definition missing States is not a machine', () => {
    const source = parseSource(lines('name: x', 'definition:', '  StartAt: A'), 'definition.yml');
    expect(source.machines).toEqual([]);
  });
});

describe('several documents', () => {
  test('machines are found in every YAML document, in order', () => {
    const text = lines('StartAt: A', 'States: {A: {Type: Succeed}}', '---', 'name: second', 'definition:', '  StartAt: B', '  States: {B: {Type: Succeed}}');
    const source = parseSource(text, 'multi.yaml');
    expect(summary(source)).toEqual([
      { name: undefined, kind: 'asl', embedded: false, syntax: 'yaml', states: ['A'] },
      { name: 'second', kind: 'cirrus', embedded: false, syntax: 'yaml', states: ['B'] },
    ]);
    expect(source.lines.locate(source.machines[1].root.get('B')!.key.range[0])).toEqual({ line: 7, column: 12 });
  });
});
