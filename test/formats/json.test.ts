/**
 * JSON adapter: strict-JSON errors with exact offsets, unquoted `${...}` placeholders, BOM,
 * ranges that slice to the node text, and oracle equality with `JSON.parse`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseJson } from '../../src/formats/json/parse';
import { maskPlaceholders } from '../../src/formats/json/placeholders';
import { getAt, getProperty, toValue, type AstNode, type ObjectNode } from '../../src/model/ast';
import { LineIndex } from '../../src/model/positions';
import { CORPUS, filesUnder, shortName } from './corpus';

const slice = (text: string, node: { range: readonly [number, number] }) => text.slice(node.range[0], node.range[1]);

function root(text: string): AstNode {
  const parsed = parseJson(text);
  expect(parsed.error).toBeUndefined();
  expect(parsed.roots).toHaveLength(1);
  return parsed.roots[0];
}

function at(node: AstNode, ...path: (string | number)[]): AstNode {
  const found = getAt(node, path);
  if (!found) throw new Error(`nothing at ${path.join('.')}`);
  return found;
}

describe('strict JSON errors', () => {
  test.each([
    ['a line comment', '{"StartAt": "A", // first\n"States": {}}', 'Comments are not allowed in JSON.', '// first'],
    ['a block comment', '{"StartAt": "A", /* first */ "States": {}}', 'Comments are not allowed in JSON.', '/* first */'],
    ['a trailing comma in an object', '{"StartAt": "A", "States": {},}', 'Unexpected trailing comma.', '}'],
    ['a trailing comma in an array', '{"ErrorEquals": ["States.ALL",]}', 'Unexpected trailing comma.', ']}'],
    ['a missing property after a comma', '{"StartAt": "A", : 1}', 'Expected a property name.', ': 1'],
    ['a missing value', '{"StartAt": }', 'Expected a value.', '}'],
    ['a missing comma between properties', '{"StartAt": "A"\n "States": {}}', 'Expected ",".', '"States"'],
    ['a missing comma between items', '{"ErrorEquals": ["A" "B"]}', 'Expected ",".', '"B"'],
    ['a single-quoted string', "{'StartAt': 'A'}", 'Unexpected character.', "'StartAt'"],
    ['text after the value', '{"StartAt": "A"} x', 'Unexpected character.', 'x'],
  ])('%s gives one error at the offending token', (_name, text, message, at) => {
    const parsed = parseJson(text);
    expect(parsed.roots).toEqual([]);
    expect(parsed.error).toEqual({ message, offset: text.lastIndexOf(at) });
  });

  test('the offset gives the line and column of the problem', () => {
    const text = '{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Pass" "End": true}\n  }\n}\n';
    const parsed = parseJson(text);
    expect(parsed.error?.message).toBe('Expected ",".');
    expect(new LineIndex(text).locate(parsed.error!.offset)).toEqual({ line: 4, column: 26 });
  });

  test('an empty or blank file is one "Empty file." error where a value was expected', () => {
    expect(parseJson('').error).toEqual({ message: 'Empty file.', offset: 0 });
    expect(parseJson('  \n')).toEqual({ roots: [], error: { message: 'Empty file.', offset: 3 }, directives: [] });
  });

  test('an unterminated document reports where the text ends', () => {
    const text = '{"StartAt": "A", "States": {';
    expect(parseJson(text).error).toEqual({ message: 'Expected "}".', offset: text.length });
  });

  test('mapOffset moves error offsets into the host file', () => {
    const parsed = parseJson('{"a": 1 "b": 2}', { mapOffset: (offset) => offset + 100 });
    expect(parsed.error).toEqual({ message: 'Expected ",".', offset: 108 });
  });
});

describe('unquoted ${...} placeholders', () => {
  const text = '{"TimeoutSeconds": ${Timeout}, "Next": "B", "Items": [${First}, 2], "Name": "${NotMe}"}';

  test('parse as placeholder scalars whose value is the original text', () => {
    const tree = root(text);
    expect(at(tree, 'TimeoutSeconds')).toEqual({
      kind: 'scalar',
      value: '${Timeout}',
      range: [text.indexOf('${Timeout}'), text.indexOf('${Timeout}') + '${Timeout}'.length],
      placeholder: true,
      style: 'json',
    });
    expect(at(tree, 'Items', 0)).toMatchObject({ value: '${First}', placeholder: true });
    expect(toValue(tree)).toStrictEqual({ TimeoutSeconds: '${Timeout}', Next: 'B', Items: ['${First}', 2], Name: '${NotMe}' });
  });

  test('a ${...} inside a JSON string is ordinary text, not a placeholder', () => {
    const name = at(root(text), 'Name');
    expect(name.placeholder).toBeUndefined();
    expect(slice(text, name)).toBe('"${NotMe}"');
  });

  test('offsets of everything after a placeholder are unchanged', () => {
    const tree = root(text);
    const next = getProperty(tree, 'Next')!;
    expect(next.key.range[0]).toBe(text.indexOf('"Next"'));
    expect(slice(text, next.key)).toBe('"Next"');
    expect(slice(text, next.value)).toBe('"B"');
    expect(slice(text, at(tree, 'Items'))).toBe('[${First}, 2]');
    expect(slice(text, at(tree, 'Items', 1))).toBe('2');
    expect(tree.range).toEqual([0, text.length]);
  });

  test('placeholders holding quotes, backslashes and dots keep their text and length', () => {
    const source = '{"A": ${var.x["k"]}, "B": ${a\\b}, "C": 3}';
    const tree = root(source);
    expect(toValue(tree)).toStrictEqual({ A: '${var.x["k"]}', B: '${a\\b}', C: 3 });
    expect(slice(source, at(tree, 'C'))).toBe('3');
    const masked = maskPlaceholders(source);
    expect(masked.text).toHaveLength(source.length);
    expect([...masked.placeholders]).toEqual([
      [source.indexOf('${var'), '${var.x["k"]}'],
      [source.indexOf('${a'), '${a\\b}'],
    ]);
  });

  test('a whole-document placeholder parses too', () => {
    expect(root('${definition}')).toMatchObject({ kind: 'scalar', value: '${definition}', placeholder: true });
  });

  test('an unclosed ${ stays a syntax error', () => {
    // The placeholder runs to the next "}" (here the object's), so the error is at the end.
    const source = '{"A": ${oops, "B": 1}';
    expect(parseJson(source).error).toEqual({ message: 'Expected "}".', offset: source.length });
    expect(parseJson('{"A": ${oops').error?.message).toBe('Unexpected character.');
  });

  test('text without placeholders is returned as is', () => {
    const source = '{"A": "x"}';
    expect(maskPlaceholders(source)).toEqual({ text: source, placeholders: new Map() });
  });
});

describe('byte order mark', () => {
  test('is tolerated and offsets still count it', () => {
    const text = '\uFEFF{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}';
    const tree = root(text);
    expect(toValue(tree)).toStrictEqual({ StartAt: 'A', States: { A: { Type: 'Succeed' } } });
    const key = getProperty(tree, 'StartAt')!.key;
    expect(key.range[0]).toBe(2);
    expect(slice(text, key)).toBe('"StartAt"');
    expect(tree.range).toEqual([1, text.length]);
  });

  test('an error after a BOM keeps its offset', () => {
    const text = '\uFEFF{"A": 1,}';
    expect(parseJson(text).error).toEqual({ message: 'Unexpected trailing comma.', offset: text.indexOf('}') });
  });

  test('a BOM and a placeholder together', () => {
    const text = '\uFEFF{"A": ${X}, "B": 2}';
    const tree = root(text);
    expect(toValue(tree)).toStrictEqual({ A: '${X}', B: 2 });
    expect(slice(text, at(tree, 'B'))).toBe('2');
  });
});

describe('ranges slice to the node text', () => {
  const text = '{\n  "StartAt": "A",\n  "Count": -1.5e3,\n  "On": true,\n  "Off": null,\n  "Esc": "a\\"b\\u0041",\n  "List": [1, {"x": []}]\n}\n';

  test('keys, scalars, properties and collections', () => {
    const tree = root(text) as ObjectNode;
    expect(tree.properties.map((p) => slice(text, p.key))).toEqual(['"StartAt"', '"Count"', '"On"', '"Off"', '"Esc"', '"List"']);
    expect(tree.properties.map((p) => slice(text, p.value))).toEqual(['"A"', '-1.5e3', 'true', 'null', '"a\\"b\\u0041"', '[1, {"x": []}]']);
    expect(tree.properties.map((p) => slice(text, p))).toEqual([
      '"StartAt": "A"',
      '"Count": -1.5e3',
      '"On": true',
      '"Off": null',
      '"Esc": "a\\"b\\u0041"',
      '"List": [1, {"x": []}]',
    ]);
    expect(at(tree, 'Esc')).toMatchObject({ value: 'a"bA', style: 'json' });
    expect(slice(text, at(tree, 'List', 1))).toBe('{"x": []}');
    expect(slice(text, tree)).toBe(text.trimEnd());
  });

  test('duplicate keys are both kept; the last one wins in toValue', () => {
    const source = '{"States": {"A": {"Type": "Pass"}, "A": {"Type": "Succeed"}}}';
    const states = at(root(source), 'States') as ObjectNode;
    expect(states.properties.map((p) => [p.key.value, p.key.range[0]])).toEqual([
      ['A', source.indexOf('"A"')],
      ['A', source.lastIndexOf('"A"')],
    ]);
    expect(toValue(states)).toStrictEqual(JSON.parse(source).States);
  });

  // BUG: toValue assigns with `out[key] = …`, so a "__proto__" key sets the prototype of the
  // result instead of creating a property (JSON.parse and yaml.parse both create it).
  test('a "__proto__" key is an ordinary property, as with JSON.parse', () => {
    const source = '{"__proto__": {"Type": "Pass"}, "B": 1}';
    const value = toValue(root(source)) as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'B']);
    expect(value).toStrictEqual(JSON.parse(source));
  });
});

const REAL_JSON = filesUnder(path.join(CORPUS, 'real'), /\.json$/, false);
const PEER_JSON = filesUnder(path.join(CORPUS, 'peers'), /\.json$/);

/** Every node's slice, parsed with JSON.parse, must give that node's value. */
function sliceProblems(text: string, tree: AstNode): string[] {
  const problems: string[] = [];
  const check = (node: { range: readonly [number, number] }, wrap: (s: string) => string, expected: unknown) => {
    const source = slice(text, node);
    let got: unknown;
    try {
      got = JSON.parse(wrap(source));
    } catch (error) {
      got = String(error);
    }
    if (JSON.stringify(got) !== JSON.stringify(expected)) problems.push(`${source.slice(0, 80)} -> ${JSON.stringify(got)?.slice(0, 80)}`);
  };
  const visit = (node: AstNode) => {
    check(node, (s) => s, toValue(node));
    if (node.kind === 'array') node.items.forEach(visit);
    if (node.kind !== 'object') return;
    for (const p of node.properties) {
      check(p.key, (s) => s, p.key.value);
      check(p, (s) => `{${s}}`, { [String(p.key.value)]: toValue(p.value) });
      visit(p.value);
    }
  };
  visit(tree);
  return problems;
}

describe('oracle: toValue equals JSON.parse', () => {
  test('the corpora are there', () => {
    expect(REAL_JSON.length).toBeGreaterThanOrEqual(5);
    expect(PEER_JSON.length).toBeGreaterThan(100);
  });

  test.each(REAL_JSON.map((f) => [shortName(f), f]))('%s (value and ranges)', (_name, file) => {
    const text = fs.readFileSync(file, 'utf8');
    const tree = root(text);
    expect(toValue(tree)).toStrictEqual(JSON.parse(text));
    expect(sliceProblems(text, tree)).toEqual([]);
  });

  test('every peer corpus JSON file that JSON.parse accepts', () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const file of PEER_JSON) {
      const text = fs.readFileSync(file, 'utf8');
      let expected: unknown;
      try {
        expected = JSON.parse(text);
      } catch {
        continue;
      }
      compared++;
      const parsed = parseJson(text);
      if (parsed.error) {
        mismatches.push(`${shortName(file)}: ${parsed.error.message} at ${parsed.error.offset}`);
        continue;
      }
      if (JSON.stringify(toValue(parsed.roots[0])) !== JSON.stringify(expected)) mismatches.push(`${shortName(file)}: value differs`);
      const problems = sliceProblems(text, parsed.roots[0]);
      if (problems.length > 0) mismatches.push(`${shortName(file)}: ${problems[0]}`);
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });

  test('the real .json.tmpl and .asl files (JSON under other names) match JSON.parse too', () => {
    const others = filesUnder(path.join(CORPUS, 'real'), /\.(?:json\.tmpl|asl)$/, false);
    expect(others.length).toBeGreaterThanOrEqual(2);
    for (const file of others) {
      const text = fs.readFileSync(file, 'utf8');
      expect({ file: shortName(file), value: toValue(root(text)) }).toStrictEqual({ file: shortName(file), value: JSON.parse(text) });
    }
  });
});
