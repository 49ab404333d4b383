/**
 * Conformance of the ASL path parser with asl-path-validator's table (79 expressions × 4
 * contexts). Every label must agree, except where AWS's documentation says otherwise: those
 * are listed in AWS_DISAGREES with the reason, and asserted the AWS way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkPath } from '../../src/asl/paths';
import { checkPayloadTemplate } from '../../src/asl/paths-payload-template';

type PeerContext = 'path' | 'reference_path' | 'result_path' | 'payload_template';

interface PeerCase {
  readonly path: string;
  readonly valid_in: readonly PeerContext[];
  readonly invalid_in: readonly PeerContext[];
}

const table = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../shared/corpus/peers/asl-path-validator/paths.json'), 'utf8')) as { cases: PeerCase[] };

const CHECKS: Readonly<Record<PeerContext, (text: string) => unknown>> = {
  path: (text) => checkPath(text, 'path'),
  reference_path: (text) => checkPath(text, 'reference-path'),
  result_path: (text) => checkPath(text, 'result-path'),
  payload_template: (text) => checkPayloadTemplate(text, { pathContext: 'path' }),
};

/**
 * AWS's reference-path section lists `$.jar[?(@.a >= 5)]` as a reference path ("The following
 * reference paths would return the following: … $.jar[?(@.a >= 5)] => [{"a": 5}, {"a": 7}]",
 * https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html#amazon-states-language-reference-paths),
 * so a filter is accepted in reference paths (`ItemsPath`, `*SecondsPath` …), where the peer
 * rejects it. `ResultPath` still rejects it: it must name the one node it writes.
 */
const FILTER_IN_REFERENCE_PATH = 'AWS documents filters as valid reference paths';
const AWS_DISAGREES: Readonly<Record<string, { readonly context: PeerContext; readonly reason: string }>> = {
  '$.library.movies[?(@.genre)]': { context: 'reference_path', reason: FILTER_IN_REFERENCE_PATH },
  '$.library.movies[?(@.year == 1992)]': { context: 'reference_path', reason: FILTER_IN_REFERENCE_PATH },
  '$.library.movies[?(@.year >= 1992)]': { context: 'reference_path', reason: FILTER_IN_REFERENCE_PATH },
  '$.book[?(@.isbn)]': { context: 'reference_path', reason: FILTER_IN_REFERENCE_PATH },
  '$.store.book[?(@.price < 10)]': { context: 'reference_path', reason: FILTER_IN_REFERENCE_PATH },
  '$.store.book[?(@.price < -10)]': { context: 'reference_path', reason: FILTER_IN_REFERENCE_PATH },
  '$[?(@.key1 == pass)].key1.thing2': { context: 'reference_path', reason: FILTER_IN_REFERENCE_PATH },
  '$[?(@.key1.thing1 == pass)]': { context: 'reference_path', reason: FILTER_IN_REFERENCE_PATH },
};

const labels = table.cases.flatMap((c) => [
  ...c.valid_in.map((context) => ({ text: c.path, context, peerValid: true })),
  ...c.invalid_in.map((context) => ({ text: c.path, context, peerValid: false })),
]);

describe('asl-path-validator paths.json', () => {
  test('holds the 316 labels this suite was written against', () => {
    expect(table.cases).toHaveLength(79);
    expect(labels).toHaveLength(316);
  });

  test.each(labels.map((l) => [l.context, l.text, l.peerValid] as const))('%s %s (peer valid: %s)', (context, text, peerValid) => {
    const exception = AWS_DISAGREES[text];
    const expectValid = exception?.context === context ? !peerValid : peerValid;
    const problem = CHECKS[context](text);
    if (expectValid) expect(problem).toBeUndefined();
    else expect(problem).toEqual({ message: expect.stringMatching(/^[A-Z"].*[^.]$/), offset: expect.any(Number) });
  });

  test('every documented disagreement names a label of the table', () => {
    for (const [text, { context }] of Object.entries(AWS_DISAGREES)) {
      expect(labels.some((l) => l.text === text && l.context === context && !l.peerValid)).toBe(true);
    }
  });
});
