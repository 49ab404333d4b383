/** The JUnit XML formatter. */
import { escapeXml, formatJunit } from '../../src/formatters/junit';
import { CONTEXT, RESULTS } from '../fixtures/formatters/results';
import { expectGolden } from './golden';

const output = formatJunit(RESULTS, CONTEXT);

/** The `<testsuite …>` opening tags, as attribute maps. */
const suites = [...output.matchAll(/<testsuite ([^>]*)>/g)].map((m) => Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));

test('matches the golden file', () => {
  expectGolden('junit.golden.xml', output);
});

test('one testsuite per file with the counts, one testcase per message', () => {
  expect(output.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n')).toBe(true);
  expect(suites.map((s) => [s.name, s.tests, s.failures, s.errors])).toEqual([
    ['workflows/naked.asl.yaml', '3', '3', '0'],
    ['workflows/odd, name.asl.json', '1', '1', '0'],
    ['broken.asl.json', '1', '0', '1'],
    ['clean.asl.yaml', '1', '0', '0'],
  ]);
  expect(output.match(/<testcase /g)).toHaveLength(6);
  expect(output.match(/<testsuite /g)).toHaveLength(4);
  expect(output.match(/<\/testsuite>/g)).toHaveLength(4);
});

test('failures have type = rule id; the fatal message is an <error>; a clean file is one passing testcase', () => {
  expect([...output.matchAll(/<failure type="([^"]*)"/g)].map((m) => m[1])).toEqual(['batch/require-pre-batch', 'batch/require-sync', 'batch/require-group-retry', 'batch/require-group-retry']);
  expect(output).toContain('<error type="wf-lint/parse-error" message="Parsing error: Unexpected end of input.">');
  expect(output).toContain('<testcase name="clean.asl.yaml" classname="clean.asl.yaml" time="0" />');
});

test('escapes the message (quotes, CR, LF) and drops characters XML cannot hold', () => {
  expect(output).toContain('message="Retry covers 100% of &quot;States.ALL&quot;: add MaxAttempts, BackoffRate&#13;&#10;then re-run"');
  expect(escapeXml('<a & "b">\u0000\u001b]]>')).toBe('&lt;a &amp; &quot;b&quot;&gt;]]&gt;');
  expect(output).not.toMatch(/[\r\u0000-\u0008]/);
});
