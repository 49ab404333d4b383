/**
 * Parent links over the neutral trees of one file, asked for when a fix is rendered:
 * renderers need the object around a property (to remove it with its comma) and must know
 * when a node is shared through a YAML alias (editing it would change every use).
 */
import type { ArrayNode, AstNode, ObjectNode, PropertyNode } from './ast';

type Parent = ObjectNode | ArrayNode;

/** What `findParent` answers when the target is not under the node searched. */
const NOT_UNDER = Symbol('not under');

export class AstIndex {
  /** Every node's parent, once walked: always for shared trees, else only when a search misses. */
  private parents: Map<AstNode | PropertyNode, Parent> | undefined;
  private readonly rangeUses: Map<string, number> | undefined;

  /** `trackSharing` when the text may hold aliases (their nodes repeat the anchor's ranges). */
  constructor(private readonly roots: readonly AstNode[], trackSharing: boolean) {
    this.rangeUses = trackSharing ? new Map() : undefined;
    // Counting uses needs every node; a tree without sharing is searched instead, per question,
    // so that a large file with one fix is not indexed whole (most of a fixed file's cost).
    if (trackSharing) this.walkAll();
  }

  /** The object holding a property (or its key or value), or the array holding an item. */
  parentOf(target: AstNode | PropertyNode): Parent | undefined {
    if (this.parents) return this.parents.get(target);
    // Without sharing each node sits in one place, inside the ranges of the nodes around it.
    for (const root of this.roots) {
      const found = findParent(root, target, target.range[0], target.range[1]);
      if (found !== NOT_UNDER) return found;
    }
    // A node outside its parent's range (an adapter's synthetic node): index everything.
    return this.walkAll().get(target);
  }

  /** True when the node's text stands for more than one place in the tree (an anchor and its aliases). */
  isShared(node: AstNode | PropertyNode): boolean {
    return (this.rangeUses?.get(rangeKey(node.kind === 'property' ? node.key : node)) ?? 0) > 1;
  }

  private walkAll(): Map<AstNode | PropertyNode, Parent> {
    if (!this.parents) {
      this.parents = new Map();
      for (const root of this.roots) this.walk(root, this.parents);
    }
    return this.parents;
  }

  private walk(node: AstNode, parents: Map<AstNode | PropertyNode, Parent>): void {
    this.count(node);
    if (node.kind === 'object') {
      for (const property of node.properties) {
        this.count(property.key);
        parents.set(property, node);
        parents.set(property.key, node);
        parents.set(property.value, node);
        this.walk(property.value, parents);
      }
    } else if (node.kind === 'array') {
      for (const item of node.items) {
        parents.set(item, node);
        this.walk(item, parents);
      }
    }
  }

  private count(node: AstNode): void {
    if (this.rangeUses) this.rangeUses.set(rangeKey(node), (this.rangeUses.get(rangeKey(node)) ?? 0) + 1);
  }
}

/**
 * The parent of `target` (spanning `start`–`end`) in the tree of `node`: undefined when it is
 * `node` itself, NOT_UNDER when it is not in that tree. Only subtrees whose range holds the
 * target's are entered; siblings may share a range when empty, so each candidate is tried.
 */
function findParent(node: AstNode, target: AstNode | PropertyNode, start: number, end: number): Parent | undefined | typeof NOT_UNDER {
  if (node === target) return undefined;
  if (node.kind === 'object') {
    for (const property of node.properties) {
      if (property === target || property.key === target || property.value === target) return node;
      const { range } = property.value;
      if (range[0] <= start && end <= range[1]) {
        const found = findParent(property.value, target, start, end);
        if (found !== NOT_UNDER) return found;
      }
    }
  } else if (node.kind === 'array') {
    for (const item of node.items) {
      if (item === target) return node;
      if (item.range[0] <= start && end <= item.range[1]) {
        const found = findParent(item, target, start, end);
        if (found !== NOT_UNDER) return found;
      }
    }
  }
  return NOT_UNDER;
}

function rangeKey(node: AstNode): string {
  return `${node.kind}:${node.range[0]}:${node.range[1]}`;
}
