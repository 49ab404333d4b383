/**
 * Writes fixed text back safely (DESIGN §5): a file the user may not write is refused before
 * anything happens, and the new text goes to a temporary file in the same folder that is then
 * renamed over the original, with the original's mode, so a crash never leaves half a file.
 *
 * Temporary files are named `.<name>.wf-lint-<pid>-<8 hex>.tmp`, next to the file. A run killed
 * (SIGKILL, power loss) between writing and renaming one leaves it behind; nothing else can,
 * and a folder walk never lints it (a dot-file ending in `.tmp`). The original is then intact.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class WriteRefused extends Error {}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Replaces the content of `filePath` with `text`, atomically; throws `WriteRefused` when not allowed. */
export function writeFileAtomic(filePath: string, text: string): void {
  // A symbolic link stays a link: the file it points to is the one replaced.
  const target = fs.realpathSync(filePath);
  const { mode } = fs.statSync(target);
  // No write bit is refused too: root passes `access(W_OK)` on any file, but a read-only mode
  // is still the owner saying "do not change this".
  if ((mode & 0o222) === 0) throw new WriteRefused('Cannot write the fixes: the file is read-only.');
  try {
    fs.accessSync(target, fs.constants.W_OK);
  } catch {
    throw new WriteRefused('Cannot write the fixes: the file is read-only.');
  }
  // The text was decoded from the file; where the file is not valid UTF-8 the decoding replaced
  // bytes with U+FFFD, and writing it back would destroy them.
  try {
    strictUtf8.decode(fs.readFileSync(target));
  } catch (error) {
    if (error instanceof TypeError) throw new WriteRefused('Cannot write the fixes: the file is not valid UTF-8, and rewriting it would change its other bytes.');
    throw error;
  }
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
