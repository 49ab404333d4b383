/**
 * `lintFiles` results do not hold the file's text: `source` reads the file again when a
 * formatter asks (issue 8, memory at scale), and gives nothing rather than a wrong code frame
 * when the file changed since it was linted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { WfLint } from '../../src';
import { COMPLIANT_YAML, NO_SYNC_YAML, makeFixture, removeFixture } from '../cli/run-cli';

let dir: string;
let file: string;
beforeEach(() => {
  dir = makeFixture({ 'broken.asl.yaml': NO_SYNC_YAML, 'ok.asl.yaml': COMPLIANT_YAML });
  file = path.join(dir, 'broken.asl.yaml');
});
afterEach(() => removeFixture(dir));

async function lintBroken() {
  const api = new WfLint({ cwd: dir, configLookup: false, concurrency: 'off' });
  const results = await api.lintFiles(['broken.asl.yaml', 'ok.asl.yaml']);
  return { api, broken: results[0], ok: results[1] };
}

test('source is the text that was linted, for a result with messages only', async () => {
  const { broken, ok } = await lintBroken();
  expect(broken.filePath).toBe(file);
  expect(broken.messages.map((m) => m.ruleId)).toEqual(['batch/require-sync']);
  expect(broken.source).toBe(NO_SYNC_YAML);
  expect(Object.keys(broken)).toContain('source');
  expect(ok.messages).toEqual([]);
  expect(ok.source).toBeUndefined();
});

test('a copy of the result carries the text, and assigning source replaces it', async () => {
  const { broken } = await lintBroken();
  expect({ ...broken }.source).toBe(NO_SYNC_YAML);
  broken.source = 'StartAt: x\n';
  expect(broken.source).toBe('StartAt: x\n');
});

test('stylish prints the code frame from the file on disk', async () => {
  const { api, broken } = await lintBroken();
  const line = broken.messages[0].line;
  const report = (await api.loadFormatter('stylish')).format([broken]);
  expect(report).toContain(`${String(line).padStart(5)} | ${NO_SYNC_YAML.split('\n')[line - 1]}`);
});

test('a file changed after the lint gives no source and no code frame, not a wrong one', async () => {
  const { api, broken } = await lintBroken();
  fs.writeFileSync(file, `# edited\n${NO_SYNC_YAML}`);
  expect(broken.source).toBeUndefined();
  const report = (await api.loadFormatter('stylish')).format([broken]);
  expect(report).toContain('broken.asl.yaml:');
  expect(report).not.toContain(' | ');
});

test('the JSON report neither includes nor needs the text', async () => {
  const { api, broken } = await lintBroken();
  fs.rmSync(file);
  const parsed = JSON.parse((await api.loadFormatter('json')).format([broken])) as Record<string, unknown>[];
  expect(Object.keys(parsed[0])).toEqual(['filePath', 'messages', 'suppressedMessages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount']);
  expect(parsed[0].messages).toEqual(broken.messages);
});
