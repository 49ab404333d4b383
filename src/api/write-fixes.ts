/**
 * Writes fixed text back safely (DESIGN §5): a file the user may not write is refused before
 * anything happens, and the new text goes to a temporary file in the same folder that is then
 * renamed over the original, with the original's mode, so a crash never leaves half a file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class WriteRefused extends Error {}

/** Replaces the content of `filePath` with `text`, atomically; throws `WriteRefused` when not allowed. */
export function writeFileAtomic(filePath: string, text: string): void {
  // A symbolic link stays a link: the file it points to is the one replaced.
  const target = fs.realpathSync(filePath);
  try {
    fs.accessSync(target, fs.constants.W_OK);
  } catch {
    throw new WriteRefused('Cannot write the fixes: the file is read-only.');
  }
  const { mode } = fs.statSync(target);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.wf-lint-${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temp, text, { mode: mode & 0o7777, flag: 'wx' });
    // The umask may have narrowed the mode given at creation.
    fs.chmodSync(temp, mode & 0o7777);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new WriteRefused(`Cannot write the fixes: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
}
