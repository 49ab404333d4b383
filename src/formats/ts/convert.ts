/**
 * TypeScript expressions → the neutral AST. Literal data converts as written; identifiers that
 * name a `const` of this file initialised with literal data are resolved; everything else
 * (calls, member accesses, template strings with substitutions, spreads of unknowns…) becomes a
 * placeholder whose value is its source text: unknown, never evaluated, never guessed.
 *
 * Ranges: a literal's range is where it is written. A scalar reached through a `const` takes the
 * range of the *reference*, so a fix that sets it replaces that one use, never the shared
 * constant. An object or array reached through a `const` keeps the ranges of its declaration,
 * where its properties are written (diagnostics point there); when it is referenced twice its
 * ranges repeat, and the fix renderer refuses to edit it (see `AstIndex.isShared`).
 */
import { ts } from 'ts-morph';
import type { ArrayNode, AstNode, ObjectNode, PropertyNode, ScalarNode } from '../../model/ast';

/** Bounds `const` chains (`const a = b; const b = a;`): past this nesting, references stay unknown. */
const MAX_DEPTH = 256;

export class TsConverter {
  private readonly consts: ReadonlyMap<string, ts.Expression>;

  constructor(private readonly file: ts.SourceFile) {
    this.consts = uniqueConsts(file);
  }

  /** The neutral node of `expression` (a scalar is ranged at the expression as written). */
  value(expression: ts.Expression, depth = 0): AstNode {
    const inner = unwrap(expression);
    if (ts.isObjectLiteralExpression(inner)) return this.object(inner, depth);
    if (ts.isArrayLiteralExpression(inner)) return this.array(inner, depth);
    const scalar = this.scalar(inner, expression, depth);
    return scalar ?? this.placeholder(expression);
  }

  /** The object literal `node` as an object node (ranged at the braces). */
  object(node: ts.ObjectLiteralExpression, depth = 0): ObjectNode {
    const properties: PropertyNode[] = [];
    let unknown = false;
    for (const element of node.properties) {
      if (ts.isPropertyAssignment(element)) {
        const key = this.key(element.name);
        if (!key) {
          unknown = true;
          continue;
        }
        const value = this.value(element.initializer, depth + 1);
        properties.push({ kind: 'property', key, value, range: [key.range[0], element.initializer.end] });
      } else if (ts.isShorthandPropertyAssignment(element)) {
        const key = this.scalarAt(element.name.text, element.name, 'plain');
        const value = this.value(element.name, depth + 1);
        properties.push({ kind: 'property', key, value, range: [key.range[0], element.name.end] });
      } else if (ts.isSpreadAssignment(element)) {
        const spread = this.spreadSource(element.expression, depth);
        if (spread && ts.isObjectLiteralExpression(spread)) properties.push(...this.object(spread, depth + 1).properties);
        else unknown = true;
      } else {
        unknown = true; // methods and accessors: not data
      }
    }
    return { kind: 'object', properties, range: this.range(node), ...(unknown ? { placeholder: true } : {}) };
  }

  private array(node: ts.ArrayLiteralExpression, depth: number): ArrayNode {
    const items: AstNode[] = [];
    for (const element of node.elements) {
      if (ts.isSpreadElement(element)) {
        const spread = this.spreadSource(element.expression, depth);
        if (spread && ts.isArrayLiteralExpression(spread)) items.push(...this.array(spread, depth + 1).items);
        else items.push(this.placeholder(element));
      } else if (ts.isOmittedExpression(element)) {
        items.push(this.placeholder(element));
      } else {
        items.push(this.value(element, depth + 1));
      }
    }
    return { kind: 'array', items, range: this.range(node) };
  }

  /** A literal scalar (or a `const` reference to one, ranged at `site`); undefined otherwise. */
  private scalar(node: ts.Expression, site: ts.Node, depth: number): AstNode | undefined {
    if (ts.isStringLiteral(node)) return this.scalarAt(node.text, site, quoteStyle(node, this.file));
    if (ts.isNoSubstitutionTemplateLiteral(node)) return this.scalarAt(node.text, site, 'plain');
    if (ts.isNumericLiteral(node)) return this.scalarAt(Number(node.text), site, 'plain');
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
      return this.scalarAt(-Number(node.operand.text), site, 'plain');
    }
    if (node.kind === ts.SyntaxKind.TrueKeyword) return this.scalarAt(true, site, 'plain');
    if (node.kind === ts.SyntaxKind.FalseKeyword) return this.scalarAt(false, site, 'plain');
    if (node.kind === ts.SyntaxKind.NullKeyword) return this.scalarAt(null, site, 'plain');
    if (!ts.isIdentifier(node)) return undefined;
    const resolved = this.resolve(node, depth);
    if (!resolved) return undefined;
    if (ts.isObjectLiteralExpression(resolved)) return this.object(resolved, depth + 1);
    if (ts.isArrayLiteralExpression(resolved)) return this.array(resolved, depth + 1);
    // A scalar constant stands where it is used: a fix replaces this use only.
    return this.scalar(resolved, site, depth + 1);
  }

  /** What a spread spreads: a literal written there, or the literal of a `const`. */
  private spreadSource(expression: ts.Expression, depth: number): ts.Expression | undefined {
    const node = unwrap(expression);
    return ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node) ? node : this.resolve(node, depth);
  }

  /** The literal a `const` identifier is initialised with, through `as const` and friends. */
  private resolve(expression: ts.Expression, depth: number): ts.Expression | undefined {
    const node = unwrap(expression);
    if (!ts.isIdentifier(node) || depth > MAX_DEPTH) return undefined;
    const initializer = this.consts.get(node.text);
    return initializer && unwrap(initializer);
  }

  private key(name: ts.PropertyName): ScalarNode | undefined {
    if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return this.scalarAt(name.text, name, 'plain');
    if (ts.isStringLiteral(name)) return this.scalarAt(name.text, name, quoteStyle(name, this.file));
    if (ts.isNumericLiteral(name)) return this.scalarAt(String(Number(name.text)), name, 'plain');
    if (ts.isComputedPropertyName(name)) {
      const inner = unwrap(name.expression);
      if (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) return this.scalarAt(inner.text, name, 'plain');
      if (ts.isNumericLiteral(inner)) return this.scalarAt(String(Number(inner.text)), name, 'plain');
      const resolved = this.resolve(inner, 0);
      if (resolved && (ts.isStringLiteral(resolved) || ts.isNoSubstitutionTemplateLiteral(resolved))) return this.scalarAt(resolved.text, name, 'plain');
    }
    return undefined;
  }

  /** An unknown value: its source text (a template's content) stands for it, marked as a placeholder. */
  private placeholder(node: ts.Node): ScalarNode {
    const inner = ts.isExpression(node) ? unwrap(node) : node;
    const text = ts.isTemplateExpression(inner) ? inner.getText(this.file).slice(1, -1) : inner.getText(this.file);
    return { kind: 'scalar', value: text, range: this.range(node), placeholder: true };
  }

  private scalarAt(value: ScalarNode['value'], site: ts.Node, style: ScalarNode['style']): ScalarNode {
    return { kind: 'scalar', value, range: this.range(site), style };
  }

  private range(node: ts.Node): [number, number] {
    return [node.getStart(this.file), node.end];
  }
}

/** The expression under parentheses, `as`, `satisfies`, `<T>` and `!`. */
export function unwrap(expression: ts.Expression): ts.Expression {
  let node = expression;
  for (;;) {
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node) || ts.isNonNullExpression(node)) {
      node = node.expression;
    } else {
      return node;
    }
  }
}

function quoteStyle(node: ts.StringLiteral, file: ts.SourceFile): ScalarNode['style'] {
  return file.text[node.getStart(file)] === "'" ? 'single' : 'double';
}

/**
 * The `const`s of the file, at any level (CDK code declares them in a stack's constructor), by
 * name. Without a type checker scopes are not resolved, so a name declared twice anywhere in the
 * file (another `const`, a `let`, a parameter, an import…) is left out: it stays unknown rather
 * than risk reading the wrong one.
 */
function uniqueConsts(file: ts.SourceFile): Map<string, ts.Expression> {
  const consts = new Map<string, ts.Expression>();
  const declared = new Map<string, number>();
  const count = (name: ts.Node | undefined) => {
    if (name && ts.isIdentifier(name)) declared.set(name.text, (declared.get(name.text) ?? 0) + 1);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node)) {
      count(node.name);
      const isConst = ts.isVariableDeclarationList(node.parent) && (node.parent.flags & ts.NodeFlags.Const) !== 0;
      if (isConst && ts.isIdentifier(node.name) && node.initializer) consts.set(node.name.text, node.initializer);
    } else if (ts.isParameter(node) || ts.isBindingElement(node) || ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) {
      count(node.name);
    } else if (ts.isImportClause(node) || ts.isNamespaceImport(node) || ts.isImportSpecifier(node) || ts.isImportEqualsDeclaration(node)) {
      count(node.name);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  for (const name of consts.keys()) if (declared.get(name) !== 1) consts.delete(name);
  return consts;
}
