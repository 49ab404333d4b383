/**
 * JSON → neutral AST with `jsonc-parser` (DESIGN §5: the fastest position-keeping parser for
 * JSON). Used for `.json` files and for JSON embedded in CloudFormation strings, where
 * `mapOffset` turns offsets in the decoded string into offsets in the host file.
 */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError as JsoncError } from 'jsonc-parser';
import type { AstNode, PropertyNode, ScalarNode } from '../../model/ast';
import { isStackOverflow, MAX_NESTING_DEPTH, NestingTooDeep, TOO_DEEP_MESSAGE } from '../nesting-limit';
import type { ParsedText } from '../parse-result';
import { maskPlaceholders } from './placeholders';

export interface JsonParseOptions {
  /** Maps an offset in `text` to the host file (identity for a whole `.json` file). */
  readonly mapOffset?: (offset: number) => number;
}

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name',
  ValueExpected: 'Expected a value',
  ColonExpected: 'Expected ":"',
  CommaExpected: 'Expected ","',
  CloseBraceExpected: 'Expected "}"',
  CloseBracketExpected: 'Expected "]"',
  EndOfFileExpected: 'Expected the end of the file',
  InvalidCommentToken: 'Comments are not allowed in JSON',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid Unicode escape',
  InvalidEscapeCharacter: 'Invalid escape character',
  InvalidCharacter: 'Invalid character in string',
};

/** Parses strict JSON (no comments, no trailing commas), tolerating unquoted `${...}` placeholders. */
export function parseJson(text: string, options: JsonParseOptions = {}): ParsedText {
  const map = options.mapOffset ?? ((offset: number) => offset);
  const masked = maskPlaceholders(text);
  const errors: JsoncError[] = [];
  let tree: JsonNode | undefined;
  try {
    tree = parseTree(masked.text, errors, { disallowComments: true, allowTrailingComma: false });
  } catch (error) {
    // jsonc-parser recurses once per level: thousands of levels overflow the stack.
    if (isStackOverflow(error)) return { roots: [], error: { message: TOO_DEEP_MESSAGE, offset: map(0) }, directives: [] };
    throw error;
  }
  if (errors.length > 0 || !tree) {
    const first = errors[0];
    const code = first ? printParseErrorCode(first.error) : 'ValueExpected';
    // jsonc-parser reports a trailing comma as a missing property name or value at the bracket.
    const trailingComma = first !== undefined && /,\s*$/.test(masked.text.slice(0, first.offset)) && /^[}\]]/.test(masked.text.slice(first.offset));
    const message = trailingComma ? 'Unexpected trailing comma.' : `${MESSAGES[code] ?? code}.`;
    const offset = first ? map(first.offset) : map(0);
    return { roots: [], error: { message: text.trim() === '' ? 'Empty file.' : message, offset }, directives: [] };
  }
  // Runs once per node of every file: no closure for the identity map, no empty-map lookups.
  const mapOffset = options.mapOffset;
  const placeholders = masked.placeholders.size > 0 ? masked.placeholders : undefined;
  const convert = (node: JsonNode, depth: number): AstNode => {
    const end = node.offset + node.length;
    const range: [number, number] = mapOffset ? [mapOffset(node.offset), mapOffset(end)] : [node.offset, end];
    if (depth >= MAX_NESTING_DEPTH) throw new NestingTooDeep(range[0]);
    switch (node.type) {
      case 'object': {
        const properties: PropertyNode[] = [];
        for (const child of node.children ?? []) {
          const pair = child.children;
          const keyNode = pair?.[0];
          const valueNode = pair?.[1];
          if (!keyNode || !valueNode) continue;
          const key = convert(keyNode, 0) as ScalarNode;
          const value = convert(valueNode, depth + 1);
          properties.push({ kind: 'property', key, value, range: [key.range[0], value.range[1]] });
        }
        return { kind: 'object', properties, range };
      }
      case 'array': {
        const items: AstNode[] = [];
        for (const item of node.children ?? []) items.push(convert(item, depth + 1));
        return { kind: 'array', items, range };
      }
      default: {
        const original = placeholders?.get(node.offset);
        if (original !== undefined) return { kind: 'scalar', value: original, range, placeholder: true, style: 'json' };
        return { kind: 'scalar', value: node.value as ScalarNode['value'], range, style: 'json' };
      }
    }
  };
  try {
    return { roots: [convert(tree, 0)], error: undefined, directives: [] };
  } catch (error) {
    if (error instanceof NestingTooDeep) return { roots: [], error: { message: error.message, offset: error.offset }, directives: [] };
    if (isStackOverflow(error)) return { roots: [], error: { message: TOO_DEEP_MESSAGE, offset: map(0) }, directives: [] };
    throw error;
  }
}
