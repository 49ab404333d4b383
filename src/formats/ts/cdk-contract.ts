/**
 * The contract between the TypeScript adapter (object literals, plumbing) and the CDK
 * construct-chain reader in `./cdk/`. The adapter loads `./cdk` lazily, only for files that
 * import `aws-stepfunctions`, and never lets a failure there break object-literal linting.
 */
import type { SourceFile as MorphSourceFile } from 'ts-morph';
import type { ObjectNode } from '../../model/ast';
import type { FixOp } from '../../engine/fix-ops';
import type { TextEdit } from '../text-edit';

/** A state machine built from CDK constructs, as a synthetic neutral definition whose nodes carry ranges of the constructs that produced them. */
export interface CdkMachine {
  readonly name: string | undefined;
  readonly definition: ObjectNode;
  /** Renders fix ops on this machine's nodes as TS edits; throws CannotRender when the chain is too dynamic. */
  render(ops: readonly FixOp[], text: string): TextEdit[];
}

export type FindCdkMachines = (file: MorphSourceFile, text: string) => CdkMachine[];
