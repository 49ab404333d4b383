/**
 * The AWS language service's path diagnostics, position for position: wherever ASLS says "must
 * be a valid JSONPath or intrinsic function", asl/valid-paths reports at the same value, and it
 * reports nothing more in those documents, except where AWS disagrees with ASLS (listed below).
 */
import fs from 'node:fs';
import path from 'node:path';
import validPaths from '../../rules/asl/valid-paths';
import { lintWith } from '../harness';

interface AslsCase {
  readonly file: string;
  readonly diagnostics: readonly { readonly message: string; readonly start: readonly [number, number] }[];
}

const root = path.resolve(__dirname, '../../../shared/corpus/peers/amazon-states-language-service');
const expectations = JSON.parse(fs.readFileSync(path.join(root, 'expectations.json'), 'utf8')) as { cases: AslsCase[] };

const PATH_MESSAGE = /^The value for the field must be a valid JSONPath or (an )?intrinsic function expression/;
// ASLS puts its `ErrorPath`/`CausePath` diagnostic on the key; wf-lint puts every value problem on
// the value, so for those only the line is compared.
const AT_KEY = /that returns a string/;

/**
 * The YAML twins of the valid intrinsic-function documents lost their commas in extraction:
 * `States.Format($.template $.firstName $.lastName)`. AWS separates intrinsic arguments with
 * commas (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html), so
 * these values are reported although ASLS accepts them.
 */
const AWS_REJECTS: Readonly<Record<string, readonly string[]>> = {
  'yaml/documentValidParametersIntrinsicFunction.asl.yaml': ['10:21', '13:21'],
  'yaml/documentValidResultSelectorIntrinsicFunction.asl.yaml': ['10:21', '13:21'],
};

// Every document whose name says it is about paths or intrinsics, valid or not.
const cases = expectations.cases.filter((c) => /Parameters|ResultSelector|ErrorPath|CausePath/.test(c.file));

test('covers the ASLS path and intrinsic documents', () => {
  expect(cases.length).toBeGreaterThanOrEqual(20);
  expect(cases.some((c) => c.diagnostics.some((d) => PATH_MESSAGE.test(d.message)))).toBe(true);
});

test.each(cases.map((c) => [c.file, c] as const))('%s', (file, c) => {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const pathDiagnostics = c.diagnostics.filter((d) => PATH_MESSAGE.test(d.message));
  const lineOnly = pathDiagnostics.some((d) => AT_KEY.test(d.message));
  const at = (line: number, column: number) => (lineOnly ? `${line}` : `${line}:${column}`);
  const reported = lintWith('asl/valid-paths', validPaths, text, path.basename(file)).map((m) => at(m.line, m.column));
  const expected = pathDiagnostics.map((d) => at(d.start[0] + 1, d.start[1] + 1));
  expect(reported.sort()).toEqual([...expected, ...(AWS_REJECTS[file] ?? [])].sort());
});
