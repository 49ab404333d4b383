/**
 * Finds the state machines in a parsed file, whatever hosts them (DESIGN §3): a plain ASL
 * document, a Cirrus `definition.yml`, `serverless.yml` state machines, and CloudFormation /
 * SAM resources with `Definition` or `DefinitionString` (JSON in a string, mapped back to
 * host offsets).
 */
import { getValue, stringValue, type AstNode, type ObjectNode } from '../model/ast';
import type { HostKind, MachineHost, TemplateInfo, TemplateResource } from '../model/types';
import type { EmbeddedJson } from '../formats/json/embedded';
import { parseJson } from '../formats/json/parse';
import type { ParseError } from '../formats/parse-result';
import { concatMapped, hostOffset, mapStringScalar, syntheticText, type MappedText } from './string-offsets';

export interface FoundMachine {
  readonly definition: ObjectNode;
  readonly host: MachineHost;
  readonly name: string | undefined;
  /** For JSON embedded in a string: the decoded text and where each character sits in the host. */
  readonly embedded?: EmbeddedJson;
}

export interface FoundMachines {
  readonly machines: readonly FoundMachine[];
  readonly template: TemplateInfo | undefined;
  /** Embedded definitions that did not parse. */
  readonly errors: readonly ParseError[];
  /** A root that has one of `StartAt`/`States` but not the other: the missing key. */
  readonly partial: { readonly missing: 'StartAt' | 'States'; readonly node: ObjectNode } | undefined;
}

/** The CloudFormation resource types that hold a state machine. */
export const MACHINE_TYPES: ReadonlySet<string> = new Set(['AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine']);

/** Every state machine under the document roots of one file. */
export function findMachines(roots: readonly AstNode[], text: string, syntax: 'yaml' | 'json'): FoundMachines {
  const machines: FoundMachine[] = [];
  const errors: ParseError[] = [];
  let template: TemplateInfo | undefined;
  let partial: FoundMachines['partial'];
  const add = (
    definition: AstNode | undefined,
    kind: HostKind,
    name: string | undefined,
    embedded = false,
    substitutions?: ReadonlyMap<string, AstNode>,
    embedding?: EmbeddedJson,
  ) => {
    if (!isDefinition(definition)) return;
    machines.push({ definition, host: { kind, embedded, syntax: embedded ? 'json' : syntax, substitutions }, name, embedded: embedding });
  };
  /** Records a definition holding only one of `StartAt` and `States`, so a named file reports the other. */
  const notePartial = (node: AstNode | undefined) => {
    if (partial || node?.kind !== 'object' || isDefinition(node)) return;
    const hasStartAt = getValue(node, 'StartAt') !== undefined;
    if (hasStartAt !== (getValue(node, 'States') !== undefined)) partial = { missing: hasStartAt ? 'States' : 'StartAt', node };
  };
  for (const root of roots) {
    if (root.kind !== 'object') continue;
    if (isDefinition(root)) {
      add(root, 'asl', undefined);
      continue;
    }
    notePartial(root);
    add(getValue(root, 'definition'), 'cirrus', stringValue(getValue(root, 'name')));
    const serverless = getValue(getValue(root, 'stepFunctions'), 'stateMachines');
    for (const p of serverless?.kind === 'object' ? serverless.properties : []) {
      add(getValue(p.value, 'definition'), 'serverless', String(p.key.value));
    }
    const resources = getValue(root, 'Resources') ?? getValue(getValue(root, 'resources'), 'Resources');
    if (resources?.kind !== 'object') continue;
    const byId = new Map<string, TemplateResource>();
    for (const p of resources.properties) {
      if (p.value.kind !== 'object') continue;
      const logicalId = String(p.key.value);
      const type = stringValue(getValue(p.value, 'Type'));
      byId.set(logicalId, { logicalId, type, node: p.value });
      if (!type || !MACHINE_TYPES.has(type)) continue;
      const properties = getValue(p.value, 'Properties');
      const samSubstitutions = variableMap(getValue(properties, 'DefinitionSubstitutions'));
      const definition = getValue(properties, 'Definition');
      add(definition, 'cloudformation', logicalId, false, samSubstitutions);
      notePartial(definition);
      // `DefinitionString` holds JSON text; so may `Definition`, which cfn-lint reads too.
      for (const field of ['DefinitionString', 'Definition'] as const) {
        const embedded = getValue(properties, field);
        if (field === 'Definition' && stringValue(embedded) === undefined) continue;
        const mapped = embedded && embeddedText(embedded, text);
        if (!mapped) continue;
        const parsed = parseJson(mapped.text, { mapOffset: (offset) => hostOffset(mapped, Math.min(offset, mapped.text.length)) });
        // A string `Definition` is read as a courtesy (CloudFormation types it as an object): one that
        // is not JSON is left alone, as cfn-lint leaves it, rather than failing the whole file.
        if (parsed.error && field === 'DefinitionString') errors.push({ ...parsed.error, message: `Invalid JSON in "${field}" of "${logicalId}": ${parsed.error.message}` });
        else if (!parsed.error) {
          add(parsed.roots[0], 'cloudformation', logicalId, true, variableMap(subVariables(embedded)) ?? samSubstitutions, embeddingOf(embedded, mapped));
          notePartial(parsed.roots[0]);
        }
      }
    }
    template = { resources: byId };
  }
  return { machines, template, errors, partial };
}

/** The variable map of `Fn::Sub: [template, { name: value }]`. */
function subVariables(node: AstNode): AstNode | undefined {
  const sub = getValue(node, 'Fn::Sub');
  return sub?.kind === 'array' ? sub.items[1] : undefined;
}

function variableMap(node: AstNode | undefined): ReadonlyMap<string, AstNode> | undefined {
  if (node?.kind !== 'object') return undefined;
  return new Map(node.properties.map((p) => [String(p.key.value), p.value]));
}

function isDefinition(node: AstNode | undefined): node is ObjectNode {
  return node?.kind === 'object' && getValue(node, 'StartAt') !== undefined && getValue(node, 'States') !== undefined;
}

/** The decoded text of a `DefinitionString` with the style and range of the string that holds it. */
function embeddingOf(node: AstNode, mapped: MappedText): EmbeddedJson {
  const sub = getValue(node, 'Fn::Sub');
  const template = node.kind === 'scalar' ? node : sub?.kind === 'array' ? sub.items[0] : sub;
  if (template?.kind !== 'scalar') return embedding(mapped, 'joined', node.range);
  return embedding(mapped, template.style ?? 'plain', template.range);
}

function embedding(mapped: MappedText, style: EmbeddedJson['style'], range: EmbeddedJson['range']): EmbeddedJson {
  const { text } = mapped;
  return {
    text,
    offsetAt: (index) => (Number.isInteger(index) && index >= 0 && index <= text.length ? hostOffset(mapped, index) : undefined),
    style,
    range,
  };
}

/** The text of a `DefinitionString`: a string, `Fn::Sub` (either form) or `Fn::Join` of strings. */
function embeddedText(node: AstNode, host: string): MappedText | undefined {
  if (node.kind === 'scalar') return typeof node.value === 'string' ? mapStringScalar(node, host) : undefined;
  if (node.kind !== 'object' || node.properties.length !== 1) return undefined;
  const [{ key, value }] = node.properties;
  if (key.value === 'Fn::Sub') {
    const template = value.kind === 'array' ? value.items[0] : value;
    return template?.kind === 'scalar' && typeof template.value === 'string' ? mapStringScalar(template, host) : undefined;
  }
  if (key.value === 'Fn::Join' && value.kind === 'array') {
    const [separator, list] = value.items;
    if (separator?.kind !== 'scalar' || list?.kind !== 'array') return undefined;
    const parts: MappedText[] = [];
    list.items.forEach((item, index) => {
      if (index > 0) parts.push(syntheticText(String(separator.value ?? ''), item.range[0]));
      // A Ref or GetAtt inside the join is an unknown piece of text: it stands in as a placeholder.
      parts.push(item.kind === 'scalar' && typeof item.value === 'string' ? mapStringScalar(item, host) : syntheticText('${}', item.range[0]));
    });
    return concatMapped(parts);
  }
  return undefined;
}
