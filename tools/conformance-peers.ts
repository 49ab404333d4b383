/**
 * The peer validators, run through their main API as a user runs them (statelint's full
 * `validate`, also on the cases its suite checks with the graph checker alone), on the input each accepts:
 * asl-validator and @wmfs/statelint take a definition as a JSON object (the parsed file, or each
 * definition wf-lint finds in a CloudFormation or serverless.yml file, intrinsics unresolved);
 * the AWS language service (ASLS) takes a JSON or YAML document. Each returns how many problems
 * the peer reports; a crash counts as one (the tool rejected the input).
 * Loaded only by tools/conformance.ts: the peers are dev dependencies and slow to start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { toValue } from '../src/model/ast';
import { parseSource } from '../src/sources/parse-source';
import type { ConformanceCase } from './conformance-corpora';

export type PeerName = 'asl-validator' | '@wmfs/statelint' | 'amazon-states-language-service';
export const PEER_NAMES: readonly PeerName[] = ['asl-validator', '@wmfs/statelint', 'amazon-states-language-service'];

/** The installed version of a peer, for the README's column headers. */
export function peerVersion(peer: PeerName): string {
  const manifest = require.resolve(`${peer}/package.json`, { paths: [path.resolve(__dirname, '..')] });
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Files whose whole content is one ASL definition; the others are hosts (CloudFormation, serverless.yml). */
function isPlainDefinition(c: ConformanceCase): boolean {
  return c.corpus !== 'cfn-lint' && c.corpus !== 'serverless-step-functions';
}

/**
 * The definitions a JSON-object validator is given: the parsed file (as the peers' suites
 * `require` it), or each machine wf-lint finds in a host file. Throws when the file does not parse.
 */
export function definitionsOf(c: ConformanceCase): unknown[] {
  if (isPlainDefinition(c)) return [c.filePath.endsWith('.yaml') ? parseYaml(c.text) : JSON.parse(c.text)];
  return parseSource(c.text, c.filePath).machines.map((m) => toValue(m.root.node));
}

type Validator = (definition: unknown) => number;

const aslValidator: Validator = (definition) => {
  const validator = require('asl-validator') as (d: unknown) => { isValid: boolean; errors: unknown[] };
  const { isValid, errors } = validator(definition);
  return isValid ? 0 : Math.max(1, errors.length);
};

const statelint: Validator = (definition) => {
  const create = require('@wmfs/statelint') as () => { validate(d: unknown): unknown[] };
  return create().validate(definition).length;
};

function countEach(c: ConformanceCase, validate: Validator): number {
  let definitions: unknown[];
  try {
    definitions = definitionsOf(c);
  } catch {
    return 1; // the peer's loader would throw on this file
  }
  let problems = 0;
  for (const definition of definitions) {
    try {
      // asl-validator writes defaults into its input, so each peer gets its own copy.
      problems += validate(structuredClone(definition));
    } catch {
      problems += 1;
    }
  }
  return problems;
}

interface Diagnostic {
  readonly message: string;
}

interface LanguageServiceModule {
  TextDocument: { create(uri: string, languageId: string, version: number, text: string): unknown };
  getLanguageService(params: object): { parseJSONDocument(doc: unknown): unknown; doValidation(doc: unknown, json: unknown): Promise<Diagnostic[]> };
  getYamlLanguageService(params: object): { doValidation(doc: unknown): Promise<Diagnostic[]> };
}

/** ASLS diagnostics for one JSON or YAML document, through `doValidation` as its own tests call it. */
async function languageServiceDiagnostics(text: string, yaml: boolean): Promise<number> {
  const asls = require('amazon-states-language-service') as LanguageServiceModule;
  const document = asls.TextDocument.create(`file:///definition.asl.${yaml ? 'yaml' : 'json'}`, yaml ? 'yaml' : 'json', 0, text);
  if (yaml) return (await asls.getYamlLanguageService({}).doValidation(document)).length;
  const service = asls.getLanguageService({});
  return (await service.doValidation(document, service.parseJSONDocument(document))).length;
}

async function languageService(c: ConformanceCase): Promise<number> {
  try {
    if (isPlainDefinition(c)) return await languageServiceDiagnostics(c.text, c.filePath.endsWith('.yaml'));
    let problems = 0;
    for (const definition of definitionsOf(c)) problems += await languageServiceDiagnostics(JSON.stringify(definition, null, 2), false);
    return problems;
  } catch {
    return 1;
  }
}

/** How many problems `peer` reports on the case. */
export async function peerProblems(peer: PeerName, c: ConformanceCase): Promise<number> {
  if (peer === 'asl-validator') return countEach(c, aslValidator);
  if (peer === '@wmfs/statelint') return countEach(c, statelint);
  return languageService(c);
}
