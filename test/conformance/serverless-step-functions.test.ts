/**
 * Conformance with serverless-step-functions' integration fixtures
 * (../shared/corpus/peers/serverless-step-functions): every `serverless.yml` is deployed by the
 * plugin's CI, so every state machine in them is valid. wf-lint must find each machine under
 * `stepFunctions.stateMachines.*.definition` and report no ASL error on any.
 */
import fs from 'node:fs';
import { parseDocument } from 'yaml';
import { parseSource } from '../../src/sources/parse-source';
import { loadCorpus } from '../../tools/conformance-corpora';
import { runCorpus } from './run-corpus';

runCorpus({ corpus: 'serverless-step-functions', knownDifferences: {}, areasOf: () => [] });

/** The machine names under stepFunctions.stateMachines that carry a definition, read with `yaml` directly. */
function declaredMachines(text: string): string[] {
  const document = parseDocument(text, { logLevel: 'silent' }).toJS() as { stepFunctions?: { stateMachines?: Record<string, { definition?: unknown }> } };
  return Object.entries(document.stepFunctions?.stateMachines ?? {})
    .filter(([, machine]) => machine?.definition !== undefined)
    .map(([name]) => name);
}

const cases = loadCorpus('serverless-step-functions');

test('the corpus holds the 13 fixture serverless.yml files', () => {
  expect(cases).toHaveLength(13);
});

test.each(cases.map((c) => [c.id, c] as const))('%s: every declared state machine is found', (_id, c) => {
  const declared = declaredMachines(fs.readFileSync(c.filePath, 'utf8'));
  expect(declared.length).toBeGreaterThan(0);
  const source = parseSource(c.text, c.filePath);
  expect(source.errors).toEqual([]);
  expect(source.machines.map((m) => m.host.kind)).toEqual(declared.map(() => 'serverless'));
  expect(source.machines).toHaveLength(declared.length);
});
