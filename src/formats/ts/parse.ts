/**
 * The TypeScript/JavaScript adapter's parser: the file's syntax tree (ts-morph, in memory), its
 * ASL object literals as neutral definitions, its CDK state machines (through `./cdk`, only for
 * files that import Step Functions) and its directive comments.
 */
import { ts } from 'ts-morph';
import type { ObjectNode } from '../../model/ast';
import type { ParseError, DirectiveComment } from '../parse-result';
import type { CdkMachine, FindCdkMachines } from './cdk-contract';
import { TsConverter } from './convert';
import { scanTsDirectives } from './directives';
import { findLiteralDefinitions } from './find-definitions';
import { parseInProject } from './project';

export interface TsDefinition {
  readonly definition: ObjectNode;
  readonly name: string | undefined;
}

export interface ParsedTs {
  readonly definitions: readonly TsDefinition[];
  readonly cdk: readonly CdkMachine[];
  readonly error: ParseError | undefined;
  readonly directives: readonly DirectiveComment[];
}

const STEP_FUNCTIONS = /aws[-_]stepfunctions/;

/** Parses `text` as the content of `filePath`. */
export function parseTs(text: string, filePath: string): ParsedTs {
  try {
    return parseTree(text, filePath);
  } catch (error) {
    // The compiler parses recursively: nesting deep enough (~1,500 brackets) exhausts the stack.
    if (!(error instanceof RangeError)) throw error;
    return { definitions: [], cdk: [], error: { message: 'The file nests too deeply to parse.', offset: 0 }, directives: [] };
  }
}

function parseTree(text: string, filePath: string): ParsedTs {
  const morph = parseInProject(text, filePath);
  const file = morph.compilerNode;
  const directives = scanTsDirectives(file);
  const error = firstSyntaxError(file);
  if (error) return { definitions: [], cdk: [], error, directives };
  const converter = new TsConverter(file);
  const definitions = findLiteralDefinitions(file).map(({ node, name }) => ({ definition: converter.object(node), name }));
  // `aws-cdk-lib/aws-stepfunctions`, or `aws_stepfunctions` imported from `aws-cdk-lib`.
  const cdk = STEP_FUNCTIONS.test(text) ? cdkMachines(morph, text) : [];
  return { definitions, cdk, error: undefined, directives };
}

/** The compiler's first syntax error: where a `tsc` run would report it. */
function firstSyntaxError(file: ts.SourceFile): ParseError | undefined {
  // `parseDiagnostics` is what `program.getSyntacticDiagnostics` returns, without a program.
  const [first] = (file as ts.SourceFile & { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  if (!first) return undefined;
  const message = ts.flattenDiagnosticMessageText(first.messageText, ' ');
  return { message: /[.?]$/.test(message) ? message : `${message}.`, offset: first.start };
}

/**
 * The CDK machines, from the construct reader when it is there. Its failure must not cost the
 * file its object-literal machines, so any error there means no CDK machines.
 */
function cdkMachines(morph: Parameters<FindCdkMachines>[0], text: string): CdkMachine[] {
  let find: FindCdkMachines | undefined;
  try {
    find = (require('./cdk') as { findCdkMachines?: FindCdkMachines }).findCdkMachines;
  } catch {
    return [];
  }
  if (typeof find !== 'function') return [];
  try {
    return find(morph, text);
  } catch {
    return [];
  }
}
