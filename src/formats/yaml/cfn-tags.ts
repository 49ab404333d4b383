/**
 * CloudFormation short-form intrinsics (`!GetAtt`, `!Sub`, …) registered with `yaml` so that
 * they parse without warnings and keep their tag. Each tag is registered in its scalar,
 * sequence and mapping forms, as CloudFormation accepts all three.
 */
import type { Tags } from 'yaml';

/** Short tag name → long-form key (`!GetAtt` → `Fn::GetAtt`). */
export const CFN_INTRINSICS: ReadonlyMap<string, string> = new Map([
  ['Ref', 'Ref'],
  ['Condition', 'Condition'],
  ...['GetAtt', 'Sub', 'Join', 'Select', 'Split', 'If', 'Equals', 'And', 'Or', 'Not', 'FindInMap', 'GetAZs',
    'ImportValue', 'Base64', 'Cidr', 'Transform', 'ToJsonString', 'Length', 'ForEach'].map(
    (name) => [name, `Fn::${name}`] as [string, string],
  ),
]);

export const CFN_TAGS: Tags = [...CFN_INTRINSICS.keys()].flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (seq: unknown) => seq },
  { tag: `!${name}`, collection: 'map' as const, resolve: (map: unknown) => map },
]) as unknown as Tags;
