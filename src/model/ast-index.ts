/**
 * Parent links over the neutral trees of one file, built on demand when a fix is rendered:
 * renderers need the object around a property (to remove it with its comma) and must know
 * when a node is shared through a YAML alias (editing it would change every use).
 */
import type { ArrayNode, AstNode, ObjectNode, PropertyNode } from './ast';

type Parent = ObjectNode | ArrayNode;

export class AstIndex {
  private readonly parents = new Map<AstNode | PropertyNode, Parent>();
  private readonly rangeUses: Map<string, number> | undefined;

  /** `trackSharing` when the text may hold aliases (their nodes repeat the anchor's ranges). */
  constructor(roots: readonly AstNode[], trackSharing: boolean) {
    this.rangeUses = trackSharing ? new Map() : undefined;
    for (const root of roots) this.walk(root);
  }

  /** The object holding a property (or its key or value), or the array holding an item. */
  parentOf(target: AstNode | PropertyNode): Parent | undefined {
    return this.parents.get(target);
  }

  /** True when the node's text stands for more than one place in the tree (an anchor and its aliases). */
  isShared(node: AstNode | PropertyNode): boolean {
    return (this.rangeUses?.get(rangeKey(node.kind === 'property' ? node.key : node)) ?? 0) > 1;
  }

  private walk(node: AstNode): void {
    this.count(node);
    if (node.kind === 'object') {
      for (const property of node.properties) {
        this.count(property.key);
        this.parents.set(property, node);
        this.parents.set(property.key, node);
        this.parents.set(property.value, node);
        this.walk(property.value);
      }
    } else if (node.kind === 'array') {
      for (const item of node.items) {
        this.parents.set(item, node);
        this.walk(item);
      }
    }
  }

  private count(node: AstNode): void {
    if (this.rangeUses) this.rangeUses.set(rangeKey(node), (this.rangeUses.get(rangeKey(node)) ?? 0) + 1);
  }
}

function rangeKey(node: AstNode): string {
  return `${node.kind}:${node.range[0]}:${node.range[1]}`;
}
