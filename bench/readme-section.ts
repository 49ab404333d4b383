/**
 * Puts the benchmark's tables into README.md, between `<!-- bench:begin -->` and
 * `<!-- bench:end -->` (the section keeps its place; nothing outside the markers changes), so the
 * README always quotes the latest `npm run bench` and never a hand-copied figure.
 */
import fs from 'node:fs';

const BEGIN = '<!-- bench:begin -->';
const END = '<!-- bench:end -->';

/**
 * The README section: a sentence on where the figures come from, then the tables of
 * bench/results.md (targets, peers, scaling), which start at the first table row, and the
 * line giving the ceiling the parse floor sets.
 */
export function readmeSection(resultsMarkdown: string, summary: { definitions: number; nproc: number; node: string; date: string }): string {
  const lines = resultsMarkdown.split('\n');
  const first = lines.findIndex((l) => l.startsWith('| Measure'));
  const last = lines.findIndex((l, i) => i > first && l.startsWith('Ceiling set by the floor'));
  // The tables, then the floor's ceiling: it explains a throughput the parsers alone cap.
  const tables = [lines.slice(first, last === -1 ? undefined : last).join('\n').trim(), ...(last === -1 ? [] : ['', lines[last]])].join('\n');
  return [
    `\`npm run bench\` (${summary.definitions.toLocaleString('en-US')} generated definitions in six formats, sized after the real workflows in`,
    '`shared/corpus/real`; full method and figures in [bench/results.md](bench/results.md)). Latest run, on',
    `a ${summary.nproc}-core machine with Node ${summary.node.replace(/^v(\d+).*/, '$1')} (${summary.date.slice(0, 10)}); the machine is shared, so compare ratios, not times:`,
    '',
    tables,
  ].join('\n');
}

/** Replaces the text between the markers of `readmePath`; false when the markers are missing. */
export function updateReadme(readmePath: string, section: string): boolean {
  const text = fs.readFileSync(readmePath, 'utf8');
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin === -1 || end < begin) return false;
  fs.writeFileSync(readmePath, `${text.slice(0, begin + BEGIN.length)}\n${section}\n${text.slice(end)}`);
  return true;
}
