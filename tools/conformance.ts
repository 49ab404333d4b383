/**
 * Scores wf-lint and the peer validators on every labelled file of the peer corpora and writes
 * the table to tools/conformance-results.md and to README.md between its conformance markers.
 * `npm run conformance`. test/conformance/readme-table.test.ts keeps the wf-lint column honest.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CORPUS_NAMES, loadCorpus, type ConformanceCase, type CorpusName } from './conformance-corpora';
import { PEER_NAMES, peerProblems, peerVersion, type PeerName } from './conformance-peers';
import { agreesWithLabel, errorsOf, lintCase } from './conformance-wf-lint';

export const BEGIN = '<!-- conformance:begin -->';
export const END = '<!-- conformance:end -->';

/** The corpora a peer is scored on: all but the Ruby statelint's, which is scored for wf-lint only. */
function peerRuns(corpus: CorpusName): boolean {
  return corpus !== 'awslabs-statelint';
}

export interface CorpusScore {
  readonly corpus: CorpusName;
  readonly cases: number;
  readonly wfLint: number;
  /** Agreements per peer; undefined where the peer is not scored. */
  readonly peers: Readonly<Partial<Record<PeerName, number>>>;
}

async function agreements(cases: readonly ConformanceCase[], problems: (c: ConformanceCase) => Promise<number>): Promise<number> {
  let agreed = 0;
  for (const c of cases) if (agreesWithLabel(c.label, await problems(c))) agreed++;
  return agreed;
}

async function score(corpus: CorpusName): Promise<CorpusScore> {
  const cases = loadCorpus(corpus);
  const wfLint = await agreements(cases, async (c) => errorsOf(await lintCase(c)).length);
  const peers: Partial<Record<PeerName, number>> = {};
  if (peerRuns(corpus)) for (const peer of PEER_NAMES) peers[peer] = await agreements(cases, (c) => peerProblems(peer, c));
  return { corpus, cases: cases.length, wfLint, peers };
}

const PEER_TITLES: Readonly<Record<PeerName, string>> = {
  'asl-validator': 'asl-validator',
  '@wmfs/statelint': '@wmfs/statelint',
  'amazon-states-language-service': 'ASLS',
};

/** `agreed/cases`, the form the README test reads back. */
export function cell(agreed: number | undefined, cases: number): string {
  return agreed === undefined ? '—' : `${agreed}/${cases}`;
}

/** The Markdown table: one row per corpus, wf-lint first, then each peer with its version. */
export function scoreTable(scores: readonly CorpusScore[], versions: Readonly<Record<PeerName, string>>): string {
  const header = ['corpus (labelled files)', 'wf-lint', ...PEER_NAMES.map((p) => `${PEER_TITLES[p]} ${versions[p]}`)];
  const rows = scores.map((s) => [`\`${s.corpus}\` (${s.cases})`, cell(s.wfLint, s.cases), ...PEER_NAMES.map((p) => cell(s.peers[p], s.cases))]);
  const total = (pick: (s: CorpusScore) => number | undefined) => {
    const scored = scores.filter((s) => pick(s) !== undefined);
    return cell(scored.reduce((n, s) => n + (pick(s) ?? 0), 0), scored.reduce((n, s) => n + s.cases, 0));
  };
  const totals = ['all', total((s) => s.wfLint), ...PEER_NAMES.map((p) => total((s) => s.peers[p]))];
  return [header, header.map(() => '---'), ...rows, totals].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** The README section's body: how agreement is counted, the command, the table. */
export function section(table: string): string {
  return [
    'Each peer validator\'s own test corpus (`../shared/corpus/peers`, labels from its suite in `expectations.json`), linted by',
    'every tool: a tool agrees with a label when a file labelled valid draws no error from it and a file labelled invalid at',
    'least one. wf-lint runs with `wf-lint:recommended` and counts its ASL errors (the `batch/*` contract rules are left out);',
    'asl-validator and `@wmfs/statelint` get each definition as a JSON object, ASLS each JSON or YAML document. The Ruby',
    '`awslabs/statelint` cannot run here, so its corpus is scored for wf-lint only. Every file where wf-lint and a label',
    'differ is listed in `test/conformance/` with the AWS behaviour that decides it: mostly fixtures that a peer calls valid',
    'but AWS rejects (a placeholder `Resource` such as `foo:bar`, duplicate state names across branches, a JSONPath state in',
    'a JSONata machine) and peer checks stricter than AWS. Regenerate with `npm run conformance`.',
    '',
    table,
  ].join('\n');
}

/** The README text with a fresh section between the markers. */
export function withConformanceSection(readme: string, body: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1) throw new Error(`README.md lacks the ${BEGIN} / ${END} markers.`);
  return `${readme.slice(0, start + BEGIN.length)}\n${body}\n${readme.slice(end)}`;
}

async function main(): Promise<void> {
  // Compiled to dist/tools/, two levels below the package root.
  const root = path.resolve(__dirname, '..', '..');
  const scores: CorpusScore[] = [];
  for (const corpus of CORPUS_NAMES) scores.push(await score(corpus));
  const versions = Object.fromEntries(PEER_NAMES.map((p) => [p, peerVersion(p)])) as Record<PeerName, string>;
  const table = scoreTable(scores, versions);
  fs.writeFileSync(path.join(root, 'tools', 'conformance-results.md'), `# Agreement with other validators\n\n${section(table)}\n`);
  const readme = path.join(root, 'README.md');
  fs.writeFileSync(readme, withConformanceSection(fs.readFileSync(readme, 'utf8'), section(table)));
  process.stdout.write(`${table}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
