/**
 * Reads one file's text into its state machines: picks the parser (DESIGN §5: JSON through
 * jsonc-parser, YAML through yaml), finds the machines and builds their models.
 */
import path from 'node:path';
import type { EmbeddedJson } from '../formats/json/embedded';
import { parseJson } from '../formats/json/parse';
import type { DirectiveComment, ParseError } from '../formats/parse-result';
import type { CdkMachine } from '../formats/ts/cdk-contract';
import { tsParser } from '../formats/ts/load';
import { yamlParser } from '../formats/yaml/load';
import type { AstNode } from '../model/ast';
import { buildMachine } from '../model/build';
import { LineIndex } from '../model/positions';
import type { StateMachine, TemplateInfo } from '../model/types';
import { findMachines, type FoundMachines } from './find-machines';

export interface SourceFile {
  readonly filePath: string;
  readonly text: string;
  readonly lines: LineIndex;
  readonly syntax: Syntax;
  readonly machines: readonly StateMachine[];
  readonly template: TemplateInfo | undefined;
  /** The fatal problem of the file itself, or of an embedded definition. */
  readonly errors: readonly ParseError[];
  readonly directives: readonly DirectiveComment[];
  readonly partial: FoundMachines['partial'];
  /** The document roots (one per YAML document). */
  readonly roots: readonly AstNode[];
  /** For each machine embedded in a string (`DefinitionString`): its decoded text and offsets. */
  readonly embedded: ReadonlyMap<StateMachine, EmbeddedJson>;
  /** For each machine read from CDK constructs: the reader that renders its fixes. */
  readonly cdk?: ReadonlyMap<StateMachine, CdkMachine>;
}

export type Syntax = 'yaml' | 'json' | 'ts';

// TypeScript and JavaScript in every module flavour; declaration files hold no values.
const TS_FILE = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/i;

/** The syntax of a file: `.json` is always strict JSON (DESIGN §3); other names are sniffed. */
export function syntaxOf(filePath: string, text: string): Syntax {
  if (TS_FILE.test(filePath)) return 'ts';
  const ext = path.extname(filePath).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yml' || ext === '.yaml') return 'yaml';
  return /^\uFEFF?\s*[{[]/.test(text) ? 'json' : 'yaml';
}

/** Parses `text` (the content of `filePath`) into its machines. */
export function parseSource(text: string, filePath: string): SourceFile {
  const syntax = syntaxOf(filePath, text);
  if (syntax === 'ts') return parseTypeScript(text, filePath);
  const parsed = syntax === 'json' ? parseJson(text) : yamlParser().parseYaml(text);
  const lines = new LineIndex(text);
  const { directives } = parsed;
  // Written out, not spread from a common base: one object shape for every file.
  if (parsed.error) {
    return { filePath, text, lines, syntax, directives, roots: [], embedded: new Map(), machines: [], template: undefined, errors: [parsed.error], partial: undefined };
  }
  const found = findMachines(parsed.roots, text, syntax);
  const machines = found.machines.map((m) => buildMachine(m.definition, m.host, m.name));
  const embedded = new Map<StateMachine, EmbeddedJson>();
  found.machines.forEach((m, i) => m.embedded && embedded.set(machines[i], m.embedded));
  return { filePath, text, lines, syntax, directives, roots: parsed.roots, embedded, machines, template: found.template, errors: found.errors, partial: found.partial };
}

/** The machines of a TypeScript/JavaScript file: ASL object literals and CDK construct chains. */
function parseTypeScript(text: string, filePath: string): SourceFile {
  const parsed = tsParser().parseTs(text, filePath);
  const base = {
    filePath,
    text,
    lines: new LineIndex(text),
    syntax: 'ts' as const,
    directives: parsed.directives,
    template: undefined,
    partial: undefined,
    embedded: new Map<StateMachine, EmbeddedJson>(),
  };
  if (parsed.error) return { ...base, machines: [], errors: [parsed.error], roots: [] };
  const machines = parsed.definitions.map((d) => buildMachine(d.definition, { kind: 'typescript', embedded: false, syntax: 'ts' }, d.name));
  const cdk = new Map<StateMachine, CdkMachine>();
  for (const found of parsed.cdk) {
    const machine = buildMachine(found.definition, { kind: 'cdk', embedded: false, syntax: 'ts' }, found.name);
    machines.push(machine);
    cdk.set(machine, found);
  }
  return { ...base, machines, errors: [], roots: parsed.definitions.map((d) => d.definition), cdk };
}

/**
 * A cheap test run before parsing a file found by walking a folder: can it hold a machine? ASL
 * keys, or (for CDK apps) the Step Functions module or a Batch task construct.
 */
export function mayHoldMachine(text: string): boolean {
  return (text.includes('StartAt') && text.includes('States')) || /aws[-_]stepfunctions|BatchSubmitJob/.test(text);
}
