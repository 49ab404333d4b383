/**
 * A RuleTester in the manner of ESLint's: valid and invalid cases per rule, each case linted
 * through the real engine. `machine({...})` cases run as JSON and as YAML; text cases written
 * with the `yaml`/`json` tags are compared exactly by line and column.
 */
import { stringify } from 'yaml';
import type { RuleModule } from '../../src/engine/define-rule';
import { Linter } from '../../src/engine/linter';
import type { LintMessage } from '../../src/engine/types';
import { getProperty, type AstNode } from '../../src/model/ast';
import { parseSource } from '../../src/sources/parse-source';

/** A definition given as data: linted once as JSON and once as YAML. */
export interface MachineCode {
  readonly kind: 'machine';
  readonly value: unknown;
}

/** Source text in one format, with the file name that selects the parser. */
export interface TextCode {
  readonly kind: 'text';
  readonly text: string;
  readonly filename: string;
}

export interface ExpectedError {
  readonly messageId: string;
  /** Path (through `States`, `Branches`, …) to the property whose key the report points at. */
  readonly path?: readonly (string | number)[];
  readonly line?: number;
  readonly column?: number;
  /** Substring of the rendered message. */
  readonly message?: string;
}

export interface ValidCase {
  readonly name: string;
  readonly code: MachineCode | TextCode;
  readonly options?: readonly unknown[];
  readonly settings?: Record<string, unknown>;
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedError[];
}

/** A machine definition (or a whole host document) to lint as JSON and as YAML. */
export function machine(value: unknown): MachineCode {
  return { kind: 'machine', value };
}

function dedent(strings: TemplateStringsArray, values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\n\s*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** YAML source, dedented; lines and columns count from its first non-empty line. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): TextCode {
  return { kind: 'text', text: dedent(strings, values), filename: 'case.asl.yaml' };
}

/** JSON source, dedented. */
export function json(strings: TemplateStringsArray, ...values: unknown[]): TextCode {
  return { kind: 'text', text: dedent(strings, values), filename: 'case.asl.json' };
}

/** Source text with an explicit file name (CloudFormation, serverless.yml …). */
export function file(filename: string, text: string): TextCode {
  return { kind: 'text', text, filename };
}

interface Variant {
  readonly label: string;
  readonly text: string;
  readonly filename: string;
}

function variants(code: MachineCode | TextCode): Variant[] {
  if (code.kind === 'text') return [{ label: code.filename, text: code.text, filename: code.filename }];
  return [
    { label: 'json', text: `${JSON.stringify(code.value, null, 2)}\n`, filename: 'case.asl.json' },
    { label: 'yaml', text: stringify(code.value, { lineWidth: 0 }), filename: 'case.asl.yaml' },
  ];
}

/** Lints `text` with only `rule` enabled, at error severity. */
export function lintWith(id: string, rule: RuleModule, text: string, filename: string, options: readonly unknown[] = [], settings: Record<string, unknown> = {}): LintMessage[] {
  const linter = new Linter({ [id]: rule });
  const config = { rules: new Map([[id, { severity: 2 as const, options }]]), settings };
  const result = linter.lintText(text, `/cases/${filename}`, config, { explicit: true });
  return result?.messages ?? [];
}

/** The 1-based line and column of the key of the property at `path` in the first machine-bearing root. */
function keyPosition(text: string, filename: string, path: readonly (string | number)[]): { line: number; column: number } {
  const source = parseSource(text, `/cases/${filename}`);
  const root = source.machines[0]?.root.node;
  let node: AstNode | undefined = root;
  let keyStart: number | undefined;
  for (const step of path) {
    if (typeof step === 'number') {
      node = node?.kind === 'array' ? node.items[step] : undefined;
      keyStart = node?.range[0];
    } else {
      const property = getProperty(node, step);
      node = property?.value;
      keyStart = property?.key.range[0];
    }
  }
  if (keyStart === undefined) throw new Error(`No node at path ${JSON.stringify(path)} in the case.`);
  return source.lines.locate(keyStart);
}

export class RuleTester {
  /** Declares a jest `describe` block with one test per case (per format for machine cases). */
  run(id: string, rule: RuleModule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
    const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    describe(id, () => {
      test('has no duplicate case names', () => expect(duplicate).toBeUndefined());
      describe('valid', () => {
        for (const c of cases.valid) {
          for (const v of variants(c.code)) {
            test(`${c.name} (${v.label})`, () => {
              expect(lintWith(id, rule, v.text, v.filename, c.options, c.settings)).toEqual([]);
            });
          }
        }
      });
      describe('invalid', () => {
        for (const c of cases.invalid) {
          for (const v of variants(c.code)) {
            test(`${c.name} (${v.label})`, () => {
              const messages = lintWith(id, rule, v.text, v.filename, c.options, c.settings);
              expect(messages.filter((m) => m.fatal)).toEqual([]);
              const actual = messages.map((m, i) => describeActual(m, c.errors[i]));
              const expected = c.errors.map((e) => describeExpected(e, v));
              expect(actual).toEqual(expected);
              for (const m of messages) {
                expect(m.messageId && m.messageId in rule.meta.messages).toBe(true);
                expect(m.message).toMatch(/^[^a-z].*[.?]$/);
              }
            });
          }
        }
      });
    });
  }
}

function describeActual(m: LintMessage, expected: ExpectedError | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { messageId: m.messageId, line: m.line, column: m.column };
  if (expected?.message !== undefined) out.message = m.message.includes(expected.message) ? expected.message : m.message;
  return out;
}

function describeExpected(e: ExpectedError, v: Variant): Record<string, unknown> {
  const at = e.path ? keyPosition(v.text, v.filename, e.path) : { line: e.line, column: e.column };
  if (e.path && e.line !== undefined) throw new Error('Give either "path" or "line"/"column" in an expected error.');
  const out: Record<string, unknown> = { messageId: e.messageId, line: at.line, column: at.column };
  if (e.message !== undefined) out.message = e.message;
  return out;
}
