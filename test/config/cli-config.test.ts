/**
 * End-to-end: configuration through the built `wf-lint` binary (DESIGN §4): cosmiconfig lookup
 * under the name `wflint`, `-c`, `--no-config-lookup`, `--print-config`, `--rule`, `extends`,
 * `overrides`, `ignores`, `settings.batch`, and configuration errors (exit 2, naming file and key).
 */
import path from 'node:path';
import {
  COMPLIANT_YAML,
  RECOMMENDED_RULES,
  WARN_ONLY_YAML,
  json,
  makeFixture,
  prefetch,
  removeFixture,
  runCli,
  runJson,
  summary,
  type RunSpec,
} from '../cli/run-cli';

/** Recommended preset, with the one rule that WARN_ONLY_YAML draws turned off. */
const RETRY_OFF = { extends: ['wf-lint:recommended'], rules: { 'batch/require-group-retry': 'off' } };
const RETRY_OFF_YAML = 'extends: [wf-lint:recommended]\nrules:\n  batch/require-group-retry: off\n';
const CLEAN = { status: 0, stdout: '', stderr: '' };

/** A flat triad whose pre-batch Lambda is called `stage-payload`, which the default matcher does not know. */
const CUSTOM_PRE_BATCH_YAML = `StartAt: stage
States:
  stage:
    Type: Task
    Resource: arn:aws:lambda:us-west-2:123456789012:function:stage-payload
    Next: job
  job:
    Type: Task
    Resource: arn:aws:states:::batch:submitJob.sync
    Parameters:
      Parameters:
        url.$: $.url
        url_out.$: $.url_out
    Next: post
    Catch:
      - ErrorEquals: [States.ALL]
        ResultPath: $.error
        Next: post
  post:
    Type: Task
    Resource: arn:aws:lambda:us-west-2:123456789012:function:post-batch
    End: true
`;

let root: string;
const at = (sub: string) => path.join(root, sub);

beforeAll(async () => {
  root = makeFixture({
    // Each folder is its own project (a package.json bounds cosmiconfig's search).
    'none/package.json': '{"name":"none"}\n',
    'none/warn.asl.yaml': WARN_ONLY_YAML,

    'rc-yml/package.json': '{"name":"rc-yml"}\n',
    'rc-yml/.wflintrc.yml': RETRY_OFF_YAML,
    'rc-yml/warn.asl.yaml': WARN_ONLY_YAML,
    'rc-yml/custom.yml': 'extends: [wf-lint:recommended]\nrules:\n  batch/require-group-retry: error\n',
    'rc-yml/sub/deeper/placeholder.txt': '',

    'rc-json/package.json': '{"name":"rc-json"}\n',
    'rc-json/.wflintrc.json': JSON.stringify(RETRY_OFF),
    'rc-json/warn.asl.yaml': WARN_ONLY_YAML,

    'config-js/package.json': '{"name":"config-js"}\n',
    'config-js/wflint.config.js': `module.exports = ${JSON.stringify(RETRY_OFF)};\n`,
    'config-js/warn.asl.yaml': WARN_ONLY_YAML,

    'pkg/package.json': JSON.stringify({ name: 'pkg', wflint: RETRY_OFF }),
    'pkg/warn.asl.yaml': WARN_ONLY_YAML,

    'config-mjs/package.json': '{"name":"config-mjs"}\n',
    'config-mjs/wflint.config.mjs': `export default ${JSON.stringify(RETRY_OFF)};\n`,
    'config-mjs/warn.asl.yaml': WARN_ONLY_YAML,

    'esm/package.json': '{"name":"esm","type":"module"}\n',
    'esm/wflint.config.js': `export default ${JSON.stringify(RETRY_OFF)};\n`,
    'esm/warn.asl.yaml': WARN_ONLY_YAML,

    'strict/package.json': '{"name":"strict"}\n',
    'strict/.wflintrc.yml': 'extends: [wf-lint:strict]\n',
    'strict/warn.asl.yaml': WARN_ONLY_YAML,

    'scoped/package.json': '{"name":"scoped"}\n',
    'scoped/.wflintrc.yml': [
      'extends: [wf-lint:recommended]',
      'ignores: ["vendor/**"]',
      'settings:',
      '  batch:',
      '    postBatch: "post-batch"',
      'overrides:',
      '  - files: ["legacy/**"]',
      '    rules:',
      '      batch/require-group-retry: off',
      '',
    ].join('\n'),
    'scoped/warn.asl.yaml': WARN_ONLY_YAML,
    'scoped/legacy/warn.asl.yaml': WARN_ONLY_YAML,
    'scoped/vendor/warn.asl.yaml': WARN_ONLY_YAML,
    'scoped/compliant.asl.yaml': COMPLIANT_YAML,

    'pre-batch/package.json': '{"name":"pre-batch"}\n',
    'pre-batch/triad.asl.yaml': CUSTOM_PRE_BATCH_YAML,
    'pre-batch/custom.yml': 'extends: [wf-lint:recommended]\nsettings:\n  batch:\n    preBatch: "stage-payload$"\n',

    'bad/package.json': '{"name":"bad"}\n',
    'bad/warn.asl.yaml': WARN_ONLY_YAML,
    'bad/bad-severity.yml': 'rules:\n  batch/require-sync: sometimes\n',
    'bad/bad-option.yml': 'rules:\n  batch/require-sync: [error, { strict: true }]\n',
    'bad/bad-extends.yml': 'extends: [wf-lint:all]\n',
    'bad/invalid.yml': 'rules: [\n',
    'bad/unknown-key.yml': 'extends: [wf-lint:recommended]\nplugins: [x]\n',
    'bad/bad-regex.yml': 'settings:\n  batch:\n    preBatch: "pre-(batch"\n',

    'lookup-error/package.json': '{"name":"lookup-error"}\n',
    'lookup-error/.wflintrc.yml': 'rules:\n  batch/no-such-rule: error\n',
    'lookup-error/warn.asl.yaml': WARN_ONLY_YAML,

    'broken-js/package.json': '{"name":"broken-js"}\n',
    'broken-js/wflint.config.js': 'module.exports = { rules: {\n',
    'broken-js/warn.asl.yaml': WARN_ONLY_YAML,
  });
  // The runs of the tests below, started concurrently; each test's own call then returns at once.
  const bad = (file: string): RunSpec => [at('bad'), ['warn.asl.yaml', '-c', file]];
  await prefetch([
    ...['none', 'rc-yml', 'rc-json', 'config-js', 'pkg', 'config-mjs', 'esm', 'lookup-error', 'broken-js'].map(
      (folder): RunSpec => [at(folder), ['warn.asl.yaml']],
    ),
    [at('rc-yml/sub/deeper'), ['../../warn.asl.yaml']],
    [at('rc-yml'), json(['warn.asl.yaml', '-c', 'custom.yml'])],
    [at('rc-yml'), json(['warn.asl.yaml', '--no-config-lookup'])],
    [at('strict'), json(['warn.asl.yaml'])],
    [at('none'), ['--print-config', 'warn.asl.yaml']],
    [at('scoped'), ['--print-config', 'warn.asl.yaml']],
    [at('scoped'), ['--print-config', 'legacy/warn.asl.yaml']],
    [at('scoped'), json([])],
    [at('pre-batch'), json(['triad.asl.yaml'])],
    [at('pre-batch'), json(['triad.asl.yaml', '-c', 'custom.yml'])],
    ...['bad-severity.yml', 'bad-option.yml', 'bad-extends.yml', 'unknown-key.yml', 'bad-regex.yml', 'invalid.yml', 'missing.yml'].map(bad),
    [at('strict'), ['warn.asl.yaml', '--rule', 'batch/require-group-retry: off']],
    [at('strict'), ['--rule', 'batch/require-group-retry: off', 'warn.asl.yaml']],
    [at('none'), ['warn.asl.yaml', '--rule', 'batch/require-group-retry']],
    [at('none'), ['warn.asl.yaml', '--rule', 'batch/no-such-rule: off']],
    [at('rc-yml'), ['warn.asl.yaml', '--rule', 'batch/require-sync: sometimes']],
  ]);
}, 120_000);
afterAll(() => removeFixture(root));

describe('configuration lookup (cosmiconfig, name "wflint")', () => {
  test('without a configuration the recommended preset applies: the warning shows', () => {
    const run = runCli(at('none'), ['warn.asl.yaml']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('warn.asl.yaml:4:3: warning ');
    expect(run.stdout).toContain('[batch/require-group-retry]');
  });

  test.each(['rc-yml', 'rc-json', 'config-js', 'pkg'])('%s: the configuration found turns the rule off', (folder) => {
    expect(runCli(at(folder), ['warn.asl.yaml'])).toEqual(CLEAN);
  });

  test('the search goes up from the working directory to the project folder', () => {
    expect(runCli(at('rc-yml/sub/deeper'), ['../../warn.asl.yaml'])).toEqual(CLEAN);
  });

  test.failing(
    // BUG: cosmiconfigSync (src/config/load.ts) cannot load ESM, so `wflint.config.mjs` is skipped
    // silently and the default preset applies (the warning shows). DESIGN §4 promises `wflint.config.*`.
    // Fix: use the async `cosmiconfig` explorer (it imports ESM), or report the unsupported file.
    'wflint.config.mjs is loaded',
    () => {
      expect(runCli(at('config-mjs'), ['warn.asl.yaml'])).toEqual(CLEAN);
    },
  );

  test(
    // Regression (was a bug): in a `"type": "module"` package, `wflint.config.js` is ESM. Node's require(esm) hands back
    // the module namespace, so validation fails with `"__esModule": Must NOT have additional
    // properties.` (exit 2). Fix: load through the async explorer, or unwrap `default`.
    'wflint.config.js in a "type": "module" package is loaded',
    () => {
      expect(runCli(at('esm'), ['warn.asl.yaml'])).toEqual(CLEAN);
    },
  );

  test('-c uses that file and no other', () => {
    const run = runJson(at('rc-yml'), ['warn.asl.yaml', '-c', 'custom.yml']);
    expect(run.status).toBe(1);
    expect(summary(run.results, at('rc-yml'))).toEqual([['warn.asl.yaml', 4, 3, 'batch/require-group-retry', 2]]);
  });

  test('--no-config-lookup ignores .wflintrc.yml and applies the recommended preset', () => {
    const run = runJson(at('rc-yml'), ['warn.asl.yaml', '--no-config-lookup']);
    expect(run.status).toBe(0);
    expect(summary(run.results, at('rc-yml'))).toEqual([['warn.asl.yaml', 4, 3, 'batch/require-group-retry', 1]]);
  });

  test('extends: [wf-lint:strict] makes every rule an error', () => {
    const run = runJson(at('strict'), ['warn.asl.yaml']);
    expect(run.status).toBe(1);
    expect(summary(run.results, at('strict'))).toEqual([['warn.asl.yaml', 4, 3, 'batch/require-group-retry', 2]]);
  });
});

describe('--print-config', () => {
  test('prints the recommended rules and empty settings as JSON, exit 0', () => {
    const run = runCli(at('none'), ['--print-config', 'warn.asl.yaml']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ rules: RECOMMENDED_RULES, settings: {} });
  });

  test('applies the file, its settings and the overrides matching the given file', () => {
    const plain = JSON.parse(runCli(at('scoped'), ['--print-config', 'warn.asl.yaml']).stdout);
    expect(plain).toEqual({ rules: RECOMMENDED_RULES, settings: { batch: { postBatch: 'post-batch' } } });
    const legacy = JSON.parse(runCli(at('scoped'), ['--print-config', 'legacy/warn.asl.yaml']).stdout);
    const { 'batch/require-group-retry': _off, ...rest } = RECOMMENDED_RULES;
    expect(legacy).toEqual({ rules: rest, settings: { batch: { postBatch: 'post-batch' } } });
  });
});

describe('overrides, ignores and settings', () => {
  test('overrides by glob turn a rule off for some files; ignores skip walked files', () => {
    const run = runJson(at('scoped'), []);
    expect(run.status).toBe(0);
    expect(run.results.map((r) => path.relative(at('scoped'), r.filePath))).toEqual([
      'compliant.asl.yaml',
      'legacy/warn.asl.yaml',
      'warn.asl.yaml',
    ]);
    expect(summary(run.results, at('scoped'))).toEqual([['warn.asl.yaml', 4, 3, 'batch/require-group-retry', 1]]);
  });

  test('settings.batch.preBatch replaces the pre-batch matcher', () => {
    const before = runJson(at('pre-batch'), ['triad.asl.yaml']);
    expect(before.status).toBe(1);
    expect(summary(before.results, at('pre-batch'))).toEqual([
      ['triad.asl.yaml', 7, 3, 'batch/require-parallel-group', 2],
      ['triad.asl.yaml', 7, 3, 'batch/require-pre-batch', 2],
    ]);
    const after = runJson(at('pre-batch'), ['triad.asl.yaml', '-c', 'custom.yml']);
    expect(after.status).toBe(1);
    expect(summary(after.results, at('pre-batch'))).toEqual([['triad.asl.yaml', 7, 3, 'batch/require-parallel-group', 2]]);
  });
});

describe('configuration errors exit 2, naming the file and the key', () => {
  const bad = (file: string) => runCli(at('bad'), ['warn.asl.yaml', '-c', file]);

  test.each([
    ['bad-severity.yml', 'rules.batch/require-sync', /^Invalid severity "sometimes"\. Expected "off", "warn", "error", 0, 1 or 2\.$/],
    ['bad-option.yml', 'rules.batch/require-sync', /^Expected (no options|at most 0 option\(s\)) but got 1\.$/],
    ['bad-extends.yml', 'extends', /^Unknown preset "wf-lint:all"\. Expected one of "wf-lint:recommended", "wf-lint:strict"\.$/],
    ['unknown-key.yml', 'plugins', /^Must NOT have additional properties\.$/],
    ['bad-regex.yml', 'settings.batch.preBatch', /^Invalid regular expression: \/pre-\(batch\/: Unterminated group\.$/],
  ])('%s: key "%s"', (file, key, detail) => {
    const run = bad(file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const prefix = `wf-lint: Configuration error in ${file}: "${key}": `;
    expect(run.stderr.slice(0, prefix.length)).toBe(prefix);
    expect(run.stderr.endsWith('\n')).toBe(true);
    expect(run.stderr.slice(prefix.length, -1)).toMatch(detail);
  });

  test('unknown rule id (in a configuration found by lookup)', () => {
    expect(runCli(at('lookup-error'), ['warn.asl.yaml'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'wf-lint: Configuration error in .wflintrc.yml: "rules.batch/no-such-rule": Unknown rule "batch/no-such-rule".\n',
    });
  });

  test('invalid YAML: exit 2, no report, the file named', () => {
    const run = bad('invalid.yml');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^wf-lint: Configuration error in \S*invalid\.yml: /);
  });

  test(
    // Regression (was a bug): src/config/load.ts keeps only the first line of cosmiconfig's error, which is
    // "YAML Error in /abs/invalid.yml:" — the reason and position are on the next lines, so the user
    // reads `"(file)": YAML Error in /abs/invalid.yml:.` Fix: keep the parser's message
    // ("unexpected end of the stream within a flow collection (2:1)").
    "invalid YAML: the message gives the parser's reason and position",
    () => {
      expect(bad('invalid.yml').stderr).toMatch(/unexpected end of the stream.*\(2:1\)/);
    },
  );

  test('-c with a missing file', () => {
    const run = bad('missing.yml');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`wf-lint: Configuration error in ${at('bad/missing.yml')}: "(file)": File not found.\n`);
  });

  test('a JavaScript configuration that does not load: exit 2, no report', () => {
    const run = runCli(at('broken-js'), ['warn.asl.yaml']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^wf-lint: Configuration error/);
  });

  test.failing(
    // BUG: a syntax error in wflint.config.js is reported as `Configuration error: "(file)":
    // Unexpected end of input.` — no file name: `errorFile` (src/config/load.ts) only finds a path when
    // the loader's message holds one. Fix: use the searched/loaded file path (cosmiconfig's
    // `error.filepath`, or search without loading and then load the file found).
    'a JavaScript configuration that does not load is named',
    () => {
      expect(runCli(at('broken-js'), ['warn.asl.yaml']).stderr).toContain('wflint.config.js');
    },
  );
});

describe('--rule', () => {
  test("--rule 'batch/require-group-retry: off' after the paths overrides the configuration", () => {
    expect(runCli(at('strict'), ['warn.asl.yaml', '--rule', 'batch/require-group-retry: off'])).toEqual(CLEAN);
  });

  test(
    // Regression (was a bug): `rule` is declared `array: true` in src/cli/main.ts, so yargs makes it greedy: in
    // `wf-lint --rule 'id: off' file.yml` the path is taken as a second --rule value and the run
    // fails with `Invalid --rule "file.yml"` (exit 2). ESLint's --rule takes one value per flag.
    // Fix: `{ type: 'string', array: true, nargs: 1 }` (or no `array` and coerce to an array).
    "--rule 'id: off' before the paths",
    () => {
      expect(runCli(at('strict'), ['--rule', 'batch/require-group-retry: off', 'warn.asl.yaml'])).toEqual(CLEAN);
    },
  );

  test('a --rule without "id: severity" is a usage error', () => {
    expect(runCli(at('none'), ['warn.asl.yaml', '--rule', 'batch/require-group-retry'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'wf-lint: Invalid --rule "batch/require-group-retry". Expected "rule-id: severity".\n',
    });
  });

  test(
    // Regression (was a bug): an unknown rule id in --rule is ignored silently (`if (!rule) continue` in
    // ConfigResolver.forFile); the run goes on and exits 0. A typo thus disables nothing without
    // notice. ESLint reports an unknown rule. Fix: validate --rule ids like configuration rules (exit 2).
    '--rule with an unknown rule id exits 2 and names it',
    () => {
      const run = runCli(at('none'), ['warn.asl.yaml', '--rule', 'batch/no-such-rule: off']);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('batch/no-such-rule');
    },
  );

  test('--rule with a bad severity exits 2', () => {
    const run = runCli(at('rc-yml'), ['warn.asl.yaml', '--rule', 'batch/require-sync: sometimes']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Invalid severity "sometimes"');
  });

  test(
    // Regression (was a bug): a bad --rule is blamed on the configuration file: `Configuration error in
    // /abs/.wflintrc.yml: "rules.batch/require-sync": Invalid severity "sometimes"` although that file
    // is valid. The CLI rules are validated in ConfigResolver.forFile with `this.loaded.filePath`.
    // Fix: validate --rule entries up front and report them as `--rule "…"` usage errors.
    '--rule with a bad severity is reported as a --rule problem, not as the config file',
    () => {
      const run = runCli(at('rc-yml'), ['warn.asl.yaml', '--rule', 'batch/require-sync: sometimes']);
      expect(run.stderr).not.toContain('.wflintrc.yml');
      expect(run.stderr).toContain('--rule');
    },
  );
});
