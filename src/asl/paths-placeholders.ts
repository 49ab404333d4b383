/**
 * Values a template engine fills in later (`${Var}`, `#{Var}`, CloudFormation intrinsics):
 * unknown until deployment, so the asl rules never judge them.
 */
import type { AstNode } from '../model/ast';

const TEMPLATE_MARK = /\$\{[^}]*\}|#\{[^}]*\}/;

/** True when `node` stands for a value only known after templating. */
export function isTemplated(node: AstNode): boolean {
  if (node.placeholder) return true;
  if (node.kind === 'object') {
    // `{ "Ref": x }`, `{ "Fn::Sub": ... }`: one key naming a CloudFormation intrinsic.
    return node.properties.length === 1 && /^(Ref|Fn::\w+)$/.test(String(node.properties[0]!.key.value));
  }
  return node.kind === 'scalar' && typeof node.value === 'string' && TEMPLATE_MARK.test(node.value);
}
