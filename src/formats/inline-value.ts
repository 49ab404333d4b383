/** Which fix values the JSON and TypeScript renderers write on one line, as hand-written ASL does. */
import { isIntrinsic, type FixValue } from '../engine/fix-ops';

function isScalar(value: FixValue): boolean {
  return value === null || typeof value !== 'object';
}

/** Scalars, intrinsics, empty collections and arrays of scalars stay on one line. */
export function isInline(value: FixValue): boolean {
  if (isScalar(value) || isIntrinsic(value)) return true;
  if (Array.isArray(value)) return value.every((item: FixValue) => isScalar(item));
  return Object.keys(value as object).length === 0;
}
