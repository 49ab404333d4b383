/** The GitHub Actions workflow-command formatter. */
import { escapeData, escapeProperty, formatGithub } from '../../src/formatters/github';
import { CONTEXT, RESULTS } from '../fixtures/formatters/results';
import { expectGolden } from './golden';

const output = formatGithub(RESULTS, CONTEXT);
const lines = output.split('\n');

test('matches the golden file', () => {
  expectGolden('github.golden.txt', output);
});

test('one command per message, ::error for errors and ::warning for warnings', () => {
  expect(output.endsWith('\n')).toBe(true);
  expect(lines.slice(0, -1)).toHaveLength(5);
  expect(lines.map((l) => /^::(error|warning) /.exec(l)?.[1])).toEqual(['error', 'error', 'warning', 'warning', 'error', undefined]);
  expect(lines[1]).toBe('::error file=workflows/naked.asl.yaml,line=5,col=15,endLine=5,endColumn=50,title=batch/require-sync::Use "arn:aws:states:::batch:submitJob.sync".');
});

test('escapes %, CR and LF in the message, and also , and : in properties', () => {
  expect(lines[3]).toBe(
    '::warning file=workflows/odd%2C name.asl.json,line=12,col=7,endLine=14,endColumn=8,title=batch/require-group-retry::Retry covers 100%25 of "States.ALL": add MaxAttempts, BackoffRate%0D%0Athen re-run',
  );
  expect(escapeData('a%b\r\nc:d,e')).toBe('a%25b%0D%0Ac:d,e');
  expect(escapeProperty('a%b\r\nc:d,e')).toBe('a%25b%0D%0Ac%3Ad%2Ce');
  expect(lines.every((l) => !l.includes('\r'))).toBe(true);
});

test('a fatal error has no end position and the parse-error title; no results print nothing', () => {
  expect(lines[4]).toBe('::error file=broken.asl.json,line=4,col=1,title=wf-lint/parse-error::Parsing error: Unexpected end of input.');
  expect(formatGithub([], CONTEXT)).toBe('');
  expect(formatGithub([RESULTS[3]!], CONTEXT)).toBe('');
});
