/**
 * End-to-end: the built `wf-lint` binary's exit codes, `--format json` (ESLint's result shape),
 * stylish output, `--quiet`, `--max-warnings`, `-o`, `--stdin`, colour and fatal parse errors
 * (DESIGN §4).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  COMPLIANT_YAML,
  NAKED_SYNC_RULES,
  NAKED_SYNC_YAML,
  NO_SYNC_JSON,
  NO_SYNC_YAML,
  WARN_ONLY_YAML,
  json,
  makeFixture,
  prefetch,
  removeFixture,
  runCli,
  runCliFresh,
  runJson,
  summary,
  type JsonResult,
} from './run-cli';

/** A JSON file with a missing comma: jsonc-parser stops at the `"End"` token, line 4, column 26. */
const BAD_JSON = '{\n  "StartAt": "a",\n  "States": {\n    "a": {"Type": "Pass" "End": true}\n  }\n}\n';
/** YAML with a nested mapping in a compact mapping: the yaml parser stops at line 4, column 11. */
const BAD_YAML = 'StartAt: a\nStates:\n  a:\n    Type: Pass: x\n    End: true\n';

const RESULT_KEYS = [
  'filePath',
  'messages',
  'suppressedMessages',
  'errorCount',
  'fatalErrorCount',
  'warningCount',
  'fixableErrorCount',
  'fixableWarningCount',
];
const MESSAGE_KEYS = ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'messageId'];
const ANSI = /\u001b\[\d+m/;
const ALL_LINTABLE = ['compliant.asl.yaml', 'warn.asl.yaml', 'naked.asl.yaml', 'no-sync.asl.json', 'no-sync.asl.yaml'];

let dir: string;
beforeAll(async () => {
  dir = makeFixture({
    'compliant.asl.yaml': COMPLIANT_YAML,
    'warn.asl.yaml': WARN_ONLY_YAML,
    'no-sync.asl.yaml': NO_SYNC_YAML,
    'no-sync.asl.json': NO_SYNC_JSON,
    'naked.asl.yaml': NAKED_SYNC_YAML,
    'bad.asl.json': BAD_JSON,
    'bad.asl.yaml': BAD_YAML,
  });
  // The side-effect-free runs below, started concurrently; each test's own call then returns at once.
  const runs: string[][] = [
    ['compliant.asl.yaml'],
    ['no-sync.asl.yaml'],
    ['warn.asl.yaml'],
    ['--frobnicate', 'compliant.asl.yaml'],
    ['-f', 'checkstyle', 'compliant.asl.yaml'],
    ['missing.asl.yaml'],
    ['compliant.asl.yaml', 'nowhere/**/*.yml'],
    ['--help'],
    json(['bad.asl.json', 'no-sync.asl.yaml', 'compliant.asl.yaml']),
    json(['bad.asl.yaml', 'warn.asl.yaml', 'naked.asl.yaml']),
    ['bad.asl.json'],
    json(ALL_LINTABLE),
    json(['bad.asl.json', 'package.json']),
    ['no-sync.asl.yaml', 'warn.asl.yaml', 'no-sync.asl.json'],
    ['no-sync.asl.yaml', '--color'],
    json(['warn.asl.yaml', 'no-sync.asl.yaml', '--quiet']),
    ['warn.asl.yaml', '--max-warnings', '0'],
    ['warn.asl.yaml', '--max-warnings', '1'],
    ['warn.asl.yaml', '--quiet', '--max-warnings', '0'],
    ['warn.asl.yaml', '--max-warnings', 'abc'],
  ];
  await prefetch([
    ...runs.map((args) => [dir, args] as const),
    [dir, json(['--stdin', '--stdin-filename', 'x.asl.yaml']), NO_SYNC_YAML],
    [dir, json(['--stdin', '--stdin-filename', 'x.json']), NO_SYNC_YAML],
    [dir, json(['--stdin']), NO_SYNC_JSON],
    [dir, ['--stdin', '--stdin-filename', 'sub/in.asl.yaml'], NO_SYNC_YAML],
  ]);
}, 120_000);
afterAll(() => removeFixture(dir));

describe('exit codes', () => {
  test('0 for a compliant file, with no output at all', () => {
    const run = runCli(dir, ['compliant.asl.yaml']);
    expect(run).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  test('1 for lint errors', () => {
    const run = runCli(dir, ['no-sync.asl.yaml']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
  });

  test('0 for warnings only (no --max-warnings)', () => {
    expect(runCli(dir, ['warn.asl.yaml']).status).toBe(0);
  });

  test('2 for an unknown option, with a usage message and no report', () => {
    const run = runCli(dir, ['--frobnicate', 'compliant.asl.yaml']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('wf-lint: Unknown argument: frobnicate\n');
  });

  test('2 for an unknown --format', () => {
    const run = runCli(dir, ['-f', 'checkstyle', 'compliant.asl.yaml']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('checkstyle');
  });

  test('2 for a path that does not exist ("No files matching the pattern")', () => {
    const run = runCli(dir, ['missing.asl.yaml']);
    expect(run).toEqual({
      status: 2,
      stdout: '',
      stderr: 'wf-lint: No files matching the pattern "missing.asl.yaml" were found.\n',
    });
  });

  test('2 for a glob that matches nothing, even next to a good file', () => {
    const run = runCli(dir, ['compliant.asl.yaml', 'nowhere/**/*.yml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('wf-lint: No files matching the pattern "nowhere/**/*.yml" were found.\n');
  });

  test('--help exits 0', () => {
    const help = runCli(dir, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--max-warnings');
  });
});

describe('unparseable files', () => {
  test('JSON: one fatal message at the parser position, exit 2, and the other files are still linted', () => {
    const run = runJson(dir, ['bad.asl.json', 'no-sync.asl.yaml', 'compliant.asl.yaml']);
    expect(run.status).toBe(2);
    expect(run.results.map((r) => path.basename(r.filePath))).toEqual(['bad.asl.json', 'compliant.asl.yaml', 'no-sync.asl.yaml']);
    const [bad, compliant, noSync] = run.results;
    // The wording is the parser's (possibly behind ESLint's "Parsing error: "); the position is exact.
    expect(bad.messages).toEqual([{ ruleId: null, fatal: true, severity: 2, message: expect.stringMatching(/Expected ","\.$/), line: 4, column: 26 }]);
    expect(bad).toMatchObject({ errorCount: 1, fatalErrorCount: 1, warningCount: 0 });
    expect(compliant.messages).toEqual([]);
    expect(noSync.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['batch/require-sync', 13, 11]]);
  });

  test("YAML: one fatal message at the yaml parser's own line and column, exit 2", () => {
    const [expected] = parseAllDocuments(BAD_YAML, { prettyErrors: true })
      .flatMap((d) => d.errors)
      .map((e) => e.linePos?.[0]);
    expect(expected).toEqual({ line: 4, col: 11 });
    // A fatal error wins over the lint errors of naked.asl.yaml for the exit code.
    const run = runJson(dir, ['bad.asl.yaml', 'warn.asl.yaml', 'naked.asl.yaml']);
    expect(run.status).toBe(2);
    const [bad, naked, warn] = run.results;
    expect(naked.errorCount).toBe(NAKED_SYNC_RULES.length);
    expect(bad.messages).toHaveLength(1);
    expect(bad.messages[0]).toMatchObject({ ruleId: null, fatal: true, severity: 2, line: expected?.line, column: expected?.col });
    expect(bad.messages[0].message).toMatch(/Nested mappings are not allowed in compact mappings\.$/);
    expect(bad.fatalErrorCount).toBe(1);
    expect(warn.messages.map((m) => m.ruleId)).toEqual(['batch/require-group-retry']);
  });

  test('stylish prints the fatal message with its position', () => {
    const run = runCli(dir, ['bad.asl.json']);
    expect(run.status).toBe(2);
    expect(run.stdout.split('\n')[0]).toMatch(/^bad\.asl\.json:4:26: error (Parsing error: )?Expected ","\.$/);
    expect(run.stdout).toContain('✖ 1 problem (1 error, 0 warnings)');
  });
});

describe('--format json', () => {
  let run: ReturnType<typeof runJson>;
  beforeAll(() => {
    run = runJson(dir, ALL_LINTABLE);
  });

  test('is one JSON document on stdout, nothing on stderr, exit 1', () => {
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout.endsWith(']\n')).toBe(true);
  });

  test('one result per file, sorted, with absolute file paths', () => {
    expect(run.results.map((r) => r.filePath)).toEqual(
      ['compliant.asl.yaml', 'naked.asl.yaml', 'no-sync.asl.json', 'no-sync.asl.yaml', 'warn.asl.yaml'].map((f) => path.join(dir, f)),
    );
    for (const r of run.results) expect(path.isAbsolute(r.filePath)).toBe(true);
  });

  test("results have exactly ESLint's keys and no `source`", () => {
    for (const r of run.results) {
      expect(Object.keys(r).sort()).toEqual([...RESULT_KEYS].sort());
      expect(r).not.toHaveProperty('source');
    }
  });

  test("rule messages have exactly ESLint's keys, 1-based positions spanning the state key", () => {
    const messages = run.results.flatMap((r) => r.messages);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      // ESLint's `fix` key is optional: present only on fixable messages.
      expect(Object.keys(m).filter((k) => k !== 'fix').sort()).toEqual([...MESSAGE_KEYS].sort());
      expect(typeof m.message).toBe('string');
      expect(typeof m.messageId).toBe('string');
    }
    const noSync = run.results.find((r) => r.filePath.endsWith('no-sync.asl.json')) as JsonResult;
    // `"job": {` on line 11: the span is the quoted key, columns 13 to 18.
    expect(noSync.messages).toEqual([
      expect.objectContaining({ ruleId: 'batch/require-sync', severity: 2, line: 11, column: 13, endLine: 11, endColumn: 18 }),
    ]);
    const warn = run.results.find((r) => r.filePath.endsWith('warn.asl.yaml')) as JsonResult;
    // `  copy-assets-group:` on line 4: the span is the key, columns 3 to 20.
    expect(warn.messages).toEqual([
      expect.objectContaining({ ruleId: 'batch/require-group-retry', severity: 1, line: 4, column: 3, endLine: 4, endColumn: 20 }),
    ]);
  });

  test('counts agree with the messages', () => {
    const counts = run.results.map((r) => [path.basename(r.filePath), r.errorCount, r.warningCount, r.fatalErrorCount]);
    expect(counts).toEqual([
      ['compliant.asl.yaml', 0, 0, 0],
      ['naked.asl.yaml', 6, 0, 0],
      ['no-sync.asl.json', 1, 0, 0],
      ['no-sync.asl.yaml', 1, 0, 0],
      ['warn.asl.yaml', 0, 1, 0],
    ]);
    for (const r of run.results) {
      expect(r.errorCount).toBe(r.messages.filter((m) => m.severity === 2).length);
      expect(r.warningCount).toBe(r.messages.filter((m) => m.severity === 1).length);
      expect(r.suppressedMessages).toEqual([]);
    }
    const naked = run.results.find((r) => r.filePath.endsWith('naked.asl.yaml')) as JsonResult;
    expect(naked.messages.map((m) => m.ruleId)).toEqual(NAKED_SYNC_RULES);
    expect(naked.messages.every((m) => m.line === 3 && m.column === 3)).toBe(true);
  });

  test(
    // Regression (was a bug): results built by `summarise(...)` for fatal / no-machine files get no `suppressedMessages`
    // (src/engine/linter.ts and the `fatal()` helper of src/api/wf-lint.ts). ESLint always emits it.
    'every result has `suppressedMessages`, including fatal and "no state machine" results',
    () => {
      const fatal = runJson(dir, ['bad.asl.json', 'package.json']);
      for (const r of fatal.results) expect(Object.keys(r).sort()).toEqual([...RESULT_KEYS].sort());
    },
  );

  test(
    // Regression (was a bug): ESLint puts `suppressedMessages` right after `messages`; `summarise` spreads it last, so
    // the output is not "byte for byte" ESLint's, as src/formatters/json.ts claims.
    "result keys come in ESLint's order",
    () => {
      for (const r of run.results) expect(Object.keys(r)).toEqual(RESULT_KEYS);
    },
  );
});

describe('stylish', () => {
  test('file:line:col: severity message [rule-id], a code frame with ^~~~ under the state key, then the summary', () => {
    const all = runJson(dir, ALL_LINTABLE);
    const run = runCli(dir, ['no-sync.asl.yaml', 'warn.asl.yaml', 'no-sync.asl.json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(ANSI);
    const text = (file: string) => (all.results.find((r) => r.filePath.endsWith(`/${file}`)) as JsonResult).messages[0].message;
    expect(text('no-sync.asl.yaml')).toMatch(/"batch:submitJob\.sync"/);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 11)).toEqual([
      `no-sync.asl.json:11:13: error ${text('no-sync.asl.json')} [batch/require-sync]`,
      '   11 |             "job": {',
      '      |             ^~~~~',
      `no-sync.asl.yaml:13:11: error ${text('no-sync.asl.yaml')} [batch/require-sync]`,
      '   13 |           copy-assets-batch:',
      '      |           ^~~~~~~~~~~~~~~~~',
      `warn.asl.yaml:4:3: warning ${text('warn.asl.yaml')} [batch/require-group-retry]`,
      '    4 |   copy-assets-group:',
      '      |   ^~~~~~~~~~~~~~~~~',
      '',
      '✖ 3 problems (2 errors, 1 warning)',
    ]);
    // Optionally a "potentially fixable" line once fixes exist; then the final newline.
    const rest = lines.slice(11).filter((l) => l !== '');
    for (const l of rest) expect(l).toMatch(/^ {2}\d+ errors? and \d+ warnings? potentially fixable with the `--fix` option\.$/);
    expect(run.stdout.endsWith('\n')).toBe(true);
  });

  test('singular summary for one problem', () => {
    const run = runCli(dir, ['warn.asl.yaml']);
    expect(run.stdout).toContain('\n✖ 1 problem (0 errors, 1 warning)\n');
  });

  test('--color forces ANSI colour even when stdout is not a TTY', () => {
    const run = runCli(dir, ['no-sync.asl.yaml', '--color']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(ANSI);
    expect(run.stdout).toContain('\u001b[31merror\u001b[0m');
    expect(run.stdout.replace(/\u001b\[\d+m/g, '')).toBe(runCli(dir, ['no-sync.asl.yaml']).stdout);
  });

});

describe('--quiet and --max-warnings', () => {
  test('--quiet drops warnings from the report and the counts', () => {
    const run = runJson(dir, ['warn.asl.yaml', 'no-sync.asl.yaml', '--quiet']);
    expect(run.status).toBe(1);
    expect(summary(run.results, dir)).toEqual([['no-sync.asl.yaml', 13, 11, 'batch/require-sync', 2]]);
    expect(run.results.map((r) => r.warningCount)).toEqual([0, 0]);
  });

  test('--max-warnings 0 with a warning-only file exits 1 and prints the "too many warnings" note', () => {
    const run = runCli(dir, ['warn.asl.yaml', '--max-warnings', '0']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('[batch/require-group-retry]');
    expect(run.stderr).toBe('wf-lint found too many warnings (maximum: 0).\n');
  });

  test('--max-warnings at the number of warnings exits 0', () => {
    const run = runCli(dir, ['warn.asl.yaml', '--max-warnings', '1']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });

  test('--quiet prints nothing for a warning-only file; dropped warnings do not count for --max-warnings (as in ESLint 9)', () => {
    expect(runCli(dir, ['warn.asl.yaml', '--quiet', '--max-warnings', '0'])).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  test(
    // Regression (was a bug): `--max-warnings abc` becomes NaN and silently disables the limit (exit 0).
    // ESLint rejects it ("Invalid value for option 'max-warnings'") with exit 2.
    '--max-warnings with a non-number is a usage error',
    () => {
      expect(runCli(dir, ['warn.asl.yaml', '--max-warnings', 'abc']).status).toBe(2);
    },
  );
});

describe('-o, --output-file', () => {
  test('writes the report to the file (creating folders) and prints nothing', () => {
    const run = runCliFresh(dir, ['no-sync.asl.yaml', '-f', 'json', '-o', 'reports/out.json']);
    expect(run).toEqual({ status: 1, stdout: '', stderr: '' });
    const written = JSON.parse(fs.readFileSync(path.join(dir, 'reports/out.json'), 'utf8')) as JsonResult[];
    expect(summary(written, dir)).toEqual([['no-sync.asl.yaml', 13, 11, 'batch/require-sync', 2]]);
  });

  test('stylish to a file is not coloured', () => {
    const run = runCliFresh(dir, ['no-sync.asl.yaml', '--output-file', 'out.txt']);
    expect(run).toEqual({ status: 1, stdout: '', stderr: '' });
    const text = fs.readFileSync(path.join(dir, 'out.txt'), 'utf8');
    expect(text).toBe(runCli(dir, ['no-sync.asl.yaml']).stdout);
    expect(text).not.toMatch(ANSI);
  });
});

describe('--stdin', () => {
  test('lints standard input as --stdin-filename (absolute path in the result)', () => {
    const run = runJson(dir, ['--stdin', '--stdin-filename', 'x.asl.yaml'], NO_SYNC_YAML);
    expect(run.status).toBe(1);
    expect(run.results).toHaveLength(1);
    expect(run.results[0].filePath).toBe(path.join(dir, 'x.asl.yaml'));
    expect(summary(run.results, dir)).toEqual([['x.asl.yaml', 13, 11, 'batch/require-sync', 2]]);
  });

  test('the file name picks the parser: YAML text named .json is a fatal JSON error', () => {
    const run = runJson(dir, ['--stdin', '--stdin-filename', 'x.json'], NO_SYNC_YAML);
    expect(run.status).toBe(2);
    expect(run.results[0].messages).toEqual([expect.objectContaining({ ruleId: null, fatal: true, severity: 2, line: 1, column: 1 })]);
  });

  test('without --stdin-filename the result is named <text>, like ESLint', () => {
    const run = runJson(dir, ['--stdin'], NO_SYNC_JSON);
    expect(run.status).toBe(1);
    expect(run.results.map((r) => r.filePath)).toEqual(['<text>']);
    expect(run.results[0].messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['batch/require-sync', 11, 13]]);
  });

  test('stylish code frame comes from standard input', () => {
    const run = runCli(dir, ['--stdin', '--stdin-filename', 'sub/in.asl.yaml'], NO_SYNC_YAML);
    expect(run.stdout.split('\n').slice(1, 3)).toEqual(['   13 |           copy-assets-batch:', '      |           ^~~~~~~~~~~~~~~~~']);
    expect(run.stdout.startsWith('sub/in.asl.yaml:13:11: error ')).toBe(true);
  });
});
