/**
 * File-system traps (issue 8), through the built CLI: a file the user cannot read, a read-only
 * file under `--fix`, a symbolic-link loop in a walked folder, a folder named like a file. Each
 * gets a per-file message or a correct lint, and nothing that is not fixed changes a byte.
 * Needs `npm run build`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { makeFixture, removeFixture } from '../cli/run-cli';
import { FIXABLE_YAML, IS_ROOT, lintJson, snapshot } from './inputs';

// Root reads any file: the unreadable-file run then drops to "nobody" (uid 65534) instead.
const NOBODY = 65534;

describe('file-system traps', () => {
  let dir: string;
  let lintOfFixable: ReturnType<typeof lintJson>;

  beforeAll(() => {
    dir = makeFixture({ 'fixable.asl.yaml': FIXABLE_YAML.toString('utf8') });
    lintOfFixable = lintJson(dir, ['fixable.asl.yaml']);
  });
  afterAll(() => {
    for (const name of ['locked.asl.yaml', 'read-only.asl.yaml']) fs.rmSync(path.join(dir, name), { force: true });
    removeFixture(dir);
  });

  test('an unreadable file is reported by name, exit 2, and is left as it is', () => {
    const file = path.join(dir, 'locked.asl.yaml');
    fs.writeFileSync(file, FIXABLE_YAML);
    fs.chmodSync(file, 0o000);
    if (IS_ROOT) fs.chmodSync(dir, 0o755);
    const run = lintJson(dir, ['--fix', 'locked.asl.yaml'], IS_ROOT ? { uid: NOBODY } : {});
    expect(run.byFile.get('locked.asl.yaml')).toEqual([[1, 1, true, 'Cannot read file: EACCES.']]);
    expect(run.status).toBe(2);
    fs.chmodSync(file, 0o644);
    expect(fs.readFileSync(file)).toEqual(FIXABLE_YAML);
  });

  test('--fix on a read-only file reports the refusal with the lint of the file, and replaces nothing', () => {
    const file = path.join(dir, 'read-only.asl.yaml');
    fs.writeFileSync(file, FIXABLE_YAML);
    fs.chmodSync(file, 0o444);
    const inode = fs.statSync(file).ino;
    const run = lintJson(dir, ['--fix', 'read-only.asl.yaml']);
    const refusal = [1, 1, false, 'Cannot write the fixes: the file is read-only.'];
    expect(run.byFile.get('read-only.asl.yaml')).toEqual([refusal, ...lintOfFixable.byFile.get('fixable.asl.yaml')!]);
    expect(run.status).toBe(1);
    expect(fs.readFileSync(file)).toEqual(FIXABLE_YAML);
    // Not replaced by an identical copy either: same inode, same mode.
    expect(fs.statSync(file).ino).toBe(inode);
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.wf-lint-'))).toEqual([]);
  });

  test('a symbolic-link loop in a walked folder: each real file linted once, a looping link reported by name', () => {
    const root = path.join(dir, 'looped');
    fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(root, 'sub', 'machine.asl.yaml'), FIXABLE_YAML);
    fs.symlinkSync('..', path.join(root, 'sub', 'parent'));
    fs.symlinkSync('self.asl.yaml', path.join(root, 'self.asl.yaml'));
    const before = snapshot(root);
    const run = lintJson(dir, ['looped']);
    expect([...run.byFile.keys()]).toEqual(['looped/self.asl.yaml', 'looped/sub/machine.asl.yaml']);
    expect(run.byFile.get('looped/self.asl.yaml')).toEqual([[1, 1, true, 'Cannot read file: ELOOP.']]);
    expect(run.byFile.get('looped/sub/machine.asl.yaml')).toEqual(lintOfFixable.byFile.get('fixable.asl.yaml'));
    expect(run.status).toBe(2);
    expect(snapshot(root)).toEqual(before);
    expect(fs.readlinkSync(path.join(root, 'self.asl.yaml'))).toBe('self.asl.yaml');
  });

  test('a folder named like a file is walked, not read, and survives --fix as a folder', () => {
    const folder = path.join(dir, 'machines.asl.json');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'inner.asl.yaml'), FIXABLE_YAML);
    const run = lintJson(dir, ['--fix', 'machines.asl.json']);
    expect([...run.byFile.keys()]).toEqual(['machines.asl.json/inner.asl.yaml']);
    expect(run.stderr).toBe('');
    expect(fs.statSync(folder).isDirectory()).toBe(true);
    // The inner file was fixed: it differs and lints without the fixable messages.
    expect(fs.readFileSync(path.join(folder, 'inner.asl.yaml'))).not.toEqual(FIXABLE_YAML);
    expect(run.byFile.get('machines.asl.json/inner.asl.yaml')!.length).toBeLessThan(lintOfFixable.byFile.get('fixable.asl.yaml')!.length);
  });
});
