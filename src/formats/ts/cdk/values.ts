/**
 * Construct props → neutral AST values, as CDK renders them: literals as written, `JsonPath`
 * references as `key.$` paths, `TaskInput.fromObject` as its object, `Duration`s as seconds,
 * `JsonPath.DISCARD` as null. Anything else (a token, a function's ARN, a call) is unknown and
 * becomes a placeholder holding its source text: never evaluated, never guessed.
 */
import { ts } from 'ts-morph';
import type { AstNode, PropertyNode } from '../../../model/ast';
import type { CdkImports } from './imports';
import { objectNode, property, rangeOf, scalar } from './nodes';
import { constantDeclaration, unwrapExpression } from './variables';

/** One prop of a construct's props object: where it is written and its value expression. */
export interface PropSite {
  readonly name: string;
  /** The whole `name: value` (or shorthand) element: what removing the prop removes. */
  readonly element: ts.ObjectLiteralElementLike;
  readonly nameNode: ts.Node;
  readonly value: ts.Expression;
}

/** The props object literal of a construct (`new X(scope, id, props)`), following one `const`. */
export class Props {
  private readonly sites = new Map<string, PropSite>();
  /** True when the props hold a spread or computed key: some props are not known. */
  readonly partial: boolean = false;

  constructor(readonly literal: ts.ObjectLiteralExpression | undefined) {
    for (const element of literal?.properties ?? []) {
      if (ts.isPropertyAssignment(element) && (ts.isIdentifier(element.name) || ts.isStringLiteral(element.name))) {
        this.sites.set(element.name.text, { name: element.name.text, element, nameNode: element.name, value: element.initializer });
      } else if (ts.isShorthandPropertyAssignment(element)) {
        this.sites.set(element.name.text, { name: element.name.text, element, nameNode: element.name, value: element.name });
      } else {
        this.partial = true;
      }
    }
  }

  /** The props argument `argument` as an object literal, if it is one (or a `const` holding one). */
  static of(argument: ts.Expression | undefined): Props {
    if (argument === undefined) return new Props(undefined);
    const literal = literalOf(argument);
    const props = new Props(literal);
    if (!literal) (props as { partial: boolean }).partial = true;
    return props;
  }

  get(name: string): PropSite | undefined {
    return this.sites.get(name);
  }
}

/** The object literal an expression is, or names through a `const`. */
export function literalOf(expression: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const inner = resolveConstant(expression);
  return ts.isObjectLiteralExpression(inner) ? inner : undefined;
}

/** Follows identifiers to the initializers of constant variables (a few steps at most). */
export function resolveConstant(expression: ts.Expression): ts.Expression {
  let current = unwrapExpression(expression);
  for (let step = 0; step < 8 && ts.isIdentifier(current); step++) {
    const initializer = constantDeclaration(current)?.initializer;
    if (!initializer) break;
    current = unwrapExpression(initializer);
  }
  return current;
}

// `sfn.Errors.*` and other enum-like constants, as CDK renders them (aws-stepfunctions/lib/types.js).
const CONSTANTS: Readonly<Record<string, string>> = {
  'Errors.ALL': 'States.ALL',
  'Errors.HEARTBEAT_TIMEOUT': 'States.HeartbeatTimeout',
  'Errors.TIMEOUT': 'States.Timeout',
  'Errors.TASKS_FAILED': 'States.TaskFailed',
  'Errors.PERMISSIONS': 'States.Permissions',
  'Errors.RESULT_PATH_MATCH_FAILURE': 'States.ResultPathMatchFailure',
  'Errors.PARAMETER_PATH_FAILURE': 'States.ParameterPathFailure',
  'Errors.BRANCH_FAILED': 'States.BranchFailed',
  'Errors.NO_CHOICE_MATCHED': 'States.NoChoiceMatched',
  'JitterType.FULL': 'FULL',
  'JitterType.NONE': 'NONE',
  'ProcessorMode.INLINE': 'INLINE',
  'ProcessorMode.DISTRIBUTED': 'DISTRIBUTED',
  'ProcessorType.STANDARD': 'STANDARD',
  'ProcessorType.EXPRESS': 'EXPRESS',
  'QueryLanguage.JSON_PATH': 'JSONPath',
  'QueryLanguage.JSONATA': 'JSONata',
};

const DURATION_SECONDS: Readonly<Record<string, number>> = { millis: 0.001, seconds: 1, minutes: 60, hours: 3600, days: 86400 };
const JSON_PATH_AT = new Set(['JsonPath.stringAt', 'JsonPath.numberAt', 'JsonPath.listAt', 'JsonPath.objectAt', 'TaskInput.fromJsonPathAt', 'InputType.fromJsonPathAt']);

export class ValueReader {
  constructor(private readonly imports: CdkImports) {}

  /** The neutral value of a prop, ranged at the written expression. */
  value(expression: ts.Expression, depth = 0): AstNode {
    const site = unwrapExpression(expression);
    const inner = depth > 32 ? site : resolveConstant(site);
    const range = rangeOf(site);
    if (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) return scalar(inner.text, range);
    if (ts.isNumericLiteral(inner)) return scalar(Number(inner.text), range);
    if (inner.kind === ts.SyntaxKind.TrueKeyword || inner.kind === ts.SyntaxKind.FalseKeyword) return scalar(inner.kind === ts.SyntaxKind.TrueKeyword, range);
    if (inner.kind === ts.SyntaxKind.NullKeyword) return scalar(null, range);
    if (ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(inner.operand)) return scalar(-Number(inner.operand.text), range);
    if (ts.isArrayLiteralExpression(inner) && inner.elements.every((e) => !ts.isSpreadElement(e))) {
      return { kind: 'array', items: inner.elements.map((e) => this.value(e, depth + 1)), range };
    }
    if (ts.isObjectLiteralExpression(inner)) return this.object(inner, depth);
    const path = this.jsonPath(inner);
    if (path !== undefined) return scalar(path, range);
    const symbol = this.symbolName(inner);
    if (symbol === 'JsonPath.DISCARD') return scalar(null, range);
    if (symbol !== undefined && CONSTANTS[symbol] !== undefined) return scalar(CONSTANTS[symbol], range);
    if (ts.isCallExpression(inner)) {
      const callee = this.symbolName(inner.expression);
      const [argument] = inner.arguments;
      if ((callee === 'TaskInput.fromObject' || callee === 'Result.fromObject' || callee === 'Result.fromArray') && argument) return this.value(argument, depth + 1);
      if ((callee === 'Result.fromString' || callee === 'Result.fromNumber' || callee === 'Result.fromBoolean' || callee === 'TaskInput.fromText') && argument) {
        return this.value(argument, depth + 1);
      }
      const seconds = this.durationSeconds(inner);
      if (seconds !== undefined) return scalar(seconds, range);
    }
    return scalar(site.getText(), range, true);
  }

  /** An object literal, `key: JsonPath.stringAt(p)` written as CDK renders it: `key.$: p`. */
  object(literal: ts.ObjectLiteralExpression, depth = 0): AstNode {
    const properties: PropertyNode[] = [];
    let unknown = false;
    for (const element of literal.properties) {
      const name = ts.isPropertyAssignment(element) || ts.isShorthandPropertyAssignment(element) ? keyText(element.name) : undefined;
      if (name === undefined) {
        unknown = true;
        continue;
      }
      const written = ts.isPropertyAssignment(element) ? element.initializer : (element as ts.ShorthandPropertyAssignment).name;
      const isPath = this.jsonPath(resolveConstant(written)) !== undefined;
      properties.push(property(isPath && !name.endsWith('.$') ? `${name}.$` : name, rangeOf(element.name!), this.value(written, depth + 1), rangeOf(element)));
    }
    return objectNode(properties, rangeOf(literal), unknown);
  }

  /** The path of `JsonPath.stringAt('$.x')` (and its kin), or `$` for `JsonPath.entirePayload`. */
  jsonPath(expression: ts.Expression): string | undefined {
    if (this.symbolName(expression) === 'JsonPath.entirePayload') return '$';
    if (!ts.isCallExpression(expression)) return undefined;
    const callee = this.symbolName(expression.expression);
    const [argument] = expression.arguments;
    if (!callee || !JSON_PATH_AT.has(callee) || !argument) return undefined;
    const path = resolveConstant(argument);
    return ts.isStringLiteral(path) || ts.isNoSubstitutionTemplateLiteral(path) ? path.text : undefined;
  }

  /** `Duration.seconds(3)` → 3 (minutes, hours, days and millis converted). */
  durationSeconds(expression: ts.Expression): number | undefined {
    const inner = resolveConstant(expression);
    if (!ts.isCallExpression(inner)) return undefined;
    const callee = this.imports.symbolOf(inner.expression);
    const unit = callee?.module === 'core' ? /^Duration\.(\w+)$/.exec(callee.name)?.[1] : undefined;
    const amount = inner.arguments[0] && resolveConstant(inner.arguments[0]);
    if (!unit || DURATION_SECONDS[unit] === undefined || !amount || !ts.isNumericLiteral(amount)) return undefined;
    return Number(amount.text) * DURATION_SECONDS[unit];
  }

  /** `Chain.start`, `JsonPath.stringAt`, … for an expression naming a Step Functions export. */
  symbolName(expression: ts.Expression): string | undefined {
    const symbol = this.imports.symbolOf(unwrapExpression(expression));
    return symbol && symbol.module !== 'core' ? symbol.name : undefined;
  }
}

function keyText(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}
