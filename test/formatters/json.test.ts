/** The JSON formatter is unchanged: ESLint's result shape, without the internal `source`. */
import { loadFormatter } from '../../src/formatters';
import { formatJson } from '../../src/formatters/json';
import { CONTEXT, RESULTS } from '../fixtures/formatters/results';
import { expectGolden } from './golden';

test('matches the golden file', () => {
  expectGolden('json.golden.json', `${formatJson(RESULTS)}\n`);
});

test('the -f json report is formatJson plus a newline, and drops source', () => {
  const withSource = RESULTS.map((r) => ({ ...r, source: 'StartAt: x\n' }));
  const report = loadFormatter('json')(withSource, CONTEXT);
  expect(report).toBe(`${formatJson(RESULTS)}\n`);
  const parsed = JSON.parse(report) as { filePath: string; errorCount: number; messages: unknown[] }[];
  expect(parsed.map((r) => [r.filePath, r.errorCount, r.messages.length])).toEqual([
    ['/work/project/workflows/naked.asl.yaml', 2, 3],
    ['/work/project/workflows/odd, name.asl.json', 0, 1],
    ['/work/project/broken.asl.json', 1, 1],
    ['/work/project/clean.asl.yaml', 0, 0],
  ]);
  expect(report).not.toContain('"source"');
});

test('loadFormatter knows every format and rejects others', () => {
  for (const name of ['stylish', 'json', 'sarif', 'github', 'junit']) expect(typeof loadFormatter(name)).toBe('function');
  expect(() => loadFormatter('checkstyle')).toThrow(/Unknown formatter "checkstyle"/);
  expect(() => loadFormatter('toString')).toThrow(/Unknown formatter/);
});
