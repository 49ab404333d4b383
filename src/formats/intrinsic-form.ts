/** The long (JSON) form of a neutral intrinsic value, shared by the JSON and YAML renderers. */
import type { FixValue, IntrinsicValue } from '../engine/fix-ops';

/** `GetAtt` → `Fn::GetAtt`; `Ref` and `Condition` have no prefix. */
export function longFormKey(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/**
 * The arguments as the long form takes them: `!GetAtt x.Arn` is `"Fn::GetAtt": ["x", "Arn"]`
 * (split at the first dot, as CloudFormation does); everything else keeps its arguments.
 */
export function longFormArgs(value: IntrinsicValue): FixValue {
  if (value.intrinsic === 'GetAtt' && typeof value.args === 'string') {
    const dot = value.args.indexOf('.');
    if (dot > 0) return [value.args.slice(0, dot), value.args.slice(dot + 1)];
  }
  return value.args;
}
