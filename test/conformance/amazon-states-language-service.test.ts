/**
 * Conformance with the AWS Toolkit's language service corpus
 * (../shared/corpus/peers/amazon-states-language-service): 80 JSON and 45 YAML documents, each
 * with the full diagnostic list ASLS must produce. Every ASLS message is mapped to the wf-lint
 * area that must report the same problem; YAML documents go through wf-lint's YAML parser.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadCorpus, PEERS_DIR } from '../../tools/conformance-corpora';
import { errorsOf, lintCase } from '../../tools/conformance-wf-lint';
import type { Area } from './areas';
import { RESOURCE_NOT_AN_ARN } from './aws-reasons';
import { runCorpus, type KnownDifference } from './run-corpus';

const MESSAGE_AREAS: readonly (readonly [RegExp, Area])[] = [
  [/^The value of "(Next|Default|StartAt)" property must be the name of an existing state\.$/, 'transition'],
  [/^The state cannot be reached\./, 'reachability'],
  [/^No terminal state\./, 'terminal'],
  [/^Field is not supported\.$/, 'fields'],
  [/^Missing property "/, 'fields'],
  [/^Incorrect type\. Expected (one of|"object")/, 'fields'],
  [/^Each Choice Rule can only have one comparison operator\.$/, 'choice'],
  [/^The value for the field must be a valid JSONPath/, 'paths'],
  [/^You cannot set both (Error and ErrorPath|Cause and CausePath)/, 'fail'],
  [/^Value is not accepted\. Valid values: "JSONata"/, 'query-language'],
  // Only documentTaskRetryInvalid holds these: IntervalSeconds, MaxAttempts, BackoffRate, MaxDelaySeconds, JitterStrategy.
  [/^Value is (below|above) the (minimum|maximum)|^Incorrect type\. Expected "integer"\.$|^Value is not accepted\. Valid values: "FULL"/, 'retry-catch'],
  [/^duplicate key$/, 'parse'],
];

function areaOf(message: string): Area {
  const found = MESSAGE_AREAS.find(([pattern]) => pattern.test(message));
  if (!found) throw new Error(`No area for ASLS message ${JSON.stringify(message)}.`);
  return found[1];
}

/** "Field is not supported." is ASLS's word for any unknown key; where the key sits decides the area. */
const AREAS: Readonly<Record<string, readonly Area[]>> = {
  'json/documentInvalidPropertiesCatch.asl.json': ['retry-catch'], // unknown keys in catchers
  'yaml/documentInvalidPropertiesCatch.asl.yaml': ['retry-catch'],
  'json/documentInvalidPropertiesChoices.asl.json': ['choice'], // unknown keys and two operators in Choice rules
  'yaml/documentInvalidPropertiesChoices.asl.yaml': ['choice'],
  // ASLS also pins "No terminal state" inside a Map processor or Parallel branch. AWS accepts a nested
  // scope without a terminal state: MISSING_END_STATE is top-level only (floci-io/floci PR #2786, measured
  // with `aws stepfunctions validate-state-machine-definition`: a processor looping A -> B -> A is OK).
  // So the nested part is left to the warning asl/no-infinite-loop, and the area is the file's other defect.
  'json/documentDistributedMapInvalidNextInNestedState.asl.json': ['transition'],
  'json/documentNestedNoTerminalState.asl.json': ['names'], // "Second" in both branches and the Iterator
  'yaml/documentNestedNoTerminalState.asl.yaml': ['names'],
};

const DUPLICATE_NAMES: KnownDifference = {
  wfLint: 'rejects',
  rules: ['asl/unique-state-names'],
  reason:
    'State "Second" is defined in both Parallel branches and in the Map Iterator. The ASL spec says state names "MUST be unique within ' +
    'the scope of the whole state machine", and AWS rejects such a definition with "DUPLICATE_STATE_NAME: Duplicate State name" ' +
    '(the CloudFormation deploy error quoted in aws-cloudformation/cfn-lint#3616). ASLS checks names per States block only.',
};

const UNSEPARATED_ARGUMENTS: KnownDifference = {
  wfLint: 'rejects',
  rules: ['asl/valid-paths'],
  reason:
    'The YAML version of this document lost the commas of "States.Format($.template, $.firstName, $.lastName)" (its JSON twin has ' +
    'them). Intrinsic function arguments are comma-separated (AWS Step Functions guide, "Intrinsic functions"), so AWS rejects ' +
    '"States.Format($.template $.firstName $.lastName)"; ASLS accepts any string starting with "States." here.',
};

const KNOWN_DIFFERENCES: Readonly<Record<string, KnownDifference>> = {
  'json/documentSucceedFailTerminalState.asl.json': DUPLICATE_NAMES,
  'yaml/documentSucceedFailTerminalState.asl.yaml': DUPLICATE_NAMES,
  'yaml/documentValidParametersIntrinsicFunction.asl.yaml': UNSEPARATED_ARGUMENTS,
  'yaml/documentValidResultSelectorIntrinsicFunction.asl.yaml': UNSEPARATED_ARGUMENTS,
  'json/documentTaskInvalidArn.asl.json': RESOURCE_NOT_AN_ARN, // "Resource": "InvalidArn"
  'yaml/documentTaskInvalidArn.asl.yaml': RESOURCE_NOT_AN_ARN,
};

runCorpus({
  corpus: 'amazon-states-language-service',
  knownDifferences: KNOWN_DIFFERENCES,
  areasOf: (c) => AREAS[c.id] ?? c.pinned.map(areaOf),
});

/**
 * ASLS pins each diagnostic's line; wf-lint must report an error on the same line, except where the
 * two point at different ends of one defect (listed with the line wf-lint uses) or AWS accepts the
 * pinned construct.
 */
const OTHER_LINE: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  'json/documentNestedNoTerminalState.asl.json': { 23: 'nested no-terminal: AWS accepts it', 41: 'nested no-terminal: AWS accepts it' },
  'yaml/documentNestedNoTerminalState.asl.yaml': { 17: 'nested no-terminal: AWS accepts it', 29: 'nested no-terminal: AWS accepts it' },
  'json/documentDistributedMapInvalidNextInNestedState.asl.json': { 13: 'nested no-terminal: AWS accepts it' },
  'json/documentInvalidPropertiesChoices.asl.json': { 16: 'ASLS marks the first of two operators, wf-lint the second (line 17)' },
  'yaml/documentInvalidPropertiesChoices.asl.yaml': { 14: 'ASLS marks the first of two operators, wf-lint the second (line 15)' },
  'yaml/documentDuplicateKey.asl.yaml': { 2: 'ASLS marks the first "StartAt", wf-lint the repeated one (line 4)', 10: 'ASLS marks the first "World", wf-lint the repeated one (line 13)' },
};

describe('each ASLS diagnostic of an invalid document has a wf-lint error on its line', () => {
  const diagnostics = new Map(
    (JSON.parse(fs.readFileSync(path.join(PEERS_DIR, 'amazon-states-language-service', 'expectations.json'), 'utf8')) as {
      cases: { file: string; diagnostics: { message: string; start: [number, number] }[] }[];
    }).cases.map((c) => [c.file, c.diagnostics]),
  );
  const invalid = loadCorpus('amazon-states-language-service').filter((c) => c.label === 'invalid');
  test.each(invalid.map((c) => [c.id, c] as const))('%s', async (id, c) => {
    const lines = new Set(errorsOf(await lintCase(c)).map((m) => m.line));
    const pinned = (diagnostics.get(id) ?? []).map((d) => d.start[0] + 1);
    const unmatched = [...new Set(pinned.filter((line) => !lines.has(line)))];
    expect(unmatched).toEqual(Object.keys(OTHER_LINE[id] ?? {}).map(Number).filter((line) => pinned.includes(line)));
  });
});
