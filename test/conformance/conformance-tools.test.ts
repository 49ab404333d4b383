/** The pieces of tools/conformance*.ts that are not exercised by linting the corpora. */
import { wrapFragment } from '../../tools/conformance-corpora';
import { BEGIN, END, scoreTable, withConformanceSection } from '../../tools/conformance';
import { agreesWithLabel } from '../../tools/conformance-wf-lint';

describe('wrapFragment', () => {
  test('puts a Catch fragment into a one-Task machine, with a Succeed state per catcher target', () => {
    const fragment = { Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Zumba' }, { ErrorEquals: ['Other'], Next: 'Insanity' }] };
    expect(JSON.parse(wrapFragment(JSON.stringify(fragment)) ?? 'null')).toEqual({
      StartAt: 'Fragment',
      States: {
        Fragment: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:fragment', ...fragment, End: true },
        Zumba: { Type: 'Succeed' },
        Insanity: { Type: 'Succeed' },
      },
    });
  });

  test('leaves machines, other objects and non-JSON alone', () => {
    expect(wrapFragment('{"StartAt": "A", "States": {}}')).toBeUndefined();
    expect(wrapFragment('{"Comment": "x"}')).toBeUndefined();
    expect(wrapFragment('StartAt: A')).toBeUndefined();
    expect(wrapFragment('[{"Retry": []}]')).toBeUndefined();
  });
});

test('a valid label agrees with zero errors only, an invalid label with one or more', () => {
  expect([agreesWithLabel('valid', 0), agreesWithLabel('valid', 1), agreesWithLabel('invalid', 0), agreesWithLabel('invalid', 3)]).toEqual([true, false, false, true]);
});

test('the score table has a row per corpus, a dash where a peer is not run, and totals over the corpora each tool ran on', () => {
  const versions = { 'asl-validator': '4.0.0', '@wmfs/statelint': '1.30.0', 'amazon-states-language-service': '1.16.1' } as const;
  const table = scoreTable(
    [
      { corpus: 'asl-validator', cases: 10, wfLint: 9, peers: { 'asl-validator': 10, '@wmfs/statelint': 7, 'amazon-states-language-service': 6 } },
      { corpus: 'awslabs-statelint', cases: 4, wfLint: 4, peers: {} },
    ],
    versions,
  );
  expect(table.split('\n')).toEqual([
    '| corpus (labelled files) | wf-lint | asl-validator 4.0.0 | @wmfs/statelint 1.30.0 | ASLS 1.16.1 |',
    '| --- | --- | --- | --- | --- |',
    '| `asl-validator` (10) | 9/10 | 10/10 | 7/10 | 6/10 |',
    '| `awslabs-statelint` (4) | 4/4 | — | — | — |',
    '| all | 13/14 | 10/10 | 7/10 | 6/10 |',
  ]);
});

test('the README section is replaced between its markers only, and missing markers are an error', () => {
  const readme = `# x\n\n${BEGIN}\nold\n${END}\n\n## Benchmark\n`;
  expect(withConformanceSection(readme, 'new')).toBe(`# x\n\n${BEGIN}\nnew\n${END}\n\n## Benchmark\n`);
  expect(() => withConformanceSection('# x\n', 'new')).toThrow(/markers/);
});
