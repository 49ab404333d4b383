/** `--cache` / `--cache-location` on the command line: same report from the cache, file where asked. */
import fs from 'node:fs';
import path from 'node:path';
import { NO_SYNC_YAML, makeFixture, removeFixture, runCliFresh } from './run-cli';

let dir: string;
beforeAll(() => {
  dir = makeFixture({ 'broken.asl.yaml': NO_SYNC_YAML });
});
afterAll(() => removeFixture(dir));

test('--cache writes .wflintcache and a second run prints the same report from it', () => {
  const first = runCliFresh(dir, ['--cache', '.']);
  const cache = JSON.parse(fs.readFileSync(path.join(dir, '.wflintcache'), 'utf8')) as { entries: Record<string, unknown> };
  expect(Object.keys(cache.entries)).toEqual([path.join(dir, 'broken.asl.yaml')]);
  const second = runCliFresh(dir, ['--cache', '.']);
  expect(second).toEqual(first);
  expect(first.stdout).toContain('broken.asl.yaml:13:11: error');
  expect(first.status).toBe(1);
});

test('--cache-location puts the cache where asked', () => {
  const run = runCliFresh(dir, ['--cache', '--cache-location', 'build/wf-lint-cache', 'broken.asl.yaml']);
  expect(run.status).toBe(1);
  expect(fs.existsSync(path.join(dir, 'build/wf-lint-cache'))).toBe(true);
});
