/**
 * Turns a report's fix into one text edit of the host file: runs the rule's fix function, hands
 * each operation to the adapter of the text it touches (YAML, JSON, or JSON embedded in a
 * CloudFormation string) and merges the edits. A fix no adapter can render safely is dropped:
 * the problem is still reported, only not fixable.
 */
import { mergeEdits, type Fix } from '../engine/apply-edits';
import { fixer, type FixFunction, type FixOp } from '../engine/fix-ops';
import { renderEmbedded } from '../formats/json/embedded';
import { render as renderJson } from '../formats/json/render';
import { CannotRender, type RenderSource, type TextEdit } from '../formats/text-edit';
import { yamlRenderer } from '../formats/yaml/load';
import type { AstNode, PropertyNode } from '../model/ast';
import { AstIndex } from '../model/ast-index';
import type { StateMachine } from '../model/types';
import type { SourceFile } from './parse-source';

const indexes = new WeakMap<SourceFile, AstIndex>();

/** The single edit that applies `fix`, reported on `machine` of `source`; undefined when unavailable. */
export function renderFix(source: SourceFile, machine: StateMachine, fix: FixFunction): Fix | undefined {
  const produced = fix(fixer);
  const ops: readonly FixOp[] = Array.isArray(produced) ? produced : [produced as FixOp];
  if (ops.length === 0) return undefined;
  const index = indexFor(source);
  const renderSource: RenderSource = { text: source.text, parentOf: (target) => index.parentOf(target) };
  const embedded = source.embedded.get(machine);
  try {
    const edits: TextEdit[] = [];
    for (const op of ops) {
      const target = targetOf(op);
      if (index.isShared(target) || movedBy(op).some((p) => index.isShared(p))) throw new CannotRender('The node is shared through a YAML alias.');
      if (embedded && target.range[0] >= embedded.range[0] && target.range[1] <= embedded.range[1]) {
        edits.push(...renderEmbedded(renderSource, embedded, [op]));
      } else {
        edits.push(...(source.syntax === 'yaml' ? yamlRenderer().render : renderJson)(renderSource, [op]));
      }
    }
    return mergeEdits(source.text, edits);
  } catch (error) {
    if (error instanceof CannotRender) return undefined;
    throw error;
  }
}

/** The node an operation changes. */
function targetOf(op: FixOp): AstNode | PropertyNode {
  switch (op.op) {
    case 'set':
      return op.node;
    case 'remove':
    case 'renameKey':
      return op.property;
    case 'insert':
      return op.object;
    case 'insertItem':
    case 'removeItem':
      return op.array;
    case 'wrap':
      return op.place;
  }
}

/** The states a `wrap` moves. */
function movedBy(op: FixOp): PropertyNode[] {
  return op.op === 'wrap' ? op.members.flatMap((m) => ('move' in m ? [m.move] : [])) : [];
}

function indexFor(source: SourceFile): AstIndex {
  let index = indexes.get(source);
  if (!index) {
    const roots = [...source.roots, ...[...source.embedded.keys()].map((m) => m.root.node)];
    // Nodes reached through a YAML alias repeat the ranges of their anchor.
    index = new AstIndex(roots, source.syntax === 'yaml' && /(?:^|[\s:,[{-])\*[^\s,[\]{}]/m.test(source.text));
    indexes.set(source, index);
  }
  return index;
}
