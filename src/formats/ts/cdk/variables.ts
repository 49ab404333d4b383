/**
 * Follows an identifier to the variable it names, the way the compiler's scopes would for the
 * straight-line code of a CDK stack: the nearest enclosing block, function or file that
 * declares it. No type checker: one file, no imports followed, so it stays fast.
 */
import { ts } from 'ts-morph';

/** The declaration `identifier` refers to, when it is a variable whose value never changes after it is set. */
export function constantDeclaration(identifier: ts.Identifier): ts.VariableDeclaration | undefined {
  const name = identifier.text;
  for (let node: ts.Node = identifier; node.parent; node = node.parent) {
    const container = node.parent;
    if (ts.isFunctionLike(container) && container.parameters.some((p) => declares(p.name, name))) return undefined;
    const statements = statementsOf(container);
    if (!statements) continue;
    for (const statement of statements) {
      if (!ts.isVariableStatement(statement)) continue;
      const declaration = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name);
      if (!declaration) continue;
      return isConstant(declaration, container) ? declaration : undefined;
    }
  }
  return undefined;
}

/** The statements directly inside a block, a file, a module block or a case clause. */
function statementsOf(node: ts.Node): readonly ts.Statement[] | undefined {
  if (ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) return node.statements;
  return undefined;
}

function declares(name: ts.BindingName, text: string): boolean {
  return ts.isIdentifier(name) ? name.text === text : name.elements.some((e) => !ts.isOmittedExpression(e) && declares(e.name, text));
}

/** `const`, or a `let`/`var` never assigned again in its scope. */
function isConstant(declaration: ts.VariableDeclaration, scope: ts.Node): boolean {
  if (declaration.parent.flags & ts.NodeFlags.Const) return true;
  const name = (declaration.name as ts.Identifier).text;
  let assigned = false;
  const visit = (node: ts.Node): void => {
    if (assigned) return;
    if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind) && ts.isIdentifier(node.left) && node.left.text === name) assigned = true;
    else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && ts.isIdentifier(node.operand) && node.operand.text === name) assigned = true;
    else ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return !assigned;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** Expression wrappers that do not change the value: parentheses, `as`, `!`, `satisfies`. */
export function unwrapExpression(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) || ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current)) {
    current = current.expression;
  }
  return current;
}
