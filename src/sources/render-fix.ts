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
import { tsRenderer } from '../formats/ts/load';
import { yamlRenderer } from '../formats/yaml/load';
import type { AstNode, PropertyNode } from '../model/ast';
import { AstIndex } from '../model/ast-index';
import type { StateMachine } from '../model/types';
import type { SourceFile } from './parse-source';

/**
 * Renders the fixes of one file's reports, building the file's node index once, on the first
 * fix. The index lives as long as the returned function (the lint of that file), not in a
 * module-wide WeakMap: V8's young-generation collections keep a WeakMap's values alive, so
 * every file's tree would be moved to the old generation and a large run's peak memory would
 * grow with it (issue 8; measured with --trace-gc on 10,000 definitions).
 */
export function fixRenderer(source: SourceFile): (machine: StateMachine, fix: FixFunction) => Fix | undefined {
  let index: AstIndex | undefined;
  return (machine, fix) => renderWith(source, machine, fix, () => (index ??= indexOf(source)));
}

/** The single edit that applies `fix`, reported on `machine` of `source`; undefined when unavailable. */
export function renderFix(source: SourceFile, machine: StateMachine, fix: FixFunction): Fix | undefined {
  return fixRenderer(source)(machine, fix);
}

function renderWith(source: SourceFile, machine: StateMachine, fix: FixFunction, indexFor: () => AstIndex): Fix | undefined {
  const produced = fix(fixer);
  const ops: readonly FixOp[] = Array.isArray(produced) ? produced : [produced as FixOp];
  if (ops.length === 0) return undefined;
  const cdk = source.cdk?.get(machine);
  if (cdk) return renderCdkFix(source, () => cdk.render(ops, source.text));
  const index = indexFor();
  const renderSource: RenderSource = { text: source.text, parentOf: (target) => index.parentOf(target) };
  const embedded = source.embedded.get(machine);
  try {
    const edits: TextEdit[] = [];
    for (const op of ops) {
      const target = targetOf(op);
      if (index.isShared(target) || movedBy(op).some((p) => index.isShared(p))) throw new CannotRender('The node is shared: a YAML alias, or a TypeScript const used twice.');
      // A field inserted next to one pulled in by a YAML merge key would land in the anchor's text.
      const neighbour = op.op === 'insert' ? (op.after ?? op.before ?? op.object.properties[op.object.properties.length - 1]) : undefined;
      if (neighbour && index.isShared(neighbour)) {
        throw new CannotRender('The neighbouring field comes from a YAML merge key.');
      }
      if (embedded && target.range[0] >= embedded.range[0] && target.range[1] <= embedded.range[1]) {
        edits.push(...renderEmbedded(renderSource, embedded, [op]));
      } else {
        edits.push(...rendererOf(source)(renderSource, [op]));
      }
    }
    return mergeEdits(source.text, edits);
  } catch (error) {
    if (error instanceof CannotRender) return undefined;
    throw error;
  }
}

function rendererOf(source: SourceFile): (renderSource: RenderSource, ops: readonly FixOp[]) => TextEdit[] {
  if (source.syntax === 'yaml') return yamlRenderer().render;
  return source.syntax === 'ts' ? tsRenderer().render : renderJson;
}

/**
 * A CDK machine's fix, rendered by the construct reader. Its nodes are synthetic (shared
 * sub-chains, constructs reached from several places), so it checks its own edits; any failure
 * there makes the fix unavailable rather than the run crash.
 */
function renderCdkFix(source: SourceFile, render: () => TextEdit[]): Fix | undefined {
  try {
    return mergeEdits(source.text, render());
  } catch {
    return undefined;
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

function indexOf(source: SourceFile): AstIndex {
  const roots = [...source.roots, ...[...source.embedded.keys()].map((m) => m.root.node)];
  // Nodes reached through a YAML alias repeat the ranges of their anchor.
  // Nodes reached through a TypeScript `const` used twice repeat its ranges too.
  return new AstIndex(roots, source.syntax === 'ts' || (source.syntax === 'yaml' && /(?:^|[\s:,[{-])\*[^\s,[\]{}]/m.test(source.text)));
}
