/**
 * Evaluates CDK chain code statically: which states exist (`new sfn.Pass(this, 'Id')`), and
 * what `.next()`, `.branch()`, `.addRetry()`, `.addCatch()`, `.when()`, `.otherwise()` and
 * `.itemProcessor()` did to them. CDK mutates states as these calls run, so each call is
 * applied once (memoised by its node) and only where it runs exactly once: straight-line code.
 * A loop, a condition, a parameter or a call we cannot follow makes the chain `TooDynamic`.
 */
import { ts } from 'ts-morph';
import type { CdkImports } from './imports';
import { Props } from './values';
import { constantDeclaration, unwrapExpression } from './variables';

/** Thrown where the chain depends on something only running the code would tell. */
export class TooDynamic extends Error {
  constructor(readonly node: ts.Node, reason: string) {
    super(reason);
    this.name = 'TooDynamic';
  }
}

/** A transition written in code: the `.next(x)` (or `.when(c, x)`…) call and its argument. */
export interface Link {
  readonly target: CdkState;
  readonly call: ts.CallExpression;
  readonly argument: ts.Expression;
}

/** A nested chain: a Parallel branch, a Map processor, a Choice rule's target. */
export interface SubChain {
  readonly chain: Chain;
  readonly call: ts.CallExpression;
  readonly argument: ts.Expression;
}

export interface Catcher extends Link {
  readonly props: Props;
}

export interface ChoiceRule extends SubChain {
  readonly condition: ts.Expression;
}

/** One construct that renders as a state. */
export class CdkState {
  next: Link | undefined;
  readonly retries: ts.CallExpression[] = [];
  readonly catchers: Catcher[] = [];
  readonly branches: SubChain[] = [];
  readonly choices: ChoiceRule[] = [];
  otherwise: SubChain | undefined;
  processor: SubChain | undefined;
  /** Variables (declared once, never reassigned) that hold this very state. */
  readonly variables: ts.VariableDeclaration[] = [];

  constructor(
    /** The export constructed: `Pass`, `Parallel`, `BatchSubmitJob`… */
    readonly className: string,
    readonly module: 'sfn' | 'tasks',
    readonly construction: ts.NewExpression,
    /** The construct id literal: the state's name. */
    readonly id: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral,
    readonly props: Props,
  ) {}

  /** The state's name: the `stateName` prop when given as a literal, else the construct id. */
  get nameNode(): ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
    const stateName = this.props.get('stateName');
    const literal = stateName && unwrapExpression(stateName.value);
    return literal && (ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal)) ? literal : this.id;
  }

  get name(): string {
    return this.nameNode.text;
  }

  /** The states a chain ending here continues from (none for terminal states and Choice). */
  get ends(): readonly CdkState[] {
    return this.className === 'Succeed' || this.className === 'Fail' || this.className === 'Choice' ? [] : [this];
  }
}

/** What an expression evaluates to: a chain from `start` to `ends`, or (`state` set) one state itself. */
export interface Chain {
  readonly start: CdkState;
  readonly ends: readonly CdkState[];
  /** Set when the value is the state object (a `new`, a variable holding it, `x.addRetry()`), not a `Chain`. */
  readonly state: CdkState | undefined;
  /** The expression that names the start state (`pre` in `pre.next(job)`): where `StartAt` points. */
  readonly startExpression: ts.Expression;
}

/** Methods of states that mutate them (and return the state or a chain). */
export const MUTATORS = new Set(['next', 'branch', 'addRetry', 'addCatch', 'when', 'otherwise', 'itemProcessor', 'iterator']);

export class ChainGraph {
  private readonly values = new Map<ts.Node, Chain>();
  private readonly states = new Map<ts.NewExpression, CdkState>();

  constructor(private readonly imports: CdkImports) {}

  /** The chain `expression` evaluates to; throws TooDynamic when it cannot be known. */
  evaluate(expression: ts.Expression): Chain {
    const inner = unwrapExpression(expression);
    const known = this.values.get(inner);
    if (known) return known;
    const value = this.compute(inner);
    this.values.set(inner, value);
    return value;
  }

  private compute(expression: ts.Expression): Chain {
    if (ts.isNewExpression(expression)) return single(this.construct(expression), expression);
    if (ts.isIdentifier(expression)) return this.variable(expression);
    if (ts.isCallExpression(expression)) return this.call(expression);
    throw new TooDynamic(expression, 'not a construct, a variable or a chain call');
  }

  private construct(expression: ts.NewExpression): CdkState {
    const existing = this.states.get(expression);
    if (existing) return existing;
    const symbol = this.imports.symbolOf(expression.expression);
    if (!symbol || symbol.module === 'core' || symbol.name.includes('.')) throw new TooDynamic(expression, 'not a Step Functions construct');
    if (symbol.module === 'sfn' && !SFN_STATES.has(symbol.name)) throw new TooDynamic(expression, `"${symbol.name}" is not a state`);
    const [, id, props] = expression.arguments ?? [];
    const literal = id && unwrapExpression(id);
    if (!literal || !(ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal))) throw new TooDynamic(expression, 'the construct id is computed');
    // A construct built in a loop or a helper function is a different state on each run.
    assertRunsOnce(expression);
    const state = new CdkState(symbol.name, symbol.module, expression, literal, Props.of(props));
    this.states.set(expression, state);
    return state;
  }

  private variable(identifier: ts.Identifier): Chain {
    const declaration = constantDeclaration(identifier);
    if (!declaration?.initializer) throw new TooDynamic(identifier, `"${identifier.text}" is not a constant in this file`);
    const value = this.evaluate(declaration.initializer);
    if (value.state && !value.state.variables.includes(declaration)) value.state.variables.push(declaration);
    return { ...value, startExpression: identifier };
  }

  private call(call: ts.CallExpression): Chain {
    const callee = unwrapExpression(call.expression);
    const symbol = this.imports.symbolOf(callee);
    const args = call.arguments;
    if (symbol?.module === 'sfn' && symbol.name === 'Chain.start' && args[0]) {
      const value = this.evaluate(args[0]);
      return { ...value, state: undefined };
    }
    if (symbol?.module === 'sfn' && symbol.name === 'Chain.sequence' && args.length === 2) return this.sequence(call, this.evaluate(args[0]), args[1]);
    if (!ts.isPropertyAccessExpression(callee) || !MUTATORS.has(callee.name.text)) throw new TooDynamic(call, 'a call that is not a chain method');
    const receiver = this.evaluate(callee.expression);
    assertRunsOnce(call);
    const method = callee.name.text;
    if (method === 'next') {
      if (!args[0]) throw new TooDynamic(call, '`.next()` without a state');
      return this.sequence(call, receiver, args[0]);
    }
    const state = receiver.state;
    if (!state) throw new TooDynamic(call, `\`.${method}()\` on a chain rather than a state`);
    this.mutate(state, method, call);
    return receiver;
  }

  /** `receiver.next(argument)`: every end of the receiver goes on to the argument's start. */
  private sequence(call: ts.CallExpression, receiver: Chain, argument: ts.Expression): Chain {
    const target = this.evaluate(argument);
    if (receiver.ends.length === 0) throw new TooDynamic(call, 'nothing to continue from');
    for (const end of receiver.ends) {
      if (end.next) throw new TooDynamic(call, `"${end.name}" already has a next state`);
      end.next = { target: target.start, call, argument };
    }
    return { start: receiver.start, ends: target.ends, state: undefined, startExpression: receiver.startExpression };
  }

  private mutate(state: CdkState, method: string, call: ts.CallExpression): void {
    const [first, second] = call.arguments;
    const sub = (argument: ts.Expression | undefined): SubChain => {
      if (!argument) throw new TooDynamic(call, `\`.${method}()\` without a state`);
      return { chain: this.evaluate(argument), call, argument };
    };
    switch (method) {
      case 'branch':
        if (call.arguments.length === 0) throw new TooDynamic(call, '`.branch()` without a chain');
        for (const argument of call.arguments) state.branches.push(sub(argument));
        return;
      case 'addRetry':
        state.retries.push(call);
        return;
      case 'addCatch': {
        const handler = sub(first);
        state.catchers.push({ target: handler.chain.start, call, argument: first!, props: Props.of(second) });
        return;
      }
      case 'when':
        state.choices.push({ ...sub(second), condition: first! });
        return;
      case 'otherwise':
        state.otherwise = sub(first);
        return;
      default:
        // itemProcessor / iterator
        state.processor = sub(first);
    }
  }
}

const SFN_STATES = new Set(['Pass', 'Succeed', 'Fail', 'Choice', 'Wait', 'Parallel', 'Map', 'DistributedMap', 'CustomState', 'Task']);

function single(state: CdkState, expression: ts.Expression): Chain {
  return { start: state, ends: state.ends, state, startExpression: expression };
}

/**
 * Throws unless `node` runs once per run of the function that holds it: not in a loop, a
 * branch of a condition, or a callback (a `forEach`, an arrow function). A named function or
 * method is fine: identifiers only resolve through enclosing scopes, so a state made there is
 * reached only from a machine made in the same run.
 */
export function assertRunsOnce(node: ts.Node): void {
  for (let current = node; current.parent; current = current.parent) {
    const parent = current.parent;
    if (ts.isIterationStatement(parent, false) || ts.isIfStatement(parent) || ts.isConditionalExpression(parent) || ts.isSwitchStatement(parent) || ts.isCatchClause(parent)) {
      throw new TooDynamic(node, 'it runs in a loop or under a condition');
    }
    if (ts.isBinaryExpression(parent) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(parent.operatorToken.kind)) {
      throw new TooDynamic(node, 'it runs under a condition');
    }
    if (ts.isArrowFunction(parent) || ts.isFunctionExpression(parent)) throw new TooDynamic(node, 'it runs in a callback');
    if (ts.isFunctionDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isConstructorDeclaration(parent) || ts.isSourceFile(parent)) return;
  }
}
