/** Where a new field goes in a state: after the fields that precede it in the canonical order. */
import type { ObjectNode, PropertyNode } from '../src/model/ast';

/**
 * The property of `object` (in document order, the last one) whose key is in `preceding`:
 * insert after it. Undefined (insert at the end) when none is there.
 */
export function insertionPoint(object: ObjectNode, preceding: readonly string[]): PropertyNode | undefined {
  let found: PropertyNode | undefined;
  for (const property of object.properties) if (preceding.includes(String(property.key.value))) found = property;
  return found;
}
