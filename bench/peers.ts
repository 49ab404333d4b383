/**
 * The peers, side by side with wf-lint on the same definitions (issue 8): `asl-validator`,
 * `@wmfs/statelint` and AWS's `amazon-states-language-service` (`doValidation`, the engine of
 * the VS Code and Toolkit editors), all installed as dev dependencies.
 *
 * The peers read plain ASL only, so the sample is drawn from the corpus's `asl-json/` and
 * `asl-yaml/` folders (every n-th file, half JSON and half YAML). Each tool gets the file's text
 * and pays for its own parse (JSON.parse / yaml `parse` for the two that take an object; the
 * language service parses its document itself); wf-lint lints the same files through its API.
 * asl-validator compiles its JSON schemas on every call (~0.1-1 s), so the sample is small; the
 * figures are milliseconds per definition, which is what the targets compare.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { WfLint } from '../src/api/wf-lint';

export interface PeerTiming {
  readonly tool: string;
  readonly definitions: number;
  readonly msPerDefinition: number;
  /** Definitions the tool reported at least one problem in (a sanity check that it ran). */
  readonly flagged: number;
}

type AslValidator = (definition: unknown, options?: { checkArn?: boolean; checkPaths?: boolean }) => { isValid: boolean };
type StateLint = { validate(definition: unknown): unknown[] };

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Every `step`-th plain ASL file of the corpus, JSON and YAML alternately, `count` in all. */
export function peerSample(corpus: string, count: number): string[] {
  const list = (folder: string) => listRecursive(path.join(corpus, folder)).filter((f) => /\.(json|ya?ml)$/.test(f)).sort();
  const json = list('asl-json');
  const yaml = list('asl-yaml');
  const half = Math.ceil(count / 2);
  const every = (files: string[]) => files.filter((_, i) => i % Math.max(1, Math.floor(files.length / half)) === 0).slice(0, half);
  return [...every(json), ...every(yaml)];
}

function listRecursive(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listRecursive(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const load = (file: string): unknown => {
  const text = fs.readFileSync(file, 'utf8');
  return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
};

function timeEach(tool: string, files: readonly string[], check: (file: string) => boolean): PeerTiming {
  check(files[0]); // warm-up: module loading and first-call compilation are not per-definition costs
  let flagged = 0;
  const start = now();
  for (const file of files) if (check(file)) flagged++;
  return { tool, definitions: files.length, msPerDefinition: (now() - start) / files.length, flagged };
}

async function timeEachAsync(tool: string, files: readonly string[], check: (file: string) => Promise<boolean>): Promise<PeerTiming> {
  await check(files[0]);
  let flagged = 0;
  const start = now();
  for (const file of files) if (await check(file)) flagged++;
  return { tool, definitions: files.length, msPerDefinition: (now() - start) / files.length, flagged };
}

/** wf-lint and the three peers on `files`; wf-lint is timed over `repeat` passes (it is too quick for one). */
export async function comparePeers(files: readonly string[], repeat = 5): Promise<PeerTiming[]> {
  const api = new WfLint({ configLookup: false, ignore: false, concurrency: 'off' });
  await api.lintFiles([files[0]]);
  let flagged = 0;
  const start = now();
  for (let i = 0; i < repeat; i++) {
    const results = await api.lintFiles(files);
    flagged = results.filter((r) => r.messages.length > 0).length;
  }
  const wfLint: PeerTiming = { tool: 'wf-lint', definitions: files.length, msPerDefinition: (now() - start) / (files.length * repeat), flagged };

  // eslint-style lazy requires: the peers are dev dependencies, loaded only by the bench.
  const aslValidator = require('asl-validator') as AslValidator;
  const statelint = (require('@wmfs/statelint') as () => StateLint)();
  const asls = require('amazon-states-language-service') as {
    getLanguageService(params: object): LanguageService;
    getYamlLanguageService(params: object): LanguageService;
  };
  const { TextDocument } = require('vscode-languageserver-textdocument') as {
    TextDocument: { create(uri: string, languageId: string, version: number, text: string): unknown };
  };
  const jsonService = asls.getLanguageService({});
  const yamlService = asls.getYamlLanguageService({});

  const peers = [
    timeEach('asl-validator', files, (file) => !aslValidator(load(file), { checkArn: false }).isValid),
    timeEach('@wmfs/statelint', files, (file) => statelint.validate(load(file)).length > 0),
    await timeEachAsync('amazon-states-language-service', files, async (file) => {
      const yaml = !file.endsWith('.json');
      const doc = TextDocument.create(`file://${file}`, yaml ? 'asl-yaml' : 'asl', 1, fs.readFileSync(file, 'utf8'));
      const service = yaml ? yamlService : jsonService;
      const diagnostics = await service.doValidation(doc, service.parseJSONDocument(doc));
      return diagnostics.length > 0;
    }),
  ];
  return [wfLint, ...peers];
}

interface LanguageService {
  parseJSONDocument(document: unknown): unknown;
  doValidation(document: unknown, jsonDocument: unknown): Promise<unknown[]>;
}
