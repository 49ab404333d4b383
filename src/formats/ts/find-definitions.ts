/**
 * Finds ASL definitions written as object literals in a TypeScript/JavaScript file: any object
 * literal with `StartAt` and `States` properties, wherever it stands (a variable or exported
 * constant, `JSON.stringify(...)` passed to `DefinitionBody.fromString`, the `definition` or
 * `definitionString` of `new CfnStateMachine(...)`…). Nested branches are part of their machine.
 */
import { ts } from 'ts-morph';

export interface LiteralDefinition {
  readonly node: ts.ObjectLiteralExpression;
  /** The construct id, or the variable or property the definition is assigned to. */
  readonly name: string | undefined;
}

// Properties that hold a definition rather than name it: the name is the construct's or variable's.
const HOLDER_PROPERTIES = new Set(['definition', 'definitionString', 'definitionBody', 'Definition', 'DefinitionString']);

/** Every top-most object literal of `file` that has both `StartAt` and `States`. */
export function findLiteralDefinitions(file: ts.SourceFile): LiteralDefinition[] {
  const out: LiteralDefinition[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node) && isDefinition(node)) {
      out.push({ node, name: nameOf(node, file)?.name });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

function isDefinition(node: ts.ObjectLiteralExpression): boolean {
  const names = new Set(node.properties.map((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined)));
  return names.has('StartAt') && names.has('States');
}

interface Named {
  readonly name: string | undefined;
  /** Named by `new Construct(scope, id, …)`: the strongest name a definition can have. */
  readonly byConstruct: boolean;
}

/**
 * Walks out of wrappers, `JSON.stringify(...)`, `fromString(...)` and holder properties to a
 * name. A definition held in a variable takes the id of the construct the variable is passed
 * to, when there is one, as the synthesized template would name it.
 */
function nameOf(definition: ts.Node, file: ts.SourceFile, followVariable = true): Named | undefined {
  let node: ts.Node = definition;
  for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
    if (isWrapper(parent)) continue; // parentheses, as, satisfies
    if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) continue;
    if (ts.isNewExpression(parent)) return { name: constructId(parent), byConstruct: true };
    if (ts.isVariableDeclaration(parent)) {
      if (!ts.isIdentifier(parent.name)) return undefined;
      const user = followVariable ? constructUsing(parent.name, file) : undefined;
      return user ?? { name: parent.name.text, byConstruct: false };
    }
    if (ts.isPropertyAssignment(parent)) {
      const key = ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name) ? parent.name.text : undefined;
      if (key !== undefined && !HOLDER_PROPERTIES.has(key)) return { name: key, byConstruct: false };
      continue;
    }
    if (ts.isObjectLiteralExpression(parent)) continue; // the holder object: its owner names it
    if (ts.isPropertyDeclaration(parent)) return { name: parent.name.getText(file), byConstruct: false };
    if (ts.isExportAssignment(parent)) return { name: 'default', byConstruct: false };
    return undefined;
  }
  return undefined;
}

/** The construct a variable is passed to (`definitionString: JSON.stringify(variable)`), if any. */
function constructUsing(variable: ts.Identifier, file: ts.SourceFile): Named | undefined {
  let found: Named | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && node !== variable && node.text === variable.text && !ts.isPropertyAccessExpression(node.parent)) {
      const named = nameOf(node, file, false);
      if (named?.byConstruct) found = named;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The `id` of `new Construct(scope, 'id', props)`, when written as a string. */
function constructId(expression: ts.NewExpression): string | undefined {
  const id = expression.arguments?.[1];
  if (id && (ts.isStringLiteral(id) || ts.isNoSubstitutionTemplateLiteral(id))) return id.text;
  const owner = expression.parent;
  return owner && ts.isVariableDeclaration(owner) && ts.isIdentifier(owner.name) ? owner.name.text : undefined;
}

function isWrapper(node: ts.Node): boolean {
  return ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node) || ts.isNonNullExpression(node);
}
