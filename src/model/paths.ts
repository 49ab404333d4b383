/** ASL reference paths (`$.url`, `$[0]`), compared structurally through jsonpath-plus. */
import { JSONPath } from 'jsonpath-plus';

const cache = new Map<string, readonly string[] | undefined>();

/** The steps of a reference path (`$['a'][0]` → `['$', 'a', '0']`), or undefined if it is not one. */
export function pathSteps(path: string): readonly string[] | undefined {
  if (cache.has(path)) return cache.get(path);
  let steps: readonly string[] | undefined;
  if (path.startsWith('$')) {
    try {
      steps = JSONPath.toPathArray(path) as string[];
    } catch {
      steps = undefined;
    }
  }
  cache.set(path, steps);
  return steps;
}

/** True when `path` is a reference path equal to `expected` (`$['url']` equals `$.url`). */
export function isPath(path: string | undefined, expected: string): boolean {
  if (path === undefined) return false;
  const a = pathSteps(path.trim());
  const b = pathSteps(expected);
  return a !== undefined && b !== undefined && a.length === b.length && a.every((step, i) => step === b[i]);
}

/** True when `path` is a reference path that starts with the steps of `prefix`. */
export function pathStartsWith(path: string | undefined, prefix: string): boolean {
  if (path === undefined) return false;
  const a = pathSteps(path.trim());
  const b = pathSteps(prefix);
  return a !== undefined && b !== undefined && a.length >= b.length && b.every((step, i) => step === a[i]);
}
