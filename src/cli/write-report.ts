/**
 * Writes a report that comes in pieces to standard output or to the `-o` file, a batch of pieces
 * at a time: the whole report is never one string (issue 8, peak RSS), and the few hundred
 * writes of 64 KiB cost less than the thousands of one piece each would.
 */
import fs from 'node:fs';
import path from 'node:path';

const BATCH_CHARS = 64 * 1024;

/** Writes the concatenation of `pieces` to `outputFile` (created with its folder) or else to `stdout`. */
export function writeReport(pieces: Iterable<string>, outputFile: string | undefined, stdout: NodeJS.WritableStream): void {
  const fd = outputFile === undefined ? undefined : openReportFile(outputFile);
  // writeFileSync on a descriptor writes all of the text at the current position, looping if need be.
  const write = fd === undefined ? (text: string) => stdout.write(text) : (text: string) => fs.writeFileSync(fd, text);
  try {
    let batch: string[] = [];
    let chars = 0;
    for (const piece of pieces) {
      batch.push(piece);
      chars += piece.length;
      if (chars >= BATCH_CHARS) {
        write(batch.join(''));
        batch = [];
        chars = 0;
      }
    }
    // An empty report still creates (or empties) the -o file, and writes nothing to stdout.
    if (chars > 0) write(batch.join(''));
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function openReportFile(outputFile: string): number {
  fs.mkdirSync(path.dirname(path.resolve(outputFile)), { recursive: true });
  return fs.openSync(outputFile, 'w');
}
