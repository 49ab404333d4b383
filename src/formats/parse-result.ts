/** What every format parser returns: the neutral tree(s), or the first fatal problem. */
import type { AstNode } from '../model/ast';

export interface ParseError {
  readonly message: string;
  /** Offset in the host file's text. */
  readonly offset: number;
}

/** A `# wf-lint-…` comment found in the file. */
export interface DirectiveComment {
  readonly kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** 1-based line of the comment. */
  readonly line: number;
  /** Offset of the comment's `#`. */
  readonly offset: number;
  /** Rule ids named; empty means every rule. */
  readonly ruleIds: readonly string[];
}

export interface ParsedText {
  /** One root per document (YAML may hold several; JSON holds one). */
  readonly roots: readonly AstNode[];
  readonly error: ParseError | undefined;
  readonly directives: readonly DirectiveComment[];
}
