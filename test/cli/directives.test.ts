/**
 * End-to-end: inline suppressions through the built `wf-lint` binary (DESIGN §4):
 * `# wf-lint-disable-next-line ids`, `# wf-lint-disable` / `# wf-lint-enable` blocks in YAML and
 * `wf-lint-disable ids` in a state's `Comment` (JSON too). Suppressed messages move to
 * `suppressedMessages` in the JSON output.
 */
import { makeFixture, removeFixture, runCli, runJson, type JsonMessage, type JsonResult } from './run-cli';

/** Three naked `submitJob` tasks (each draws require-sync and more) with YAML directive comments. */
const YAML_DIRECTIVES = `StartAt: a
States:
  # wf-lint-disable-next-line batch/require-sync
  a:
    Type: Task
    Resource: arn:aws:states:::batch:submitJob
    Next: b
  # wf-lint-disable
  b:
    Type: Task
    Resource: arn:aws:states:::batch:submitJob
    Next: c
  # wf-lint-enable
  c:
    Type: Task
    Resource: arn:aws:states:::batch:submitJob
    End: true
`;

/** Two naked `submitJob` tasks; the first has `wf-lint-disable batch/require-sync` in its Comment. */
const JSON_COMMENT = `{
  "StartAt": "a",
  "States": {
    "a": {
      "Comment": "legacy job wf-lint-disable batch/require-sync -- migrating in Q3",
      "Type": "Task",
      "Resource": "arn:aws:states:::batch:submitJob",
      "Next": "b"
    },
    "b": {
      "Type": "Task",
      "Resource": "arn:aws:states:::batch:submitJob",
      "End": true
    }
  }
}
`;

/** Every rule a naked `submitJob` task draws, sorted as in the output (payload-urls twice). */
const NAKED_NO_SYNC = [
  'batch/require-catch-to-post-batch',
  'batch/require-parallel-group',
  'batch/require-payload-urls',
  'batch/require-payload-urls',
  'batch/require-post-batch',
  'batch/require-pre-batch',
  'batch/require-sync',
];
const without = (id: string) => NAKED_NO_SYNC.filter((r) => r !== id);
const at = (messages: readonly JsonMessage[] | undefined, line: number) => (messages ?? []).filter((m) => m.line === line).map((m) => m.ruleId);

let dir: string;
let yaml: JsonResult;
let json: JsonResult;
let status: number | null;
beforeAll(() => {
  dir = makeFixture({ 'directives.asl.yaml': YAML_DIRECTIVES, 'comment.asl.json': JSON_COMMENT });
  const run = runJson(dir, ['directives.asl.yaml', 'comment.asl.json']);
  status = run.status;
  [json, yaml] = run.results;
});
afterAll(() => removeFixture(dir));

test('the run still fails on the messages not suppressed', () => {
  expect(status).toBe(1);
});

describe('YAML comments', () => {
  test('# wf-lint-disable-next-line <id> suppresses that rule on the next line only', () => {
    expect(at(yaml.messages, 4)).toEqual(without('batch/require-sync'));
    expect(at(yaml.suppressedMessages, 4)).toEqual(['batch/require-sync']);
  });

  test('# wf-lint-disable ... # wf-lint-enable suppresses every rule in the block', () => {
    expect(at(yaml.messages, 9)).toEqual([]);
    expect(at(yaml.suppressedMessages, 9)).toEqual(NAKED_NO_SYNC);
  });

  test('after # wf-lint-enable every rule reports again', () => {
    expect(at(yaml.messages, 14)).toEqual(NAKED_NO_SYNC);
    expect(at(yaml.suppressedMessages, 14)).toEqual([]);
  });

  test('counts leave suppressed messages out; suppressed messages keep their full shape', () => {
    expect(yaml.errorCount).toBe(yaml.messages.length);
    expect(yaml.messages).toHaveLength(NAKED_NO_SYNC.length * 2 - 1);
    expect(yaml.suppressedMessages).toHaveLength(NAKED_NO_SYNC.length + 1);
    expect(yaml.suppressedMessages?.[0]).toEqual(
      expect.objectContaining({ ruleId: 'batch/require-sync', severity: 2, line: 4, column: 3, endLine: 4, endColumn: 4, messageId: expect.any(String) }),
    );
  });
});

describe('Comment field (JSON)', () => {
  test('wf-lint-disable <id> in a state Comment suppresses that rule for that state', () => {
    expect(at(json.messages, 4)).toEqual(without('batch/require-sync'));
    expect(at(json.suppressedMessages, 4)).toEqual(['batch/require-sync']);
  });

  test('other states are not affected', () => {
    expect(at(json.messages, 10)).toEqual(NAKED_NO_SYNC);
    expect(json.suppressedMessages).toHaveLength(1);
  });
});

test('stylish output leaves suppressed messages out', () => {
  const run = runCli(dir, ['comment.asl.json']);
  expect(run.stdout.match(/\[batch\/require-sync\]/g)).toHaveLength(1);
  expect(run.stdout).toContain('comment.asl.json:10:5: error ');
  expect(run.stdout).toContain(`✖ ${NAKED_NO_SYNC.length * 2 - 1} problems (${NAKED_NO_SYNC.length * 2 - 1} errors, 0 warnings)`);
});
