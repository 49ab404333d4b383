/**
 * Documents for the fuzz tests (issue 8): valid workflows (the generator of the fix property
 * tests), the same workflows mutated into near-valid text, garbage, deep nesting, huge strings,
 * and YAML anchors and aliases (reused, self-referencing, multiplying). Each case is a file name
 * (which picks the parser) and its text.
 */
import fc from 'fast-check';
import { machineCase } from './arbitraries';

export interface FuzzCase {
  readonly kind: string;
  readonly filePath: string;
  readonly text: string;
}

const JSON_FILE = 'fuzz.asl.json';
const YAML_FILE = 'fuzz.asl.yaml';

/** A well-formed workflow, JSON or YAML (with comments, CRLF sometimes). */
const valid: fc.Arbitrary<FuzzCase> = machineCase.map((c) => ({ kind: 'valid', filePath: c.filePath, text: c.text }));

// Fragments that matter to one parser or the other: brackets, quotes, YAML indicators, tags, BOM.
const FRAGMENTS = ['{', '}', '[', ']', '"', "'", ':', ': ', ',', '-', '- ', '\n', '\r\n', '\t', '  ', '#', '&a ', '*a', '!Ref ', '!Sub ', '|', '>', '?', '%', '@', '`', '\\', '\\u12', '${', '\uFEFF', '\u0000', '\uD800', '"States"', 'States:', 'StartAt', 'Type: Task', 'Next', 'End: true'];

/** One edit of the text, at a position chosen as a fraction of its length. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8, unit: 'binary' })) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, edit: Mutation): string {
  const at = Math.floor(edit.at * text.length);
  switch (edit.op) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + edit.length);
    case 'insert':
      return text.slice(0, at) + edit.text + text.slice(at);
    case 'duplicate':
      return text.slice(0, at) + text.slice(at, at + edit.length) + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
  }
}

/** A valid workflow with one to four edits: mostly near-valid, sometimes still valid. */
const mutated: fc.Arbitrary<FuzzCase> = fc
  .tuple(machineCase, fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([c, edits]) => ({ kind: 'mutated', filePath: c.filePath, text: edits.reduce(mutate, c.text) }));

/** Anything: any string, or random bytes decoded as UTF-8 (as a binary file is read). */
const garbage: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.constantFrom(JSON_FILE, YAML_FILE), fc.oneof(fc.string({ maxLength: 400, unit: 'binary' }), fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('utf8'))))
  .map(([filePath, text]) => ({ kind: 'garbage', filePath, text }));

const pass = (parameters: string) => `{"StartAt": "x", "States": {"x": {"Type": "Pass", "End": true, "Parameters": {"a": ${parameters}}}}}`;

/** Arrays and objects nested up to 3,000 deep, balanced or not, JSON or YAML flow or block style. */
const deep: fc.Arbitrary<FuzzCase> = fc
  .record({ depth: fc.integer({ min: 1, max: 3000 }), style: fc.constantFrom('json-array', 'json-object', 'yaml-flow', 'yaml-block'), balanced: fc.boolean() })
  .map(({ depth, style, balanced }) => {
    const close = (s: string) => (balanced ? s : s.slice(0, Math.floor(s.length / 2)));
    switch (style) {
      case 'json-array':
        return { kind: 'deep', filePath: JSON_FILE, text: pass('['.repeat(depth) + close(']'.repeat(depth))) };
      case 'json-object':
        return { kind: 'deep', filePath: JSON_FILE, text: pass('{"k": '.repeat(depth) + '1' + close('}'.repeat(depth))) };
      case 'yaml-flow':
        return { kind: 'deep', filePath: YAML_FILE, text: pass('['.repeat(depth) + close(']'.repeat(depth))) };
      default: {
        // Block mappings: indentation grows with depth, so keep this one shallower.
        const levels = Math.min(depth, 400);
        const lines = Array.from({ length: levels }, (_, i) => `${' '.repeat(6 + i)}k${i}:`);
        return { kind: 'deep', filePath: YAML_FILE, text: `StartAt: x\nStates:\n  x:\n    Type: Pass\n    End: true\n    Parameters:\n${lines.join('\n')} 1\n` };
      }
    }
  });

/** A valid workflow with one huge string value (up to `maxBytes`), as a Comment or a parameter. */
const huge = (maxBytes: number): fc.Arbitrary<FuzzCase> =>
  fc
    .record({ c: machineCase, size: fc.integer({ min: 1000, max: maxBytes }), unit: fc.constantFrom('x', 'é', '\\"', ' '), where: fc.constantFrom('Comment', 'Other') })
    .map(({ c, size, unit, where }) => {
      const value = unit.repeat(Math.ceil(size / unit.length));
      const json = c.filePath.endsWith('.json');
      const text = json
        ? c.text.replace(/^\{/, `{"${where}": "${value}",`)
        : `${where}: "${value}"\n${c.text.replace(/^Comment:.*\r?\n/m, '')}`;
      return { kind: 'huge', filePath: c.filePath, text };
    });

/** YAML anchors and aliases: shared subtrees, self-reference, multiplication, undefined aliases. */
const aliases: fc.Arbitrary<FuzzCase> = fc
  .record({ shape: fc.constantFrom('shared-state', 'self', 'self-map', 'multiply', 'undefined', 'states-alias'), width: fc.integer({ min: 2, max: 12 }), levels: fc.integer({ min: 1, max: 8 }) })
  .map(({ shape, width, levels }) => {
    const head = 'StartAt: a\nStates:\n';
    let text: string;
    switch (shape) {
      case 'shared-state':
        text = `${head}  a: &s\n    Type: Pass\n    Next: b\n  b: *s\n`;
        break;
      case 'self':
        text = `${head}  a:\n    Type: Pass\n    End: true\n    Parameters: &p [1, *p]\n`;
        break;
      case 'self-map':
        text = `${head}  a: &p\n    Type: Pass\n    End: true\n    Parameters: {again: *p}\n`;
        break;
      case 'multiply': {
        const defs = [`l0: &l0 [${Array(width).fill('lol').join(', ')}]`];
        for (let i = 1; i <= levels; i++) defs.push(`l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(', ')}]`);
        text = `${defs.join('\n')}\n${head}  a:\n    Type: Pass\n    End: true\n    Parameters: {x: *l${levels}}\n`;
        break;
      }
      case 'undefined':
        text = `${head}  a:\n    Type: Pass\n    End: true\n    Parameters: *nowhere\n`;
        break;
      default:
        text = `x: &st\n  a: {Type: Pass, End: true}\nStartAt: a\nStates: *st\n`;
    }
    return { kind: 'aliases', filePath: YAML_FILE, text };
  });

/** Every kind, weighted towards the inputs most likely to break something. */
export const fuzzCase = (hugeMaxBytes: number): fc.Arbitrary<FuzzCase> =>
  fc.oneof(
    { arbitrary: valid, weight: 2 },
    { arbitrary: mutated, weight: 5 },
    { arbitrary: garbage, weight: 2 },
    { arbitrary: deep, weight: 2 },
    { arbitrary: huge(hugeMaxBytes), weight: 1 },
    { arbitrary: aliases, weight: 2 },
  );
