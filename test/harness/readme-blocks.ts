/** Fenced blocks of the README that tests run, so the README shows what the tool does. */
import fs from 'node:fs';
import path from 'node:path';

const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

/** The README block fenced as "```<lang> <tag>…". */
export function readmeBlock(tag: string): string {
  const match = new RegExp('^```\\w+ ' + tag + '(?: [^\\n]*)?\\n([^]*?)^```$', 'm').exec(readme);
  if (!match) throw new Error(`README.md has no "${tag}" block.`);
  return match[1];
}
