/**
 * End-to-end: the BUILT binary (`npm run build` first, as `npm test` does) with the new formats over
 * the repository's examples; exit code 1 (the examples have errors) and output that parses.
 */
import { prefetch, REPO_ROOT, runCli } from '../cli/run-cli';

const SARIF = ['-f', 'sarif', 'examples'];
const GITHUB = ['-f', 'github', 'examples'];
const JUNIT = ['-f', 'junit', 'examples'];
const JSON_ARGS = ['-f', 'json', 'examples'];

beforeAll(() => prefetch([SARIF, GITHUB, JUNIT, JSON_ARGS].map((args) => [REPO_ROOT, args] as const)), 60_000);

test('wf-lint -f sarif examples: exit 1 and a SARIF 2.1.0 log of what -f json reports', () => {
  const run = runCli(REPO_ROOT, SARIF);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  const log = JSON.parse(run.stdout) as { version: string; runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[] }[] };
  expect(log.version).toBe('2.1.0');
  const [sarifRun] = log.runs;
  const json = JSON.parse(runCli(REPO_ROOT, JSON_ARGS).stdout) as { messages: unknown[] }[];
  expect(sarifRun!.results).toHaveLength(json.reduce((n, r) => n + r.messages.length, 0));
  expect(sarifRun!.tool.driver.name).toBe('wf-lint');
  for (const result of sarifRun!.results) {
    expect(sarifRun!.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
    expect(result.locations[0]!.physicalLocation.artifactLocation).toMatchObject({ uri: expect.stringMatching(/^examples\//), uriBaseId: '%SRCROOT%' });
  }
});

test('wf-lint -f github and -f junit examples: exit 1, one annotation / testcase per problem', () => {
  const json = JSON.parse(runCli(REPO_ROOT, JSON_ARGS).stdout) as { messages: unknown[] }[];
  const problems = json.reduce((n, r) => n + r.messages.length, 0);
  const github = runCli(REPO_ROOT, GITHUB);
  expect(github.status).toBe(1);
  const lines = github.stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(problems);
  expect(lines.every((l) => /^::(error|warning) file=examples\/[^,]+,line=\d+,col=\d+,(endLine=\d+,endColumn=\d+,)?title=[^:]+::./.test(l))).toBe(true);
  const junit = runCli(REPO_ROOT, JUNIT);
  expect(junit.status).toBe(1);
  expect(junit.stdout.startsWith('<?xml')).toBe(true);
  expect(junit.stdout.match(/<failure /g)).toHaveLength(problems);
});

test('an unknown format is a usage error', () => {
  const run = runCli(REPO_ROOT, ['-f', 'checkstyle', 'examples']);
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/Choices: .*"sarif"/);
});
