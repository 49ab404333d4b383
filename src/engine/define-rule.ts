/**
 * The rule contract. `defineRule` is generic over message ids and options, in the manner of
 * typescript-eslint's `RuleCreator`: a report with an unknown `messageId` does not compile.
 */
import type { AstNode, PropertyNode } from '../model/ast';
import type { BatchQueries } from '../model/batch';
import type { Scope, State, StateMachine, TemplateInfo, Transition } from '../model/types';
import type { FixFunction } from './fix-ops';

export type JsonSchema = Record<string, unknown>;

export interface RuleMeta<MessageIds extends string> {
  readonly type: 'problem' | 'suggestion' | 'layout';
  readonly docs: {
    /** `^(Disallow|Require|Enforce|Prefer) …`, no final period; equals the doc's first line. */
    readonly description: string;
    /** In `wf-lint:recommended` (every rule is in `wf-lint:strict`). */
    readonly recommended: boolean;
    /** Severity when enabled by a preset. */
    readonly defaultSeverity: 'error' | 'warn';
  };
  readonly fixable?: 'code';
  readonly messages: Readonly<Record<MessageIds, string>>;
  /** JSON Schema for the options array; the config loader validates against it. */
  readonly schema: readonly JsonSchema[];
}

export interface ReportDescriptor<MessageIds extends string> {
  /** Where the problem is: usually a state's key. */
  readonly node: AstNode | PropertyNode;
  readonly messageId: MessageIds;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly fix?: FixFunction;
}

export interface RuleContext<MessageIds extends string, Options extends readonly unknown[]> {
  readonly id: string;
  readonly options: Options;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly machine: StateMachine;
  /** The CloudFormation template around the machine, when there is one. */
  readonly template: TemplateInfo | undefined;
  readonly batch: BatchQueries;
  report(descriptor: ReportDescriptor<MessageIds>): void;
  /** The 1-based line and column where `node` starts, for messages that point at another place ("first defined at line 12"). */
  locate(node: AstNode | PropertyNode): { readonly line: number; readonly column: number };
}

type StateVisitor = (state: State) => void;

/** Visitors keyed by model kind (DESIGN §5); `:exit` variants run after the children. */
export interface Visitors {
  StateMachine?: (machine: StateMachine) => void;
  'StateMachine:exit'?: (machine: StateMachine) => void;
  Scope?: (scope: Scope) => void;
  State?: StateVisitor;
  Task?: StateVisitor;
  Parallel?: StateVisitor;
  Map?: StateVisitor;
  Choice?: StateVisitor;
  Pass?: StateVisitor;
  Wait?: StateVisitor;
  Succeed?: StateVisitor;
  Fail?: StateVisitor;
  Transition?: (transition: Transition) => void;
}

export interface RuleModule<MessageIds extends string = string, Options extends readonly unknown[] = readonly unknown[]> {
  readonly meta: RuleMeta<MessageIds>;
  readonly defaultOptions: Options;
  create(context: RuleContext<MessageIds, Options>): Visitors;
}

/** Declares a rule; the id comes from its file name through the registry. */
export function defineRule<MessageIds extends string, Options extends readonly unknown[] = []>(rule: {
  meta: RuleMeta<MessageIds>;
  defaultOptions?: Options;
  create(context: RuleContext<MessageIds, Options>): Visitors;
}): RuleModule<MessageIds, Options> {
  return { ...rule, defaultOptions: rule.defaultOptions ?? ([] as unknown as Options) };
}
