/**
 * Rule docs (STYLE §6): first line equals meta, badge line generated from meta, headings in order,
 * ❌ examples report and ✅ do not.
 */
import fs from 'node:fs';
import path from 'node:path';
import { rules } from '../rules';
import { badgeLine, withBadgeLine } from '../tools/rule-table';
import { lintWith } from './harness';

const REQUIRED = ['## Rule Details', '## Options', '## When Not To Use It'];

interface Example {
  readonly kind: 'incorrect' | 'correct';
  readonly text: string;
  readonly line: number;
}

function examples(markdown: string): Example[] {
  const out: Example[] = [];
  const fence = /^```(yaml|json) (❌ Incorrect|✅ Correct)\n([^]*?)^```$/gm;
  for (const match of markdown.matchAll(fence)) {
    const line = markdown.slice(0, match.index).split('\n').length;
    out.push({ kind: match[2].startsWith('❌') ? 'incorrect' : 'correct', text: match[3], line });
  }
  return out;
}

describe.each(Object.entries(rules))('docs/rules/%s.md', (id, rule) => {
  const file = path.resolve(__dirname, '..', 'docs', 'rules', `${id}.md`);
  const markdown = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';

  test('opens with the id and the description from meta', () => {
    const lines = markdown.split('\n').filter((l) => l.trim() !== '');
    expect(lines[0]).toBe(`# ${id}`);
    expect(lines[1]).toBe(rule.meta.docs.description);
  });

  test('has the badge line generated from meta under the description (run `npm run update-readme`)', () => {
    const lines = markdown.split('\n').filter((l) => l.trim() !== '');
    expect(lines[2]).toBe(badgeLine(rule));
  });

  test('has the required sections in order', () => {
    const positions = REQUIRED.map((h) => markdown.indexOf(`\n${h}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  test('has at least one incorrect and one correct example', () => {
    const kinds = new Set(examples(markdown).map((e) => e.kind));
    expect(kinds).toEqual(new Set(['incorrect', 'correct']));
  });

  for (const example of examples(markdown)) {
    test(`${example.kind} example at line ${example.line} ${example.kind === 'incorrect' ? 'reports' : 'passes'}`, () => {
      const messages = lintWith(id, rule, example.text, 'doc-example.asl.yaml');
      expect(messages.filter((m) => m.fatal)).toEqual([]);
      if (example.kind === 'incorrect') expect(messages.length).toBeGreaterThan(0);
      else expect(messages).toEqual([]);
    });
  }
});

describe('badge lines', () => {
  const rule = (recommended: boolean, defaultSeverity: 'error' | 'warn', fixable: boolean) =>
    ({ meta: { type: 'problem', docs: { description: 'Require X', recommended, defaultSeverity }, ...(fixable ? { fixable: 'code' } : {}), messages: {}, schema: [] } }) as never;

  test.each([
    [true, 'error', true, '✅ Recommended (error) · 🔧 Fixable'],
    [true, 'warn', false, '✅ Recommended (warn)'],
    [false, 'error', true, '🚫 Not in wf-lint:recommended (error in wf-lint:strict) · 🔧 Fixable'],
  ] as const)('recommended %s, %s, fixable %s: %s', (recommended, severity, fixable, line) => {
    expect(badgeLine(rule(recommended, severity, fixable))).toBe(line);
  });

  test('the generator replaces a stale badge line and inserts a missing one', () => {
    const fixable = rule(true, 'error', true);
    expect(withBadgeLine('# x\n\nRequire X\n\n✅ Recommended (warn)\n\n## Rule Details\n', fixable)).toBe(
      '# x\n\nRequire X\n\n✅ Recommended (error) · 🔧 Fixable\n\n## Rule Details\n',
    );
    expect(withBadgeLine('# x\n\nRequire X\n\n## Rule Details\n', fixable)).toBe('# x\n\nRequire X\n\n✅ Recommended (error) · 🔧 Fixable\n\n## Rule Details\n');
  });
});
