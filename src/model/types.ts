/**
 * The state-machine model: what rules read. Built once per machine from the neutral AST
 * by `build.ts`; format-neutral and read-only.
 */
import type { AstNode, ObjectNode, PropertyNode, ScalarNode } from './ast';

/** Where a machine was found in its file; decides naming and, later, fix defaults. */
export type HostKind = 'asl' | 'cirrus' | 'serverless' | 'cloudformation' | 'typescript' | 'cdk';

export interface MachineHost {
  readonly kind: HostKind;
  /** True when the definition is JSON inside a string (CloudFormation `DefinitionString`). */
  readonly embedded: boolean;
  /** The file's syntax: decides how fixes are rendered. */
  readonly syntax: 'yaml' | 'json' | 'ts';
  /**
   * Values given for `${name}` placeholders: the variable map of `Fn::Sub: [template, vars]`
   * or SAM's `DefinitionSubstitutions`.
   */
  readonly substitutions?: ReadonlyMap<string, AstNode>;
}

/** The fields that transfer control to another state. */
export type TransitionField = 'StartAt' | 'Next' | 'Default' | 'Choices' | 'Catch';

export interface Transition {
  readonly scope: Scope;
  /** The state the transition leaves; undefined for `StartAt`. */
  readonly from: State | undefined;
  readonly field: TransitionField;
  /** Index into `Choices` or `Catch`; undefined for the other fields. */
  readonly index: number | undefined;
  /** The target-name scalar (the value of `Next`, `Default`, `StartAt`). */
  readonly target: ScalarNode;
}

/** A `States` block and its `StartAt`: the machine itself, a Parallel branch or a Map processor. */
export interface Scope {
  readonly kind: 'machine' | 'branch' | 'processor';
  readonly node: ObjectNode;
  readonly startAt: ScalarNode | undefined;
  readonly statesNode: ObjectNode | undefined;
  readonly states: readonly State[];
  /** The Parallel or Map that holds this scope; undefined at the top. */
  readonly owner: State | undefined;
  /** The branch index for Parallel branches. */
  readonly branchIndex: number | undefined;
  readonly machine: StateMachine;
  /** The state of this scope named `name`. */
  get(name: string): State | undefined;
  /** Every transition whose target is resolved in this scope (StartAt included). */
  readonly transitions: readonly Transition[];
  /**
   * `fact(this)`, computed on the first call and then remembered: for analyses of the scope that
   * several rules ask for (the model is read-only, so the answer cannot change).
   */
  derive<T>(fact: (scope: Scope) => T): T;
}

export interface State {
  readonly name: string;
  /** The key scalar: where diagnostics about the state point. */
  readonly key: ScalarNode;
  readonly property: PropertyNode;
  readonly node: ObjectNode;
  readonly type: string | undefined;
  readonly scope: Scope;
  /** Nested scopes: Parallel branches or the Map processor. */
  readonly children: readonly Scope[];
  /** The value of a top-level field of the state. */
  field(name: string): AstNode | undefined;
  fieldProperty(name: string): PropertyNode | undefined;
  /** Transitions leaving this state (`Next`, `Default`, `Choices[].Next`, `Catch[].Next`). */
  readonly transitions: readonly Transition[];
}

export interface StateMachine {
  /** A display name: the CloudFormation logical id, the serverless key, or the file's `name`. */
  readonly name: string | undefined;
  readonly host: MachineHost;
  readonly root: Scope;
  /** Every scope, outermost first. */
  scopes(): readonly Scope[];
  /** Every state in every scope, in document order of scopes. */
  states(): readonly State[];
  /** Transitions targeting `state` from its own scope. */
  incoming(state: State): readonly Transition[];
}

/** A CloudFormation resource of the template that holds the machine (for cross-resource rules). */
export interface TemplateResource {
  readonly logicalId: string;
  readonly type: string | undefined;
  readonly node: ObjectNode;
}

export interface TemplateInfo {
  readonly resources: ReadonlyMap<string, TemplateResource>;
}
