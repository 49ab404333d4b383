/**
 * The labelled files of the peer validators' test corpora (../shared/corpus/peers, see its
 * SOURCES.md), read in place: one `ConformanceCase` per labelled file, with the text every tool
 * is given and the problems the peer's own suite pins. Shared by the conformance tests and by
 * `tools/conformance.ts`, so the README's scores and the tests count the same cases.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The repository's parent's `shared/corpus/peers`, from tools/ (ts-jest) or dist/tools/ (compiled). */
export const PEERS_DIR = [path.resolve(__dirname, '..', '..', 'shared', 'corpus', 'peers'), path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'peers')].find(
  (dir) => fs.existsSync(dir),
) as string;

export type CorpusName =
  | 'asl-validator'
  | 'wmfs-statelint'
  | 'awslabs-statelint'
  | 'amazon-states-language-service'
  | 'cfn-lint'
  | 'serverless-step-functions';

/** In README order. `asl-path-validator` is a path-expression table, covered by the asl-paths tests. */
export const CORPUS_NAMES: readonly CorpusName[] = [
  'asl-validator',
  'wmfs-statelint',
  'awslabs-statelint',
  'amazon-states-language-service',
  'cfn-lint',
  'serverless-step-functions',
];

export type Label = 'valid' | 'invalid';

export interface ConformanceCase {
  readonly corpus: CorpusName;
  /** The file's path inside the corpus folder, as `expectations.json` names it (corpus-relative). */
  readonly id: string;
  /** Absolute path of the labelled file. */
  readonly filePath: string;
  readonly label: Label;
  /** What every tool is given: the file's text, or the fragment wrapped into a machine (see `wrapFragment`). */
  readonly text: string;
  /** Set when the labelled file is a lone state fragment that was wrapped into a one-state machine. */
  readonly wrapped: boolean;
  /** The problems the peer's suite pins for this file: messages, message substrings or error codes. */
  readonly pinned: readonly string[];
}

interface Expectations {
  readonly cases: readonly Record<string, unknown>[];
}

function readExpectations(corpus: CorpusName): Expectations {
  return JSON.parse(fs.readFileSync(path.join(PEERS_DIR, corpus, 'expectations.json'), 'utf8')) as Expectations;
}

function caseOf(corpus: CorpusName, id: string, label: Label, pinned: readonly string[]): ConformanceCase {
  const filePath = path.join(PEERS_DIR, corpus, id);
  const original = fs.readFileSync(filePath, 'utf8');
  const text = wrapFragment(original);
  return { corpus, id, filePath, label, text: text ?? original, wrapped: text !== undefined, pinned };
}

/**
 * statelint's `state_node_test.js` checks some bare state fragments (`{"Retry": [...]}`) with its
 * graph checker alone. A linter of whole files needs a machine, so such a fragment becomes the
 * fields of the only state of `{StartAt: "Fragment", States: {Fragment: {Type: Task, ...}}}`, plus
 * a Succeed state for each Catch target it names; every tool is given this same machine.
 * Returns undefined for a text that is not such a fragment.
 */
export function wrapFragment(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const fragment = value as Record<string, unknown>;
  if ('StartAt' in fragment || 'States' in fragment || !('Retry' in fragment || 'Catch' in fragment)) return undefined;
  const targets = Array.isArray(fragment.Catch) ? fragment.Catch.map((c) => (c as { Next?: unknown }).Next).filter((n): n is string => typeof n === 'string') : [];
  const states: Record<string, unknown> = {
    Fragment: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:fragment', ...fragment, End: true },
  };
  for (const target of targets) states[target] = { Type: 'Succeed' };
  return `${JSON.stringify({ StartAt: 'Fragment', States: states }, null, 2)}\n`;
}

const label = (expected: unknown): Label => (expected === 'invalid' ? 'invalid' : 'valid');

function aslValidator(): ConformanceCase[] {
  return readExpectations('asl-validator').cases.map((c) => {
    const first = (c.expected_first_errors as { 'Error code': string; Message: string }[] | undefined) ?? [];
    return caseOf('asl-validator', String(c.file), label(c.expected), first.map((e) => `${e['Error code']}: ${e.Message}`));
  });
}

/** wmfs/statelint and awslabs/statelint: expected message substrings, in order. */
function statelint(corpus: 'wmfs-statelint' | 'awslabs-statelint'): ConformanceCase[] {
  return readExpectations(corpus).cases.map((c) => {
    const substrings = (c.expected_message_substrings as { text: string }[]).map((m) => m.text);
    return caseOf(corpus, String(c.file), label(c.expected), substrings);
  });
}

/** ASLS: the full diagnostic list; "valid-after-filter" documents only drop messages never produced, so they are valid. */
function languageService(): ConformanceCase[] {
  return readExpectations('amazon-states-language-service').cases.map((c) => {
    const messages = (c.diagnostics as { message: string }[]).map((d) => d.message);
    return caseOf('amazon-states-language-service', String(c.file), label(c.expected), messages);
  });
}

/** cfn-lint: the E3601 cases, plus the template its suite keeps under `templates/good`. */
function cfnLint(): ConformanceCase[] {
  const cases = readExpectations('cfn-lint').cases.map((c) => {
    const errors = (c.expected_errors as { message: string }[]).map((e) => e.message);
    return caseOf('cfn-lint', String(c.file), label(c.expected), errors);
  });
  const templates = fs.readdirSync(path.join(PEERS_DIR, 'cfn-lint', 'templates')).filter((f) => f.startsWith('good-'));
  return [...cases, ...templates.map((f) => caseOf('cfn-lint', `templates/${f}`, 'valid', []))];
}

/** serverless-step-functions: every fixture `serverless.yml` is deployed by the plugin's CI, so all are valid. */
function serverless(): ConformanceCase[] {
  const fixtures = path.join(PEERS_DIR, 'serverless-step-functions', 'fixtures');
  return fs
    .readdirSync(fixtures)
    .filter((d) => fs.existsSync(path.join(fixtures, d, 'serverless.yml')))
    .sort()
    .map((d) => caseOf('serverless-step-functions', `fixtures/${d}/serverless.yml`, 'valid', []));
}

const LOADERS: Record<CorpusName, () => ConformanceCase[]> = {
  'asl-validator': aslValidator,
  'wmfs-statelint': () => statelint('wmfs-statelint'),
  'awslabs-statelint': () => statelint('awslabs-statelint'),
  'amazon-states-language-service': languageService,
  'cfn-lint': cfnLint,
  'serverless-step-functions': serverless,
};

/** Every labelled case of `corpus`, in the order of its expectations.json. */
export function loadCorpus(corpus: CorpusName): ConformanceCase[] {
  return LOADERS[corpus]();
}
