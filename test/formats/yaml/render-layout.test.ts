/**
 * The YAML layout detection (indent step, sequence style, flow padding) scans lines with
 * charCodeAt; these tests hold it to the per-line regexes it replaced, kept here as the oracle,
 * over every YAML file at hand and over generated text full of the characters the regexes care
 * about (CR alone, Unicode spaces and line terminators, comments, dashes, brackets).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { lineBreakOf } from '../../../src/formats/line-geometry';
import { detectYamlLayout, type YamlLayout } from '../../../src/formats/yaml/layout';
import { renderInline, renderKey, renderScalarInStyle } from '../../../src/formats/yaml/render-value';
import { CORPUS, EXAMPLES, filesUnder } from '../corpus';

/** The regex implementation the scanner replaced, verbatim. */
function regexLayout(text: string): YamlLayout {
  const lines = text.split(/\r?\n/);
  const steps = new Map<number, number>();
  let indented = 0;
  let flush = 0;
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)(- +)*[^\s#-][^#]*:[ \t]*(#.*)?$/.exec(lines[i]);
    if (!open) continue;
    const keyColumn = open[1].length + (open[2]?.length ?? 0);
    let j = i + 1;
    while (j < lines.length && /^\s*(#.*)?$/.test(lines[j])) j++;
    const next = /^( *)(-( |$))?/.exec(lines[j] ?? '')!;
    const column = next[1].length;
    if (next[2]) {
      if (column > keyColumn) indented++;
      else if (column === keyColumn) flush++;
    } else if (column > keyColumn) {
      steps.set(column - keyColumn, (steps.get(column - keyColumn) ?? 0) + 1);
    }
  }
  const indent = [...steps].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 2;
  return {
    indent: Math.min(Math.max(indent, 1), 8),
    indentSeq: indented >= flush,
    seqPadding: regexPadded(text, '[', ']'),
    mapPadding: regexPadded(text, '{', '}'),
    eol: lineBreakOf(text),
  };
}

function regexPadded(text: string, open: string, close: string): boolean {
  const o = `\\${open}`;
  const c = `\\${close}`;
  const spaced = text.match(new RegExp(`(?:^|[\\s,[{])${o} [^\\s${c}]`, 'gm'))?.length ?? 0;
  const tight = text.match(new RegExp(`(?:^|[\\s,[{])${o}[^\\s${c}]`, 'gm'))?.length ?? 0;
  return spaced > tight;
}

function facts(layout: YamlLayout): YamlLayout {
  return { indent: layout.indent, indentSeq: layout.indentSeq, seqPadding: layout.seqPadding, mapPadding: layout.mapPadding, eol: layout.eol };
}

const YAML_FILE = /\.ya?ml$/;
const TEST_DIR = path.resolve(__dirname, '../..');

describe('detectYamlLayout', () => {
  it('agrees with the regexes on every YAML file at hand', () => {
    const files = [CORPUS, EXAMPLES, TEST_DIR].filter((dir) => fs.existsSync(dir)).flatMap((dir) => filesUnder(dir, YAML_FILE));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      expect({ file, layout: facts(detectYamlLayout(text)) }).toEqual({ file, layout: regexLayout(text) });
    }
  });

  it('agrees with the regexes on generated text', () => {
    const pieces = [' ', '  ', '    ', '- ', '-', ':', ': ', '#', '# c', '\t', '\n', '\r\n', '\r', '\u2028', '\u00a0', 'a', 'key', '[', ']', '{', '}', ', ', ',', '$', '[ ', '{ ', '\n  - ', '\nkey:\n', '\n  '];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (sample) => {
        expect(facts(detectYamlLayout(sample))).toEqual(regexLayout(sample));
      }),
      { numRuns: 3000, seed: 8 },
    );
  });

  it('reads the layout of block and flow styles', () => {
    const text = 'a:\n    b:\n        - x\n    c: [ 1, 2 ]\n    d: {e: 1}\n';
    expect(facts(detectYamlLayout(text))).toEqual({ indent: 4, indentSeq: true, seqPadding: true, mapPadding: false, eol: '\n' });
  });
});

describe('scalar renders without a yaml Document', () => {
  const layouts: YamlLayout[] = [
    { indent: 2, indentSeq: true, seqPadding: false, mapPadding: false, eol: '\n' },
    { indent: 4, indentSeq: false, seqPadding: true, mapPadding: true, eol: '\r\n' },
  ];

  it.each([true, false, null])('writes %p as yaml does, in block and flow context', (value) => {
    for (const layout of layouts) {
      expect(renderInline(value, false, layout)).toBe(String(value));
      expect(renderInline(value, true, layout)).toBe(String(value));
    }
  });

  it('answers the same for a string or key asked again (the parse is remembered)', () => {
    const layout = layouts[0];
    for (let round = 0; round < 2; round++) {
      expect(renderScalarInStyle('States.ALL', 'plain', false, layout)).toBe('States.ALL');
      expect(renderScalarInStyle('true', 'plain', false, layout)).toBe('"true"');
      expect(renderScalarInStyle('a, b', 'plain', true, layout)).toBe('"a, b"');
      expect(renderScalarInStyle('a, b', 'plain', false, layout)).toBe('a, b');
      expect(renderKey('Next', undefined, false, layout)).toBe('Next');
      expect(renderKey('a: b', undefined, false, layout)).toBe('"a: b"');
      expect(renderKey('a,b', undefined, true, layout)).toBe('"a,b"');
    }
  });
});
