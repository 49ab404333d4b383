/**
 * Focused cases for the fast YAML path: each is either taken and identical to the `yaml` path
 * (values, JS types, ranges, styles, tags, key order, duplicates) or declined, as listed.
 */
import * as fastParse from '../../../src/formats/yaml/fast-parse';
import { parseYamlFast } from '../../../src/formats/yaml/fast-parse';
import { parseYaml, parseYamlWithYamlLibrary } from '../../../src/formats/yaml/parse';

const TAKEN: readonly (readonly [string, string])[] = [
  ["plain scalars, with \":\" and \"#\" inside", 'a: hello world\nb: x:y\nc: a#b\n'],
  ["single-quoted, with '' and a # inside", "a: 'it''s # not a comment'\n"],
  ["double-quoted with escapes (\\t \\n \\\" \\u \\x \\U \\/)", 'a: "tab\\t nl\\n q\\" u\\u00e9 x\\x41 U\\U0001F600 slash\\/"\n'],
  ["multi-line plain scalar, folded with a blank line", 'a: one\n  two\n\n  three\nb: 1\n'],
  ["literal block scalar | with a more-indented line and a blank line", 'a: |\n  x\n   y\n\n  z\nb: 1\n'],
  ["folded block scalar > with more-indented lines", 'a: >\n  x\n  y\n\n  z\n   more\n  w\nb: 1\n'],
  ["|- strips the final line break", 'a: |-\n  x\n\nb: 1\n'],
  ["flow sequences and maps, nested and empty", 'a: [1, "two", {b: c, d: [e]}]\nf: {}\ng: []\n'],
  ["block sequences of maps, nested", '- a: 1\n  b:\n    - x\n    - y: z\n- c: 2\n'],
  ["an empty value (not last)", 'a:\nb: 1\n'],
  ["~ and every null form (nULL is a string)", 'a: ~\nb: null\nc: Null\nd: NULL\ne: nULL\n'],
  ["booleans of the core schema (yes, on, tRUE are strings)", 'a: true\nb: True\nc: TRUE\nd: false\ne: yes\nf: on\ng: tRUE\n'],
  ["every core-schema number form (0o17 octal, 017 decimal, .inf, -0, 1_000 a string)", 'a: 0o17\nb: 017\nc: 0x1F\nd: 1e3\ne: .5\nf: 5.\ng: .inf\nh: -.Inf\ni: .NaN\nj: +12\nk: -0\nl: 1_000\nm: 0b11\nn: 12345678901234567890\no: 1.0\np: -1E-3\n'],
  ["quoted, empty, numeric, boolean and null keys", '"a": 1\n\'b\': 2\n"": 3\n1: one\ntrue: t\nnull: n\n'],
  ["duplicate keys, kept in order", 'a: 1\nb: 2\na: 3\n'],
  ["comments: own-line, trailing, inside strings, after a nested map at its indent and deeper", '# top\na: 1 # c\n# mid\nb: "x # y" # z\nc:\n  d: 1\n  # trailing at map indent\ne:\n  f: 2\n      # deeper\n# end\n'],
  ["CRLF line breaks", 'a: 1\r\nb:\r\n  - x\r\n  - y # c\r\nc: |\r\n  z\r\n'],
  ["a byte-order mark (ranges count it)", '\uFEFFa: 1\nb: [x]\n'],
  ["several documents with --- and ...", 'a: 1\n---\nb: 2\n...\n---\n- c\n'],
  ["a leading ---", '---\na: 1\n'],
  ["CFN tags on plain, quoted and block scalars", 'A: !Ref X\nB: !GetAtt a.Arn\nC: !Sub "x-${Y}"\nD: !Sub |\n  {"a": 1}\n'],
  ["CFN tags on block and flow sequences, nested", 'A: !Join\n  - ""\n  - [a, !Ref B]\nC: !If [c, 1, 2]\n'],
  ["CFN tags on block and flow maps", 'A: !Transform\n  Name: x\nB: !FindInMap {m: 1}\n'],
];

const DECLINED: readonly (readonly [string, string])[] = [
  ["multi-line quoted scalar", 'a: "one\n  two"\n'],
  ["keep chomping >+", 'a: >+\n  x\n\nb: 1\n'],
  ["explicit indentation |2", 'a: |2\n    x\nb: 1\n'],
  ["an empty value ending a map", 'a: 1\nb:\n'],
  ["a tab", 'a:\tb\n'],
  ["an unclosed flow sequence (yaml reports an error)", 'a: [1, 2\nb: 3\n'],
  ["anchors and aliases", 'a: &x 1\nb: *x\n'],
  ["merge keys", 'a: &x {k: 1}\nb:\n  <<: *x\n'],
  ["a core tag (!!str)", 'a: !!str 1\n'],
  ["a tag that is not an intrinsic", 'a: !Foo 1\n'],
  ["a %YAML directive", '%YAML 1.2\n---\na: 1\n'],
  ["a comment not preceded by a space (an error in yaml)", 'a: "x"#c\n'],
  ["a: b: c (an error in yaml)", 'a: b: c\n'],
];

test.each(TAKEN)('taken and identical: %s', (_name, text) => {
  const slow = parseYamlWithYamlLibrary(text);
  expect(slow.error).toBeUndefined();
  expect(parseYamlFast(text)).toEqual(slow.roots);
  expect(parseYaml(text)).toEqual(slow);
});

test.each(DECLINED)('declined, left to yaml: %s', (_name, text) => {
  expect(parseYamlFast(text)).toBeUndefined();
  // parseYaml falls back, so its result (or error) is the `yaml` path's.
  expect(parseYaml(text)).toEqual(parseYamlWithYamlLibrary(text));
});

test('scalar values and their JS types follow the YAML 1.2 core schema, as yaml does', () => {
  const root = parseYamlFast('a: 0o17\nb: 0x1F\nc: yes\nd: .inf\ne: -0\nf: ~\ng: "1"\nh: !Ref 1\n');
  expect(root).toBeDefined();
  const values = (root?.[0].kind === 'object' ? root[0].properties : []).map((p) => p.value);
  expect(values.slice(0, 7).map((v) => (v.kind === 'scalar' ? v.value : undefined))).toEqual([15, 31, 'yes', Infinity, -0, null, '1']);
  // A tagged scalar is the intrinsic's string argument, not a number.
  expect(values[7]).toMatchObject({ kind: 'object', tag: '!Ref', properties: [{ key: { value: 'Ref' }, value: { value: '1' } }] });
});

test('deep nesting is declined, and yaml reports it', () => {
  const text = `${'['.repeat(600)}${']'.repeat(600)}\n`;
  expect(parseYamlFast(text)).toBeUndefined();
  expect(parseYaml(text).error?.message).toMatch(/Nesting is too deep/);
});

describe('parseYaml', () => {
  const big = `${Array.from({ length: 2000 }, (_, i) => `key${i}: value ${i}`).join('\n')}\n`;

  test('parses its first 32 KB with yaml (cold start), then takes the fast path, with the same results', () => {
    const spy = jest.spyOn(fastParse, 'parseYamlFast');
    try {
      expect(parseYaml('a: 1\n')).toEqual(parseYamlWithYamlLibrary('a: 1\n'));
      expect(spy).not.toHaveBeenCalled();
      expect(parseYaml(big)).toEqual(parseYamlWithYamlLibrary(big));
      expect(spy).toHaveLastReturnedWith(expect.any(Array));
      const text = 'a: "# wf-lint-disable"\nb: 1 # wf-lint-disable-line x\n';
      // Directive comments inside strings are filtered on the fast path too.
      expect(parseYaml(text).directives.map((d) => d.kind)).toEqual(['disable-line']);
      expect(spy).toHaveLastReturnedWith(expect.any(Array));
    } finally {
      spy.mockRestore();
    }
  });
});
