/** `batch/require-payload-urls`: passes the payload locations `url` and `url_out` to the job. */
import type { FixFunction } from '../src/engine/fix-ops';
import { getProperty } from '../src/model/ast';
import { queryLanguage } from '../src/model/describe';
import type { BatchQueries } from '../src/model/batch';
import type { State } from '../src/model/types';
import { preBatchOf } from './batch-members';
import { insertionPoint } from './placement';

/**
 * Adds `<key>.$: $.<key>` to the job's `Parameters` (inside the task's `Parameters`), creating
 * either `Parameters` when missing; a wrong path is set right, and a static `<key>` becomes the
 * path (keeping both would be a duplicate field for Step Functions). Undefined for JSONata
 * tasks, for parameters that are not plain objects, and while no pre-batch leads to the task:
 * only pre-batch's output holds `url` and `url_out`, so the path would fail at run time. (The
 * wrap fix inserts the pre-batch first; this fix follows in the next pass.)
 */
export function addPayloadUrl(state: State, key: 'url' | 'url_out', batch: BatchQueries): FixFunction | undefined {
  if (queryLanguage(state) === 'JSONata' || !preBatchOf(state, batch)) return undefined;
  const field = `${key}.$`;
  const path = `$.${key}`;
  const request = state.fieldProperty('Parameters');
  if (!request) {
    return (f) => f.insert(state.node, 'Parameters', { Parameters: { [field]: path } }, insertionPoint(state.node, ['Type', 'Comment', 'Resource']));
  }
  if (request.value.kind !== 'object') return undefined;
  const job = getProperty(request.value, 'Parameters');
  if (!job) {
    const parameters = request.value;
    return (f) => f.insert(parameters, 'Parameters', { [field]: path });
  }
  const jobParameters = job.value;
  if (jobParameters.kind !== 'object') return undefined;
  const existing = getProperty(jobParameters, field);
  if (existing) return existing.value.kind === 'scalar' ? (f) => f.set(existing.value, path) : undefined;
  const fixed = getProperty(jobParameters, key);
  if (fixed) return (f) => [f.renameKey(fixed, field), f.set(fixed.value, path)];
  return (f) => f.insert(jobParameters, field, path, key === 'url_out' ? getProperty(jobParameters, 'url.$') : undefined);
}
