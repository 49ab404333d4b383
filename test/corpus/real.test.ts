/**
 * The real-workflow corpus (../shared/corpus/real, described row by row in its SOURCES.md),
 * linted through the Node API exactly as a user would lint it.
 *
 * Every expectation below was derived by reading the file against DESIGN §2, one Batch task
 * at a time and one rule at a time, NOT by copying the tool's output. Each diagnostic is a
 * `[line, ruleId, stateName]` triple: the line of the state's key, and the state name taken
 * from the message text. A rule that finds two separate defects in one state reports each
 * (e.g. `require-payload-urls` once for `url` and once for `url_out`; `require-catch-to-post-batch`
 * once for a wrong target and once for a missing `ResultPath`), so such a triple appears twice.
 *
 * The core ASL rules (`asl/*`) are judged apart, per file (`asl`): these workflows are deployed, so
 * AWS accepts them and any ASL error on them would be a false positive.
 *
 * A case carrying `toolBug` states what the tool gets wrong; it runs as `test.failing` so the
 * correct expectation stays in the test and the rest of the suite still passes.
 *
 * The files are read in place and never copied.
 */
import fs from 'node:fs';
import path from 'node:path';
import { WfLint } from '../../src/api/wf-lint';
import type { LintMessage, LintResult } from '../../src/engine/types';
import { BatchQueries, batchMatchers } from '../../src/model/batch';
import type { Scope } from '../../src/model/types';
import { parseSource } from '../../src/sources/parse-source';

const repoRoot = path.resolve(__dirname, '../..');
const corpusDir = path.resolve(__dirname, '../../../shared/corpus/real');

type Triple = [line: number, ruleId: string, stateName: string];

const PRE = 'batch/require-pre-batch';
const POST = 'batch/require-post-batch';
const GROUP = 'batch/require-parallel-group';
const OUTPUT_PATH = 'batch/require-output-path';
const NATIVE_RETRY = 'batch/no-native-retry';
const CATCH = 'batch/require-catch-to-post-batch';
const SYNC = 'batch/require-sync';
const URLS = 'batch/require-payload-urls';
const OVERRIDE = 'batch/no-result-override';
const UNWRAP = 'batch/unwrap-lambda-payload';
const GROUP_RETRY = 'batch/require-group-retry';
const ALL_RULES = [PRE, POST, GROUP, OUTPUT_PATH, NATIVE_RETRY, CATCH, SYNC, URLS, OVERRIDE, UNWRAP, GROUP_RETRY];

/** The reports expected at the key of state `name` on `line`, one per listed rule. */
function at(line: number, name: string, ...rules: string[]): Triple[] {
  return rules.map((rule): Triple => [line, rule, name]);
}

function sortTriples(triples: readonly Triple[]): Triple[] {
  return [...triples].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
}

interface Case {
  /** The row of SOURCES.md. */
  readonly row: number;
  readonly file: string;
  /** The Batch tasks, with the kind of scope that holds each (machine, Parallel branch, Map processor). */
  readonly batch: readonly (readonly [string, Scope['kind']])[];
  readonly preBatch: readonly string[];
  readonly postBatch: readonly string[];
  readonly expected: readonly Triple[];
  /**
   * The core ASL (`asl/*`) reports, as `[line, ruleId]`. Every file is a workflow its project
   * deploys, so AWS accepts it and none is expected: an entry here must name a defect AWS lets through.
   */
  readonly asl?: readonly (readonly [line: number, ruleId: string])[];
  /** Set when the tool disagrees with the (correct) expectation: what it does wrong. */
  readonly toolBug?: string;
}

// Every Batch task of the 21 data files; the rule list per task is the reasoning in the comment.
const CASES: readonly Case[] = [
  // #1 — two flat triads behind Choices; the second Batch task (convert-to-cog-batch) has no
  // post-batch (Next: publish); both catch States.ALL into $.error but go to workflow-failed;
  // both pass only url.$. Entered only from their pre-batch Next, .sync, no result reshaping.
  {
    row: 1,
    file: 'cirrus-geo__cirrus-geo__workflows__cog-archive__definition.yml',
    batch: [['copy-assets-batch', 'machine'], ['convert-to-cog-batch', 'machine']],
    preBatch: ['copy-assets-pre-batch', 'convert-to-cog-pre-batch'],
    postBatch: ['copy-assets-post-batch'],
    expected: [
      ...at(25, 'copy-assets-batch', GROUP, CATCH, URLS),
      ...at(74, 'convert-to-cog-batch', POST, GROUP, CATCH, URLS),
    ],
  },
  // #2 — same era as #1: the second Batch task (add-preview-batch) goes straight to publish;
  // both catch to workflow-failed (ResultPath $.error is right); only url.$; no Parallel.
  {
    row: 2,
    file: 'cirrus-geo__cirrus-geo__workflows__mirror-with-preview__definition.yml',
    batch: [['copy-assets-batch', 'machine'], ['add-preview-batch', 'machine']],
    preBatch: ['copy-assets-pre-batch', 'add-preview-pre-batch'],
    postBatch: ['copy-assets-post-batch'],
    expected: [
      ...at(25, 'copy-assets-batch', GROUP, CATCH, URLS),
      ...at(78, 'add-preview-batch', POST, GROUP, CATCH, URLS),
    ],
  },
  // #3 — two full flat triads whose Batch catch goes to post-batch with $.error (correct), so
  // only the missing Parallel and the missing url_out remain. The Step Functions Retry on the
  // Batch task is not a Batch-native RetryStrategy, and post-batch's missing Catch is no rule's business.
  {
    row: 3,
    file: 'cirrus-geo__cirrus-geo__src__cirrus__builtins__workflows__cog-archive__definition.yml',
    batch: [['copy-assets-batch', 'machine'], ['convert-to-cog-batch', 'machine']],
    preBatch: ['copy-assets-pre-batch', 'convert-to-cog-pre-batch'],
    postBatch: ['copy-assets-post-batch', 'convert-to-cog-post-batch'],
    expected: [
      ...at(33, 'copy-assets-batch', GROUP, URLS),
      ...at(104, 'convert-to-cog-batch', GROUP, URLS),
    ],
  },
  // #4 — one flat triad, catch->post-batch: only "no Parallel" and "only url.$".
  {
    row: 4,
    file: 'cirrus-geo__cirrus-geo__src__cirrus__builtins__workflows__mirror__definition.yml',
    batch: [['copy-assets-batch', 'machine']],
    preBatch: ['copy-assets-pre-batch'],
    postBatch: ['copy-assets-post-batch'],
    expected: [...at(33, 'copy-assets-batch', GROUP, URLS)],
  },
  // #5 — two flat triads in sequence, catch->post-batch: "no Parallel" and "only url.$" for each.
  {
    row: 5,
    file: 'cirrus-geo__cirrus-geo__src__cirrus__builtins__workflows__mirror-with-preview__definition.yml',
    batch: [['copy-assets-batch', 'machine'], ['add-preview-batch', 'machine']],
    preBatch: ['copy-assets-pre-batch', 'add-preview-pre-batch'],
    postBatch: ['copy-assets-post-batch', 'add-preview-post-batch'],
    expected: [
      ...at(33, 'copy-assets-batch', GROUP, URLS),
      ...at(108, 'add-preview-batch', GROUP, URLS),
    ],
  },
  // #6 — two triads whose Batch catch goes to workflow-failed, skipping post-batch; no Parallel;
  // only url.$ (the extra lambda_function parameter is harmless).
  {
    row: 6,
    file: 'cirrus-geo__cirrus-earth-search__workflows__cog-archive__definition.yml',
    batch: [['copy-assets-batch', 'machine'], ['convert-to-cog-batch', 'machine']],
    preBatch: ['copy-assets-pre-batch', 'convert-to-cog-pre-batch'],
    postBatch: ['copy-assets-post-batch', 'convert-to-cog-post-batch'],
    expected: [
      ...at(30, 'copy-assets-batch', GROUP, CATCH, URLS),
      ...at(99, 'convert-to-cog-batch', GROUP, CATCH, URLS),
    ],
  },
  // #7 — one triad, Batch catch->workflow-failed, no Parallel, only url.$.
  {
    row: 7,
    file: 'cirrus-geo__cirrus-earth-search__workflows__mirror__definition.yml',
    batch: [['copy-assets-batch', 'machine']],
    preBatch: ['copy-assets-pre-batch'],
    postBatch: ['copy-assets-post-batch'],
    expected: [...at(33, 'copy-assets-batch', GROUP, CATCH, URLS)],
  },
  // #8 — two triads, Batch catch->workflow-failed, no Parallel, only url.$.
  {
    row: 8,
    file: 'cirrus-geo__cirrus-earth-search__workflows__mirror-with-preview__definition.yml',
    batch: [['copy-assets-batch', 'machine'], ['add-preview-batch', 'machine']],
    preBatch: ['copy-assets-pre-batch', 'add-preview-pre-batch'],
    postBatch: ['copy-assets-post-batch', 'add-preview-post-batch'],
    expected: [
      ...at(33, 'copy-assets-batch', GROUP, CATCH, URLS),
      ...at(109, 'add-preview-batch', GROUP, CATCH, URLS),
    ],
  },
  // #9 — fully compliant group (single branch, OutputPath $[0], States.ALL Retry, url/url_out,
  // catch->post-batch in $.error, pre/post as `${tasks.pre-batch.lambda.function_arn}`): clean.
  {
    row: 9,
    file: 'Element84__filmdrop-aws-tf-modules__modules__cirrus__cirrus-examples__workflows__first-workflow-example__state-machine.json',
    batch: [['first-task-example-batch', 'branch']],
    preBatch: ['first-task-example-pre-batch'],
    postBatch: ['first-task-example-post-batch'],
    expected: [],
  },
  // #11 — not Cirrus: one naked top-level .sync task: StartAt entry, Next is an SNS task, no
  // group, its States.ALL catch goes to SNS with no ResultPath (two defects), no job Parameters at all.
  {
    row: 11,
    file: 'aws-samples__step-functions-workflows-collection__synchronous-job__statemachine__statemachine.asl.json',
    batch: [['Submit Batch Job', 'machine']],
    preBatch: [],
    postBatch: [],
    expected: [...at(6, 'Submit Batch Job', PRE, POST, GROUP, CATCH, CATCH, URLS, URLS)],
  },
  // #12 — `arn:${partition}:...submitJob.sync` is a Batch task; entered from a plain Lambda,
  // ends the machine, no Catch, no group. Its job Parameters are built at run time
  // (`Parameters.$`), which cannot be judged statically, so require-payload-urls stays silent.
  {
    row: 12,
    file: 'aws-samples__step-functions-workflows-collection__batch-lambda-sam__statemachine__statemachine.asl.json',
    batch: [['Submit Batch Job', 'machine']],
    preBatch: [],
    postBatch: [],
    expected: [...at(12, 'Submit Batch Job', PRE, POST, GROUP, CATCH)],
  },
  // #13 — 4 Batch tasks, none with pre/post or Catch; the 2-branch Parallel is not a batch group
  // (so no output-path/group-retry); ResultPath $.status on RunIsaacJob and RunStrelkaJob;
  // `Parameters.$` everywhere, so payload URLs are not judged.
  {
    row: 13,
    file: 'aws-samples__aws-genomics-workflows__docs__orchestration__step-functions__files__example-state-machine.json',
    batch: [['RunIsaacJob', 'machine'], ['RunStrelkaJob', 'branch'], ['RunSnpEffJob', 'branch'], ['RunSamtoolsStatsJob', 'branch']],
    preBatch: [],
    postBatch: [],
    expected: [
      ...at(5, 'RunIsaacJob', PRE, POST, GROUP, CATCH, OVERRIDE),
      ...at(35, 'RunStrelkaJob', PRE, POST, GROUP, CATCH, OVERRIDE),
      ...at(58, 'RunSnpEffJob', PRE, POST, GROUP, CATCH),
      ...at(84, 'RunSamtoolsStatsJob', PRE, POST, GROUP, CATCH),
    ],
  },
  // #14 — JSON inside CloudFormation `DefinitionString: !Sub |-`: 3 chained Batch tasks, then a
  // Map (never a batch group) holding 2 more. Every one: entered from a non-pre-batch state,
  // next is not post-batch, no group, no Catch, no url/url_out, and a ResultPath.
  {
    row: 14,
    file: 'aws-samples__aws-genomics-workflows__src__templates__step-functions__sfn-workflow-example-mapping.template.yaml',
    batch: [
      ['BwaMem', 'machine'],
      ['SamtoolsSort', 'machine'],
      ['SamtoolsIndex', 'machine'],
      ['BcftoolsMPileup', 'processor'],
      ['BcftoolsCall', 'processor'],
    ],
    preBatch: [],
    postBatch: [],
    expected: [
      ...at(79, 'BwaMem', PRE, POST, GROUP, CATCH, URLS, URLS, OVERRIDE),
      ...at(109, 'SamtoolsSort', PRE, POST, GROUP, CATCH, URLS, URLS, OVERRIDE),
      ...at(137, 'SamtoolsIndex', PRE, POST, GROUP, CATCH, URLS, URLS, OVERRIDE),
      ...at(180, 'BcftoolsMPileup', PRE, POST, GROUP, CATCH, URLS, URLS, OVERRIDE),
      ...at(210, 'BcftoolsCall', PRE, POST, GROUP, CATCH, URLS, URLS, OVERRIDE),
    ],
  },
  // #15 — CFN `!Sub [template, vars]` with an unquoted `${StateMachineTimeoutSeconds}` (must parse
  // tolerantly): one naked Batch task, catch->SNS without ResultPath, no job Parameters.
  {
    row: 15,
    file: 'christoferson__aws-cloudformation__step-functions__step-functions-std-batch.yaml',
    batch: [['Submit Batch Job', 'machine']],
    preBatch: [],
    postBatch: [],
    expected: [...at(163, 'Submit Batch Job', PRE, POST, GROUP, CATCH, CATCH, URLS, URLS)],
  },
  // #16 — two sequential naked Batch tasks (the first leads into the second), each catch->SNS
  // without ResultPath, no job Parameters, ResultPath $.TaskResult1/2.
  {
    row: 16,
    file: 'christoferson__aws-cloudformation__step-functions__step-functions-std-batch-multiphase.yaml',
    batch: [['Submit Batch Job 1', 'machine'], ['Submit Batch Job 2', 'machine']],
    preBatch: [],
    postBatch: [],
    expected: [
      ...at(181, 'Submit Batch Job 1', PRE, POST, GROUP, CATCH, CATCH, URLS, URLS, OVERRIDE),
      ...at(230, 'Submit Batch Job 2', PRE, POST, GROUP, CATCH, CATCH, URLS, URLS, OVERRIDE),
    ],
  },
  // #17 — `.asl` file: a Map (Iterator) over one Batch task that is its processor's StartAt and
  // End; no Catch, no job Parameters. The `lambda:invoke` without FunctionName is no pre-batch.
  {
    row: 17,
    file: 'ssfve__awsProject__OptionsArchive__stepfunctionsdefinition.asl',
    batch: [['Submit Batch Job', 'processor']],
    preBatch: [],
    postBatch: [],
    expected: [...at(24, 'Submit Batch Job', PRE, POST, GROUP, CATCH, URLS, URLS)],
  },
  // #18 — Resource `${batch_arn}` with JobQueue/JobDefinition: two Batch tasks in a Map, reached
  // from Choice branches, going to Succeed, with ResultPath and no job Parameters. `.sync` is
  // unknown for an opaque Resource, so require-sync stays silent.
  {
    row: 18,
    file: 'azavea__nasa-hyperspectral__deployment__terraform__step-functions__pipeline-choice.json',
    batch: [['ActivatorState', 'processor'], ['CogClipState', 'processor']],
    preBatch: [],
    postBatch: [],
    expected: [
      ...at(32, 'ActivatorState', PRE, POST, GROUP, CATCH, URLS, URLS, OVERRIDE),
      ...at(46, 'CogClipState', PRE, POST, GROUP, CATCH, URLS, URLS, OVERRIDE),
    ],
  },
  // #19 — a Map holding one Batch task (StartAt and End of its processor), ResultPath $.status,
  // no Retry/Catch, no job Parameters.
  {
    row: 19,
    file: 'azavea__nasa-hyperspectral__deployment__terraform__step-functions__pipeline.json',
    batch: [['Run task', 'processor']],
    preBatch: [],
    postBatch: [],
    expected: [...at(17, 'Run task', PRE, POST, GROUP, CATCH, URLS, URLS, OVERRIDE)],
  },
  // #20 — `.json.tmpl`: a Map fan-out over one Batch task whose job Parameters hold only study-uuid.$.
  {
    row: 20,
    file: 'd3b-center__image-deid-etl__deployment__terraform__step-functions__image-deid-etl.json.tmpl',
    batch: [['Submit Batch Job', 'processor']],
    preBatch: [],
    postBatch: [],
    expected: [...at(16, 'Submit Batch Job', PRE, POST, GROUP, CATCH, URLS, URLS)],
  },
  // #21 — `arn:${AWS::Partition}:states:::batch:submitJob` WITHOUT .sync; otherwise like #11.
  // The template's job definition has RetryStrategy.Attempts 1 (no retries): no no-native-retry.
  {
    row: 21,
    file: 'aws-samples__the-aws-step-functions-workshop__static__resources__module_3.yml',
    batch: [['Submit Batch Job', 'machine']],
    preBatch: [],
    postBatch: [],
    expected: [...at(17, 'Submit Batch Job', PRE, POST, GROUP, CATCH, CATCH, SYNC, URLS, URLS)],
  },
  // #22 — the #13 machine embedded in CFN `DefinitionString: !Sub |-`: same reports, host lines.
  {
    row: 22,
    file: 'aws-samples__aws-batch-genomics__pipeline__nested_templates__state_machine_template_cfn.yml',
    batch: [['RunIsaacJob', 'machine'], ['RunStrelkaJob', 'branch'], ['RunSnpEffJob', 'branch'], ['RunSamtoolsStatsJob', 'branch']],
    preBatch: [],
    postBatch: [],
    expected: [
      ...at(21, 'RunIsaacJob', PRE, POST, GROUP, CATCH, OVERRIDE),
      ...at(51, 'RunStrelkaJob', PRE, POST, GROUP, CATCH, OVERRIDE),
      ...at(74, 'RunSnpEffJob', PRE, POST, GROUP, CATCH),
      ...at(100, 'RunSamtoolsStatsJob', PRE, POST, GROUP, CATCH),
    ],
  },
];

// #10 — a fragment (one state entry with a `### CHOOSE ONE ###` comment), not a document.
const FRAGMENT = 'Element84__filmdrop-aws-tf-modules__modules__cirrus__cirrus-examples__workflows__first-workflow-example__state-machine-batch-state-snippet.txt';

const api = new WfLint({ cwd: repoRoot, configLookup: false });
const results = new Map<string, Promise<LintResult[]>>();

/** Lints one corpus file by its explicit path (memoised: each file is linted once). */
function lint(file: string): Promise<LintResult[]> {
  let result = results.get(file);
  if (!result) {
    result = api.lintFiles([path.join(corpusDir, file)]);
    results.set(file, result);
  }
  return result;
}

// The state a message is about: the first quoted name after "Batch task", "batch group" or "pre/post-batch task".
const STATE_IN_MESSAGE = /(?:Batch task|batch group|pre-batch task|post-batch task) "([^"]+)"/;

function stateNameOf(message: LintMessage): string {
  const match = STATE_IN_MESSAGE.exec(message.message);
  if (!match) throw new Error(`No state name in message ${JSON.stringify(message.message)} (${message.ruleId})`);
  return match[1];
}

function triplesOf(messages: readonly LintMessage[]): Triple[] {
  return sortTriples(messages.map((m): Triple => [m.line, String(m.ruleId), stateNameOf(m)]));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('the corpus holds the 21 data files of SOURCES.md, the fragment and nothing else', () => {
  const onDisk = fs.readdirSync(corpusDir).filter((f) => f !== 'SOURCES.md').sort();
  expect(onDisk).toEqual([...CASES.map((c) => c.file), FRAGMENT].sort());
  const sources = fs.readFileSync(path.join(corpusDir, 'SOURCES.md'), 'utf8');
  for (const c of CASES) expect(sources).toContain(`| ${c.row} | \`${c.file}\``);
});

describe.each(CASES.map((c) => [`#${c.row} ${c.file}`, c] as const))('%s', (_title, c) => {
  const filePath = path.join(corpusDir, c.file);

  (c.toolBug ? test.failing : test)('reports exactly the expected batch diagnostics', async () => {
    const [result] = await lint(c.file);
    expect(triplesOf(result.messages.filter((m) => m.ruleId?.startsWith('batch/')))).toEqual(sortTriples(c.expected));
  });

  test('reports exactly the expected core ASL diagnostics (none: AWS deploys the file)', async () => {
    const [result] = await lint(c.file);
    const asl = result.messages.filter((m) => m.ruleId?.startsWith('asl/'));
    expect(asl.map((m) => [m.line, m.ruleId, m.message])).toEqual((c.asl ?? []).map(([line, ruleId]) => [line, ruleId, expect.any(String)]));
  });

  test('parses without a fatal error and yields one result', async () => {
    const found = await lint(c.file);
    expect(found).toHaveLength(1);
    const [result] = found;
    expect(result.filePath).toBe(filePath);
    expect(result.messages.filter((m) => m.fatal || m.ruleId === null)).toEqual([]);
    expect(result.fatalErrorCount).toBe(0);
    for (const m of result.messages) expect(m.ruleId?.startsWith('asl/') || ALL_RULES.includes(String(m.ruleId))).toBe(true);
  });

  test('finds the Batch, pre-batch and post-batch tasks', () => {
    const source = parseSource(fs.readFileSync(filePath, 'utf8'), filePath);
    expect(source.errors).toEqual([]);
    expect(source.machines).toHaveLength(1);
    const queries = new BatchQueries(batchMatchers(undefined));
    const states = source.machines[0].states();
    expect(states.filter((s) => queries.isBatchTask(s)).map((s) => [s.name, s.scope.kind])).toEqual(c.batch);
    expect(states.filter((s) => queries.isPreBatch(s)).map((s) => s.name)).toEqual(c.preBatch);
    expect(states.filter((s) => queries.isPostBatch(s)).map((s) => s.name)).toEqual(c.postBatch);
  });

  test("points every batch diagnostic at the state's key", async () => {
    const [result] = await lint(c.file);
    const lines = fs.readFileSync(filePath, 'utf8').split(/\r?\n/);
    for (const m of result.messages.filter((x) => x.ruleId?.startsWith('batch/'))) {
      const name = escapeRegExp(stateNameOf(m));
      const text = lines[m.line - 1] ?? '';
      // The line holds the name as a key (`"name": {` in JSON, `name:` in YAML) ...
      expect(text).toMatch(new RegExp(`(?:^|[\\s{,])(?:"${name}"|'${name}'|${name})\\s*:`));
      // ... and the column is where that key starts.
      expect(text.slice(m.column - 1)).toMatch(new RegExp(`^(?:"${name}"|'${name}'|${name})\\s*:`));
    }
  });
});

describe(`#10 ${FRAGMENT}`, () => {
  test('named explicitly, it does not crash and reports why it cannot be linted, with a line and column', async () => {
    const found = await lint(FRAGMENT);
    expect(found).toHaveLength(1);
    const [result] = found;
    expect(result.messages).toHaveLength(1);
    const [message] = result.messages;
    expect(message.ruleId).toBeNull();
    expect(message.fatal === true || /No state machine found/.test(message.message)).toBe(true);
    expect(message.message).not.toMatch(/Cannot read|crash|TypeError|undefined/i);
    if (message.fatal) {
      expect(message.severity).toBe(2);
      // The missing comma sits between "Next" (line 95) and "End" (line 96) after `### CHOOSE ONE ###`.
      expect([95, 96]).toContain(message.line);
    } else {
      expect(message.line).toBeGreaterThanOrEqual(1);
    }
    expect(message.column).toBeGreaterThanOrEqual(1);
  });

  test('walking the whole folder skips it and lints every data file exactly as when named', async () => {
    const walked = await api.lintFiles([corpusDir]);
    expect(walked.map((r) => path.basename(r.filePath)).sort()).toEqual(CASES.map((c) => c.file).sort());
    for (const result of walked) {
      const [named] = await lint(path.basename(result.filePath));
      expect(result.messages).toEqual(named.messages);
    }
  });
});

describe('latent defects shown by real files, probed in memory (nothing is written)', () => {
  // #21's Batch task names its job definition as `${jobDefinitionArn}`, a variable of the
  // `!Sub [template, {jobDefinitionArn: !Ref BatchJobDefinition}]` list form (#15 and #16 use the
  // same form). The real file's definition has `Attempts: 1`, so nothing is due there; with
  // `Attempts: 3` DESIGN §2 wants no-native-retry at the task that references it (through `!Ref`).
  test('#21 with RetryStrategy.Attempts 3: no-native-retry follows the !Sub variable to the job definition', async () => {
    const file = 'aws-samples__the-aws-step-functions-workshop__static__resources__module_3.yml';
    const original = fs.readFileSync(path.join(corpusDir, file), 'utf8');
    const text = original.replace(/RetryStrategy:\n(\s+)Attempts: 1\n/, 'RetryStrategy:\n$1Attempts: 3\n');
    expect(text).not.toBe(original);
    const [result] = await api.lintText(text, { filePath: path.join(corpusDir, file) });
    expect(triplesOf(result.messages.filter((m) => m.ruleId === NATIVE_RETRY))).toEqual(at(17, 'Submit Batch Job', NATIVE_RETRY));
  });
});
