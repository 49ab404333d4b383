/**
 * An oracle for the renderers on real files: for objects and scalars across the examples, the
 * real-world corpus and the peer validators' test files, every rendered insert / remove / set / insertItem must re-parse to
 * exactly the data the operation describes (key order included), and leave the bytes before
 * and after its edit untouched. Operations an adapter declines are skipped, never wrong.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FixOp, FixValue } from '../../src/engine/fix-ops';
import { toValue, type AstNode } from '../../src/model/ast';
import { parseSource, type SourceFile } from '../../src/sources/parse-source';
import { renderFix } from '../../src/sources/render-fix';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const CASES = [...files(path.join(ROOT, 'examples')), ...files(path.join(CORPUS, 'real')), ...files(path.join(CORPUS, 'peers'))].filter(
  (f) => /\.(ya?ml|json|asl|tmpl)$/.test(f) && !f.endsWith('expectations.json'),
);

type Path = readonly (string | number)[];
type Data = unknown;

/**
 * Every object, array and scalar under `node` with its path, in document order. Objects with
 * duplicate keys are left out with their contents: their data is ambiguous.
 */
function nodes(node: AstNode, at: Path = []): { node: AstNode; path: Path }[] {
  const keys = node.kind === 'object' ? node.properties.map((p) => String(p.key.value)) : [];
  if (new Set(keys).size !== keys.length) return [];
  const out = [{ node, path: at }];
  if (node.kind === 'object') for (const p of node.properties) out.push(...nodes(p.value, [...at, String(p.key.value)]));
  if (node.kind === 'array') node.items.forEach((item, i) => out.push(...nodes(item, [...at, i])));
  return out;
}

/** `data` with `change` applied to the value at `at`. */
function update(data: Data, at: Path, change: (value: Data) => Data): Data {
  if (at.length === 0) return change(data);
  const [head, ...rest] = at;
  if (Array.isArray(data)) return data.map((item, i) => (i === head ? update(item, rest, change) : item));
  return Object.fromEntries(Object.entries(data as Record<string, Data>).map(([k, v]) => [k, k === head ? update(v, rest, change) : v]));
}

function insertAfter(object: Data, key: string, value: Data, after: string | undefined): Data {
  const entries = Object.entries(object as Record<string, Data>);
  const index = after === undefined ? entries.length : entries.findIndex(([k]) => k === after) + 1;
  entries.splice(index, 0, [key, value]);
  return Object.fromEntries(entries);
}

const NEW_VALUE: FixValue = { ErrorEquals: ['States.ALL'], Note: 'a: "quoted" # text', Nested: { Deep: [1, true, null] } };

/** The definition of the machine at `index` as data, from a fresh parse of `text`. */
function definition(text: string, file: string, index: number): Data {
  const source = parseSource(text, file);
  expect(source.errors).toEqual([]);
  return toValue(source.machines[index].root.node);
}

function check(source: SourceFile, index: number, op: FixOp, expected: Data): boolean {
  const machine = source.machines[index];
  const fix = renderFix(source, machine, () => op);
  if (!fix) return false;
  const output = source.text.slice(0, fix.range[0]) + fix.text + source.text.slice(fix.range[1]);
  expect(JSON.stringify(definition(output, source.filePath, index))).toBe(JSON.stringify(expected));
  return true;
}

describe.each(CASES.map((f) => [path.relative(ROOT, f), f]))('%s', (_, file) => {
  const text = fs.readFileSync(file, 'utf8');
  const source = parseSource(text, file);

  test('each rendered operation re-parses to the expected data', () => {
    if (source.errors.length > 0 || source.machines.length === 0) return;
    let rendered = 0;
    source.machines.forEach((machine, index) => {
      const data = toValue(machine.root.node);
      // Tagged intrinsics are one-key objects in the model: their parts are not edited as data.
      const all = nodes(machine.root.node).filter(({ node }) => !(node.kind === 'object' && node.properties.some((p) => String(p.key.value).startsWith('Fn::') || p.key.value === 'Ref')));
      const step = Math.max(1, Math.floor(all.length / 25));
      for (let i = 0; i < all.length; i += step) {
        const { node, path: at } = all[i];
        if (node.kind === 'object') {
          const first = node.properties[0];
          rendered += Number(check(source, index, { op: 'insert', object: node, key: 'Zz.$', value: NEW_VALUE }, update(data, at, (o) => insertAfter(o, 'Zz.$', NEW_VALUE, undefined))));
          if (first) {
            rendered += Number(check(source, index, { op: 'insert', object: node, key: 'Zz', value: 'x', after: first }, update(data, at, (o) => insertAfter(o, 'Zz', 'x', String(first.key.value)))));
            const last = node.properties[node.properties.length - 1];
            // Removing StartAt or States from the root would leave no machine to compare.
            for (const property of at.length === 0 ? [] : new Set([first, last])) {
              const key = String(property.key.value);
              rendered += Number(check(source, index, { op: 'remove', property }, update(data, at, (o) => Object.fromEntries(Object.entries(o as object).filter(([k]) => k !== key)))));
            }
          }
        } else if (node.kind === 'array') {
          rendered += Number(check(source, index, { op: 'insertItem', array: node, value: NEW_VALUE }, update(data, at, (a) => [...(a as Data[]), NEW_VALUE])));
        } else if (typeof node.value === 'string' && !node.placeholder) {
          rendered += Number(check(source, index, { op: 'set', node, value: `${node.value}.sync` }, update(data, at, () => `${node.value}.sync`)));
        }
      }
    });
    if (nodes(source.machines[0].root.node).length > 0) expect(rendered).toBeGreaterThan(0);
  });
});
