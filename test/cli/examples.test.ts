/**
 * End-to-end: `wf-lint examples` from the repository root reports exactly what
 * examples/README.md says: every listed rule id at the key of the named state, nothing for the
 * files marked "clean", exit code 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, rel, runCli, runJson, type JsonResult } from './run-cli';

type Expected = [file: string, state: string, line: number, ruleId: string, severity: 1 | 2];

/** examples/README.md's "Expected reports" column, one row per (file, state key line, rule id). */
const EXPECTED: Expected[] = [
  ['examples/asl-json/flat-triad.asl.json', 'copy-assets-batch', 23, 'batch/no-native-retry', 2],
  ['examples/asl-json/flat-triad.asl.json', 'copy-assets-batch', 23, 'batch/require-catch-to-post-batch', 2],
  ['examples/asl-json/flat-triad.asl.json', 'copy-assets-batch', 23, 'batch/require-parallel-group', 2],
  ['examples/asl-json/flat-triad.asl.json', 'copy-assets-batch', 23, 'batch/require-payload-urls', 2],
  ['examples/asl-yaml/naked-batch.asl.yaml', 'convert-to-cog-batch', 6, 'batch/no-result-override', 2],
  ['examples/asl-yaml/naked-batch.asl.yaml', 'convert-to-cog-batch', 6, 'batch/require-catch-to-post-batch', 2],
  ['examples/asl-yaml/naked-batch.asl.yaml', 'convert-to-cog-batch', 6, 'batch/require-parallel-group', 2],
  ['examples/asl-yaml/naked-batch.asl.yaml', 'convert-to-cog-batch', 6, 'batch/require-payload-urls', 2],
  ['examples/asl-yaml/naked-batch.asl.yaml', 'convert-to-cog-batch', 6, 'batch/require-post-batch', 2],
  ['examples/asl-yaml/naked-batch.asl.yaml', 'convert-to-cog-batch', 6, 'batch/require-pre-batch', 2],
  ['examples/asl-yaml/naked-batch.asl.yaml', 'convert-to-cog-batch', 6, 'batch/require-sync', 2],
  ['examples/cirrus/mirror/definition.yml', 'copy-assets-batch', 21, 'batch/require-parallel-group', 2],
  ['examples/cirrus/mirror/definition.yml', 'copy-assets-batch', 21, 'batch/require-payload-urls', 2],
  ['examples/cloudformation/template.yaml', 'copy-assets-batch', 60, 'batch/no-native-retry', 2],
  ['examples/cloudformation/template.yaml', 'copy-assets-batch', 60, 'batch/require-parallel-group', 2],
  ['examples/serverless/serverless.yml', 'convert-to-cog-group', 86, 'batch/require-group-retry', 1],
  ['examples/serverless/serverless.yml', 'convert-to-cog-group', 86, 'batch/require-output-path', 2],
];

const CLEAN = [
  'examples/asl-json/compliant.asl.json',
  'examples/cirrus/cog-archive-compliant/definition.yml',
  'examples/cloudformation/sam-template.yaml',
  'examples/cloudformation/template.json',
];

let run: ReturnType<typeof runJson>;
beforeAll(() => {
  run = runJson(REPO_ROOT, ['examples']);
});

const byFile = (file: string) => run.results.find((r) => rel(REPO_ROOT, r.filePath) === file) as JsonResult;

test('exits 1, nothing on stderr, no fatal error', () => {
  expect(run.status).toBe(1);
  expect(run.stderr).toBe('');
  expect(run.results.reduce((n, r) => n + r.fatalErrorCount, 0)).toBe(0);
});

test('lints every example file, in sorted order', () => {
  expect(run.results.map((r) => rel(REPO_ROOT, r.filePath))).toEqual([...new Set([...CLEAN, ...EXPECTED.map((e) => e[0])])].sort());
});

test('the files marked "clean" draw no report', () => {
  for (const file of CLEAN) expect([file, byFile(file).messages]).toEqual([file, []]);
});

test('reports exactly the (file, line, rule id, severity) rows of examples/README.md', () => {
  const actual = run.results.flatMap((r) => r.messages.map((m) => [rel(REPO_ROOT, r.filePath), m.line, m.ruleId, m.severity]));
  const unique = [...new Map(actual.map((row) => [JSON.stringify(row), row])).values()];
  expect(unique).toEqual(EXPECTED.map(([file, , line, ruleId, severity]) => [file, line, ruleId, severity]));
});

test('each report points at the key of the named state', () => {
  for (const [file, state, line] of EXPECTED) {
    const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8').split('\n')[line - 1];
    for (const m of byFile(file).messages.filter((x) => x.line === line)) {
      expect([file, text.slice(m.column - 1)]).toEqual([file, expect.stringMatching(new RegExp(`^"?${state}"?:`))]);
      expect(m.endLine).toBe(line);
    }
  }
});

test(
  // examples/README.md: "npx wf-lint examples   # 17 errors, 1 warning" (require-payload-urls
  // reports url.$ and url_out.$ of naked-batch separately).
  'the summary matches the README: 17 errors, 1 warning',
  () => {
    const stylish = runCli(REPO_ROOT, ['examples']);
    expect(stylish.stdout).toContain('✖ 18 problems (17 errors, 1 warning)');
  },
);
