/**
 * Conformance with asl-validator's corpus (../shared/corpus/peers/asl-validator): its suite labels
 * each definition by file name (`valid-*` / `invalid-*`) and pins the exact first error of three.
 * The defect of every invalid file is named by its file name and `Comment`; AREAS says which
 * wf-lint rule area must report it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadCorpus, PEERS_DIR } from '../../tools/conformance-corpora';
import type { Area } from './areas';
import { RESOURCE_NOT_AN_ARN } from './aws-reasons';
import { runCorpus, type KnownDifference } from './run-corpus';

const DIR = 'src/__tests__/definitions/';

/** The area of each invalid definition's defect, from its name and `Comment`. */
const AREAS: Readonly<Record<string, readonly Area[]>> = {
  'invalid-assign.asl.json': ['jsonata'], // "{% 420. %}" in a JSONata Assign
  'invalid-cfn-definition-substitutions.json': ['resource'], // Resource "${lambdaArn" (unclosed placeholder)
  'invalid-choice-state-variable.json': ['paths'], // Variable holds an intrinsic function, not a path
  'invalid-choice-state.json': ['choice'], // a Choice rule with End instead of Next
  'invalid-dupe-fields.asl.json': ['paths'], // "conflict" and "conflict.$" in one payload template
  'invalid-duplicate-fields-nested.json': ['paths'],
  'invalid-duplicate-fields.json': ['paths'],
  'invalid-error-equals-type.json': ['retry-catch'], // ErrorEquals: [true]
  'invalid-error-equals.json': ['retry-catch'], // "Error Equals" for ErrorEquals
  'invalid-exercise-ajv-additional-properties.asl.json': ['fields'], // bugInputPath
  'invalid-exercise-ajv.asl.json': ['paths'], // InputPath "bug$.library.movies"
  'invalid-fail-dupe-cause.json': ['fail'],
  'invalid-fail-dupe-error.json': ['fail'],
  'invalid-inexistant-state.json': ['transition'],
  'invalid-json-path.json': ['paths'],
  'invalid-json-surround-syntax-extra-spaces.json': ['jsonata'],
  'invalid-jsonata-fields.json': ['query-language'], // Parameters and ResultPath in a JSONata machine
  'invalid-jsonata-path-fields.asl.json': ['query-language'], // OutputPath in a JSONata state
  'invalid-jsonata-surround-syntax-no-close.json': ['jsonata'],
  'invalid-jsonata-surround-syntax-no-open.json': ['jsonata'],
  'invalid-jsonata-surround-syntax-no-spaces.json': ['jsonata'],
  'invalid-jsonata-syntax-arithmetic.json': ['jsonata'],
  'invalid-jsonata-syntax-jsonpath-in-jsonata-surround.json': ['jsonata'],
  'invalid-jsonata-syntax-mismatched-parens.json': ['jsonata'],
  'invalid-map-distributed.asl.json': ['fields'], // MaxItems with MaxItemsPath
  'invalid-map-dupe-state.json': ['names'],
  'invalid-map-item-batcher-dupe-subfields.json': ['fields'], // MaxItemsPerBatch with MaxItemsPerBatchPath
  'invalid-map-items.asl.json': ['query-language'], // ItemsPath (JSONPath only) beside Items in a JSONata Map
  'invalid-map-missing-iterator.json': ['fields'],
  'invalid-map-ob-link.json': ['transition'], // a processor state targets a state outside the processor
  'invalid-map-tolerated-value.json': ['fields'], // ToleratedFailurePercentage 105
  'invalid-map-tolerated.json': ['fields'], // ToleratedFailureCount with ToleratedFailureCountPath
  'invalid-math-add.json': ['paths'], // States.MathAdd(1,'-1')
  'invalid-missing-terminal-map.json': ['next-end'], // a processor's Wait has neither Next nor End
  'invalid-missing-terminal-parallel.json': ['next-end'],
  'invalid-missing-terminal.json': ['terminal'], // three Tasks in a cycle
  'invalid-next-with-end.json': ['next-end'],
  'invalid-parallel-branch-type.json': ['fields'], // Branches: [[...]]
  'invalid-parallel-missing-branches.json': ['fields'],
  'invalid-parallel-ob-link.json': ['transition'],
  'invalid-payload-template.asl.json': ['paths'], // "lorem.$": "ipsum"
  'invalid-state-name-too-long.json': ['names'], // 87 characters; AWS allows 80
  'invalid-task-alias-function.json': ['resource'], // Lambda ARNs ending in ":" and ":$*#$7485"
  'invalid-task-credentials-null.json': ['fields'],
  'invalid-task-credentials-object.json': ['paths'], // Credentials payload template with "expectPath.$": "not a path"
  'invalid-task-heartbeat.json': ['fields'], // HeartbeatSeconds with HeartbeatSecondsPath
  'invalid-task-timout.json': ['fields'], // TimeoutSeconds with TimeoutSecondsPath
  'invalid-unreachable-state.json': ['reachability'],
  'invalid-variable-result-path.json': ['paths'], // ResultPath "$foo" (a variable)
  'invalid-wait-duration.json': ['wait'], // Seconds with SecondsPath, Timestamp with TimestampPath
};

/** AWS reads a string as JSONata only when it starts with "{%" and ends with "%}"; anything else is a literal. */
const JSONATA_DELIMITERS =
  'In a JSONata state a string is an expression only when it starts with "{%" and ends with "%}" (AWS Step Functions guide, ' +
  '"Transforming data with JSONata"; AWS\'s own Step Functions skill: "A string without {% %} is treated as a literal value"). ';

const KNOWN_DIFFERENCES: Readonly<Record<string, KnownDifference>> = {
  // "Resource": "arn:aws:swf:us-east-1:123456789012:task:X", the ASL spec's example of a URI, is no resource Step Functions runs.
  [`${DIR}valid-task-credentials.json`]: RESOURCE_NOT_AN_ARN,
  [`${DIR}valid-task-parameters.json`]: RESOURCE_NOT_AN_ARN,
  [`${DIR}valid-task-timeout-jsonata.json`]: RESOURCE_NOT_AN_ARN,
  [`${DIR}invalid-jsonata-surround-syntax-no-open.json`]: {
    wfLint: 'accepts',
    reason: `${JSONATA_DELIMITERS}"10 %}" does not start with "{%", so it is the literal string "10 %}" and AWS accepts it.`,
  },
  [`${DIR}invalid-jsonata-surround-syntax-no-close.json`]: {
    wfLint: 'accepts',
    reason: `${JSONATA_DELIMITERS}"{% 10 %" does not end with "%}", so it is a literal string, not a broken expression.`,
  },
  [`${DIR}invalid-jsonata-surround-syntax-no-spaces.json`]: {
    wfLint: 'accepts',
    reason: `${JSONATA_DELIMITERS}"{%10%}" is delimited and "10" parses with jsonata; the spaces in the docs' examples are style, not syntax.`,
  },
  [`${DIR}invalid-json-surround-syntax-extra-spaces.json`]: {
    wfLint: 'accepts',
    reason: `${JSONATA_DELIMITERS}The newline and spaces inside "{% \\n10         %}" are JSONata whitespace; the expression parses as 10.`,
  },
  [`${DIR}valid-map-with-item-batcher-jsonata.json`]: {
    wfLint: 'rejects',
    rules: ['asl/valid-query-language'],
    reason:
      'The machine sets "QueryLanguage": "JSONata" and its Map processor holds a state with "QueryLanguage": "JSONPath". AWS allows ' +
      'JSONata states in a JSONPath machine but not the reverse (AWS CDK QueryLanguage docs: "If JSONata is specified at the top ' +
      'level, JSONPath cannot be used in the state machine definition"; Step Functions guide, "Transforming data with JSONata").',
  },
};

runCorpus({
  corpus: 'asl-validator',
  knownDifferences: KNOWN_DIFFERENCES,
  areasOf: (c) => AREAS[c.id.slice(DIR.length)] ?? [],
});

test('every invalid definition has its area', () => {
  const invalid = fs.readdirSync(path.join(PEERS_DIR, 'asl-validator', DIR)).filter((f) => f.startsWith('invalid-'));
  expect(invalid.sort()).toEqual(Object.keys(AREAS).sort());
});

test("the first errors asl-validator's suite pins fall in the areas given above", () => {
  // error-reporting.test.ts: a schema "format" failure is a path problem, a "oneOf" failure an unknown field.
  const areaOfPinned = (pinned: string): Area => (/format "asl_(path|payload_template)"/.test(pinned) ? 'paths' : 'fields');
  const pinnedCases = loadCorpus('asl-validator').filter((c) => c.pinned.length > 0);
  expect(pinnedCases.map((c) => c.id.slice(DIR.length)).sort()).toEqual([
    'invalid-exercise-ajv-additional-properties.asl.json',
    'invalid-exercise-ajv.asl.json',
    'invalid-payload-template.asl.json',
  ]);
  for (const c of pinnedCases) expect([c.id, c.pinned.map(areaOfPinned)]).toEqual([c.id, AREAS[c.id.slice(DIR.length)]]);
});
