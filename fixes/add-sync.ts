/** `batch/require-sync`: makes a Batch task wait for its job by adding `.sync` to the Resource. */
import type { FixFunction } from '../src/engine/fix-ops';
import { getValue, type AstNode, type ScalarNode } from '../src/model/ast';
import type { State } from '../src/model/types';

const SUBMIT_JOB = /:batch:submitJob(\s*)$/;

/**
 * Sets `…:batch:submitJob` to `…:batch:submitJob.sync`, in a plain string or in the template of
 * `!Sub`/`Fn::Sub`. Undefined for any other Resource (a `Fn::Join`, a placeholder): there is
 * no single string to change.
 */
export function addSync(state: State): FixFunction | undefined {
  const resource = resourceString(state.field('Resource'));
  if (!resource || !SUBMIT_JOB.test(String(resource.value))) return undefined;
  const value = String(resource.value).replace(SUBMIT_JOB, ':batch:submitJob.sync$1');
  return (f) => f.set(resource, value);
}

/** The string scalar holding the Resource text: itself, or the template of `Fn::Sub`. */
function resourceString(node: AstNode | undefined): ScalarNode | undefined {
  if (node?.kind === 'scalar') return typeof node.value === 'string' ? node : undefined;
  if (node?.kind !== 'object' || node.properties.length !== 1) return undefined;
  const sub = getValue(node, 'Fn::Sub');
  const template = sub?.kind === 'array' ? sub.items[0] : sub;
  return template?.kind === 'scalar' && typeof template.value === 'string' ? template : undefined;
}
