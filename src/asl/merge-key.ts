/**
 * YAML merge keys the YAML adapter could not expand. It expands `<<: *base` (src/formats/yaml/
 * parse.ts); a `<<` left in the tree has a value that is not a mapping, so what it would pull in
 * is unknown and no rule may judge the fields that are missing beside it.
 */
import type { AstNode } from '../model/ast';

export const MERGE_KEY = '<<';

/** True when `node` is an object with an unexpanded YAML merge key, so some of its fields are unknown. */
export function hasMergeKey(node: AstNode | undefined): boolean {
  if (node?.kind !== 'object') return false;
  // A loop, not `some` with a closure: several rules ask this of every state.
  for (const p of node.properties) if (p.key.value === MERGE_KEY) return true;
  return false;
}
