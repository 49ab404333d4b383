/** Heavy modules load only when a run needs them (DESIGN §5): proved on a real process. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/** The third-party packages a lint of `files` loads, as seen in `require.cache`. */
function packagesLoadedBy(files: string[]): string[] {
  const script = `
    const { WfLint } = require(${JSON.stringify(path.join(root, 'dist/src/index.js'))});
    new WfLint({ cwd: ${JSON.stringify(root)} }).lintFiles(${JSON.stringify(files)}).then(() => {
      const names = new Set(Object.keys(require.cache)
        .map((f) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(f)?.[1]).filter(Boolean));
      process.stdout.write(JSON.stringify([...names].sort()));
    });`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as string[];
}

test('a run over JSON files loads neither a YAML parser, ajv, cosmiconfig nor the TypeScript compiler', () => {
  const loaded = packagesLoadedBy(['examples/asl-json']);
  expect(loaded).toContain('jsonc-parser');
  expect(loaded).not.toContain('yaml');
  expect(loaded).not.toContain('@stoplight/yaml-ast-parser');
  expect(loaded).not.toContain('ajv');
  expect(loaded).not.toContain('cosmiconfig');
  expect(loaded).not.toContain('ts-morph');
  expect(loaded).not.toContain('@ts-morph/common'); // where ts-morph's own TypeScript lives
  expect(loaded).not.toContain('typescript');
});

test('a run over a few YAML files loads yaml, and neither the fast YAML parser nor the TypeScript compiler', () => {
  // Below 32 KB of YAML, loading the fast parser would cost more than it saves (parse.ts).
  const loaded = packagesLoadedBy(['examples/asl-yaml']);
  expect(loaded).toContain('yaml');
  expect(loaded).not.toContain('@stoplight/yaml-ast-parser');
  expect(loaded).not.toContain('ts-morph');
  expect(loaded).not.toContain('@ts-morph/common'); // where ts-morph's own TypeScript lives
  expect(loaded).not.toContain('typescript');
});

test('a run over more YAML loads the fast YAML parser', () => {
  // 65 KB of YAML, all of which the fast path takes (test/formats/yaml/fast-parse*.test.ts);
  // `yaml` still loads for the first 32 KB and to render fixes.
  const loaded = packagesLoadedBy(['test/fixtures/fix/real']);
  expect(loaded).toContain('@stoplight/yaml-ast-parser');
  expect(loaded).not.toContain('ts-morph');
});

test('a run over a TypeScript file loads ts-morph, and not yaml', () => {
  const loaded = packagesLoadedBy(['test/fixtures/ts/exported-const.ts']);
  expect(loaded).toContain('ts-morph');
  expect(loaded).not.toContain('yaml');
});
