/**
 * Which names of a file refer to the CDK Step Functions modules: `import * as sfn from
 * 'aws-cdk-lib/aws-stepfunctions'`, named imports (`import { Pass as P } …`), the
 * `aws_stepfunctions` namespace exports of `aws-cdk-lib`, and `cdk.aws_stepfunctions.X`. Read
 * from the import declarations, never from the names people usually pick.
 */
import { ts } from 'ts-morph';

export type CdkModule = 'sfn' | 'tasks' | 'core';

/** A reference to an export of a CDK module: `{ module: 'sfn', name: 'Parallel' }`. */
export interface CdkSymbol {
  readonly module: CdkModule;
  readonly name: string;
}

const MODULES: Readonly<Record<string, CdkModule>> = {
  'aws-cdk-lib/aws-stepfunctions': 'sfn',
  'aws-cdk-lib/aws-stepfunctions-tasks': 'tasks',
  'aws-cdk-lib': 'core',
  'aws-cdk-lib/core': 'core',
  '@aws-cdk/aws-stepfunctions': 'sfn',
  '@aws-cdk/aws-stepfunctions-tasks': 'tasks',
  '@aws-cdk/core': 'core',
};

// `aws-cdk-lib` re-exports the submodules under these names.
const SUBMODULES: Readonly<Record<string, CdkModule>> = { aws_stepfunctions: 'sfn', aws_stepfunctions_tasks: 'tasks' };

export class CdkImports {
  /** Local names bound to a whole module (`sfn`, `tasks`, `cdk`). */
  private readonly namespaces = new Map<string, CdkModule>();
  /** Local names bound to one export (`Parallel`, `LambdaInvoke`, `Duration`). */
  private readonly named = new Map<string, CdkSymbol>();
  /** Names bound to the whole `aws-cdk-lib` (not `aws-cdk-lib/core`): they reach `aws_stepfunctions`. */
  private readonly roots = new Set<string>();
  /** The last element of each module's named-import list: where a missing name can be added. */
  private readonly namedLists = new Map<CdkModule, ts.ImportSpecifier>();

  constructor(file: ts.SourceFile) {
    for (const statement of file.statements) {
      if (ts.isImportDeclaration(statement)) this.addImport(statement);
      else if (ts.isImportEqualsDeclaration(statement)) this.addImportEquals(statement);
      else if (ts.isVariableStatement(statement)) for (const declaration of statement.declarationList.declarations) this.addRequire(declaration);
    }
  }

  /** True when the file imports any Step Functions module. */
  get usesStepFunctions(): boolean {
    return [...this.namespaces.values()].some((m) => m !== 'core') || [...this.named.values()].some((s) => s.module !== 'core');
  }

  /** What `expression` (`sfn.Parallel`, `Parallel`, `cdk.aws_stepfunctions.Parallel`) names, if a CDK export. */
  symbolOf(expression: ts.Expression): CdkSymbol | undefined {
    if (ts.isIdentifier(expression)) return this.named.get(expression.text);
    if (!ts.isPropertyAccessExpression(expression)) return undefined;
    const name = expression.name.text;
    const owner = this.moduleOf(expression.expression);
    if (owner) return { module: owner, name };
    // `sfn.DefinitionBody.fromChainable`, `sfn.IntegrationPattern.RUN_JOB`: a member of an export.
    const parent = this.symbolOf(expression.expression);
    return parent ? { module: parent.module, name: `${parent.name}.${name}` } : undefined;
  }

  /**
   * How this file spells the export `name` of `module` (`sfn.Parallel`, or `Parallel` when
   * imported by name); undefined when the file has no import to spell it with.
   */
  spell(module: CdkModule, name: string): string | undefined {
    const [head, ...rest] = name.split('.');
    for (const [local, symbol] of this.named) {
      if (symbol.module === module && symbol.name === head) return [local, ...rest].join('.');
    }
    for (const [local, owner] of this.namespaces) if (owner === module) return `${local}.${name}`;
    if (module === 'core') return undefined;
    const submodule = Object.keys(SUBMODULES).find((key) => SUBMODULES[key] === module)!;
    const [root] = this.roots;
    return root === undefined ? undefined : `${root}.${submodule}.${name}`;
  }

  /**
   * Where `name` can be added to the file's named import of `module` (`import { Chain } from
   * '…/aws-stepfunctions'`): the end of its last element; undefined when there is no such list,
   * or the name is already bound locally to something else.
   */
  importSlot(module: CdkModule, name: string): number | undefined {
    if (this.named.has(name) || this.namespaces.has(name)) return undefined;
    return this.namedLists.get(module)?.end;
  }

  private moduleOf(expression: ts.Expression): CdkModule | undefined {
    if (ts.isIdentifier(expression)) return this.namespaces.get(expression.text);
    if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.expression) && this.roots.has(expression.expression.text)) return SUBMODULES[expression.name.text];
    return undefined;
  }

  private addImport(statement: ts.ImportDeclaration): void {
    if (!ts.isStringLiteral(statement.moduleSpecifier)) return;
    const module = MODULES[statement.moduleSpecifier.text];
    const bindings = statement.importClause?.namedBindings;
    if (!module || !bindings || statement.importClause?.isTypeOnly) return;
    if (ts.isNamespaceImport(bindings)) {
      this.namespaces.set(bindings.name.text, module);
      if (statement.moduleSpecifier.text === 'aws-cdk-lib') this.roots.add(bindings.name.text);
      return;
    }
    const last = bindings.elements[bindings.elements.length - 1];
    if (last && !this.namedLists.has(module)) this.namedLists.set(module, last);
    for (const element of bindings.elements) {
      const exported = (element.propertyName ?? element.name).text;
      const submodule = module === 'core' ? SUBMODULES[exported] : undefined;
      if (submodule) this.namespaces.set(element.name.text, submodule);
      else this.named.set(element.name.text, { module, name: exported });
    }
  }

  /** CommonJS: `const sfn = require('…/aws-stepfunctions')`, `const { Pass, Chain: C } = require(…)`. */
  private addRequire(declaration: ts.VariableDeclaration): void {
    const call = declaration.initializer;
    if (!call || !ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'require') return;
    const [specifier] = call.arguments;
    if (!specifier || !ts.isStringLiteral(specifier)) return;
    const module = MODULES[specifier.text];
    if (!module) return;
    if (ts.isIdentifier(declaration.name)) {
      this.namespaces.set(declaration.name.text, module);
      if (specifier.text === 'aws-cdk-lib') this.roots.add(declaration.name.text);
      return;
    }
    if (!ts.isObjectBindingPattern(declaration.name)) return;
    for (const element of declaration.name.elements) {
      const exported = element.propertyName ?? element.name;
      if (!ts.isIdentifier(element.name) || !ts.isIdentifier(exported)) continue;
      const submodule = module === 'core' ? SUBMODULES[exported.text] : undefined;
      if (submodule) this.namespaces.set(element.name.text, submodule);
      else this.named.set(element.name.text, { module, name: exported.text });
    }
  }

  /** `import sfn = require('aws-cdk-lib/aws-stepfunctions')`. */
  private addImportEquals(statement: ts.ImportEqualsDeclaration): void {
    const reference = statement.moduleReference;
    if (!ts.isExternalModuleReference(reference) || !ts.isStringLiteral(reference.expression)) return;
    const module = MODULES[reference.expression.text];
    if (module) this.namespaces.set(statement.name.text, module);
    if (reference.expression.text === 'aws-cdk-lib') this.roots.add(statement.name.text);
  }
}
