/**
 * Finds the CDK state machines of a TypeScript file (`new sfn.StateMachine(scope, id, {
 * definitionBody: sfn.DefinitionBody.fromChainable(chain) })`, or the older `definition:
 * chain`) and turns each into a synthetic ASL definition the model and the rules read as any
 * other. A machine whose chain depends on what only running the code would tell (a loop, a
 * condition, a helper's return value) is left out: never guessed, never a crash.
 */
import { ts, type SourceFile as MorphSourceFile } from 'ts-morph';
import type { CdkMachine, FindCdkMachines } from '../cdk-contract';
import { ChainGraph, MUTATORS, TooDynamic, type Chain } from './chain-graph';
import { DefinitionBuilder } from './definition';
import { FieldList, rangeOf, scalar } from './nodes';
import { CdkImports } from './imports';
import type { Origins } from './origins';
import { CdkRenderer } from './render';
import { StateFields } from './state-fields';
import { Props, ValueReader, resolveConstant } from './values';
import { unwrapExpression } from './variables';

/** Every CDK state machine of `file` whose chain can be read statically (node ranges are offsets into its text). */
export const findCdkMachines: FindCdkMachines = (file: MorphSourceFile): CdkMachine[] => {
  const source = file.compilerNode;
  const imports = new CdkImports(source);
  if (!imports.usesStepFunctions) return [];
  const reader = new ValueReader(imports);
  const graph = new ChainGraph(imports);
  const sites = machineSites(source, imports, reader);
  // CDK mutates states as chain calls run, and a StateMachine renders its definition when it is
  // constructed: apply the chain calls and build the machines in source order. A call that cannot
  // be known (in a loop, a callback, a helper taking a parameter) may change any machine of the
  // file, so then none is read.
  const steps = [...chainCalls(source).map((call) => ({ at: call.getStart(), call })), ...sites.map((site) => ({ at: site.construction.end, site }))];
  const machines: CdkMachine[] = [];
  for (const step of steps.sort((a, b) => a.at - b.at)) {
    try {
      if ('call' in step) graph.evaluate(step.call);
      else machines.push(machineOf(step.site, graph.evaluate(step.site.definition), { imports, reader }));
    } catch (error) {
      if (!(error instanceof TooDynamic)) throw error;
      if ('call' in step && touchesChain(step.call, graph)) return [];
    }
  }
  return machines;
};

interface MachineSite {
  readonly construction: ts.NewExpression;
  readonly name: string | undefined;
  readonly definition: ts.Expression;
  readonly props: Props;
}

/** StateMachine props CDK renders at the top of the definition. */
const MACHINE_FIELDS = [
  ['comment', 'Comment'],
  ['timeout', 'TimeoutSeconds'],
  ['queryLanguage', 'QueryLanguage'],
] as const;

interface FileContext {
  readonly imports: CdkImports;
  readonly reader: ValueReader;
}

function machineOf(site: MachineSite, chain: Chain, context: FileContext): CdkMachine {
  const origins: Origins = new Map();
  const builder = new DefinitionBuilder(new StateFields(context.reader, origins), context.reader, origins);
  const extra = new FieldList();
  for (const [prop, field] of MACHINE_FIELDS) {
    const found = site.props.get(prop);
    if (!found) continue;
    const seconds = prop === 'timeout' ? context.reader.durationSeconds(found.value) : undefined;
    const value = seconds === undefined ? context.reader.value(found.value) : scalar(seconds, rangeOf(found.value));
    extra.add(field, value, rangeOf(found.nameNode), rangeOf(found.element));
  }
  const definition = builder.scope(chain, site.definition, extra.properties);
  const renderer = new CdkRenderer(context.imports, origins, builder.properties);
  return { name: site.name, definition, render: (ops, text) => renderer.render(ops, text) };
}

/** `new sfn.StateMachine(…)` constructions with a chain definition. */
function machineSites(source: ts.SourceFile, imports: CdkImports, reader: ValueReader): MachineSite[] {
  const sites: MachineSite[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node)) {
      const symbol = imports.symbolOf(node.expression);
      if (symbol?.module === 'sfn' && symbol.name === 'StateMachine') {
        const site = machineSite(node, reader);
        if (site) sites.push(site);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

function machineSite(construction: ts.NewExpression, reader: ValueReader): MachineSite | undefined {
  const [, idArgument, propsArgument] = construction.arguments ?? [];
  const props = Props.of(propsArgument);
  const id = idArgument && resolveConstant(idArgument);
  const nameSite = props.get('stateMachineName');
  const named = nameSite && resolveConstant(nameSite.value);
  const name = named && ts.isStringLiteral(named) ? named.text : id && ts.isStringLiteral(id) ? id.text : undefined;
  const body = props.get('definitionBody');
  if (body) {
    const call = resolveConstant(body.value);
    // `DefinitionBody.fromString`/`fromFile` hold ASL text: the object-literal reader's business.
    if (!ts.isCallExpression(call) || reader.symbolName(call.expression) !== 'DefinitionBody.fromChainable' || !call.arguments[0]) return undefined;
    return { construction, name, definition: call.arguments[0], props };
  }
  const definition = props.get('definition');
  return definition ? { construction, name, definition: definition.value, props } : undefined;
}

/** Every chain-method call that ends its chain (`a.next(b).next(c)` counts once), in source order. */
function chainCalls(source: ts.SourceFile): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    const outermost = !ts.isPropertyAccessExpression(node.parent) && !ts.isParenthesizedExpression(node.parent);
    if (ts.isCallExpression(node) && outermost && ts.isPropertyAccessExpression(node.expression) && MUTATORS.has(node.expression.name.text)) calls.push(node);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);
  return calls;
}

/**
 * True when a failed chain call may change a machine: a method only CDK states have
 * (`addRetry` on a loop variable…), or any chain method whose innermost receiver is a CDK state
 * or chain. (`iterator.next()` is not one.)
 */
function touchesChain(call: ts.CallExpression, graph: ChainGraph): boolean {
  if ((call.expression as ts.PropertyAccessExpression).name.text !== 'next') return true;
  let receiver: ts.Expression = call;
  while (ts.isCallExpression(receiver) && ts.isPropertyAccessExpression(receiver.expression)) receiver = unwrapExpression(receiver.expression.expression);
  try {
    graph.evaluate(receiver);
    return true;
  } catch {
    return false;
  }
}
