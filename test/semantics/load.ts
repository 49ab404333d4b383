/**
 * The state machines of a file's text as plain definitions, through the project's own parser
 * (every input format of DESIGN §3: plain ASL, Cirrus `definition.yml`, serverless,
 * CloudFormation `Definition`/`DefinitionString`). CloudFormation short tags come out in their
 * long form (`!GetAtt x.Arn` -> `{ "Fn::GetAtt": ... }`), ready for `materialise`.
 */
import { toValue } from '../../src/model/ast';
import { parseSource } from '../../src/sources/parse-source';
import type { Json } from './materialise';

export interface LoadedMachine {
  /** The CloudFormation logical id, serverless key or Cirrus `name`, when there is one. */
  readonly name: string | undefined;
  readonly definition: Json;
}

export function machinesOf(text: string, filePath: string): LoadedMachine[] {
  const source = parseSource(text, filePath);
  if (source.errors.length > 0) {
    throw new Error(`${filePath} does not parse: ${source.errors.map((e) => JSON.stringify(e)).join('; ')}`);
  }
  return source.machines.map((m) => ({ name: m.name, definition: toValue(m.root.node) as Json }));
}

/** Just the definitions, in file order. */
export function definitionsOf(text: string, filePath: string): Json[] {
  return machinesOf(text, filePath).map((m) => m.definition);
}
