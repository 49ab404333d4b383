/**
 * Conformance with awslabs/statelint's corpus (../shared/corpus/peers/awslabs-statelint), the Ruby
 * original of statelint: its RSpec suite pins a problem count and, for most fixtures, message
 * substrings. The Ruby tool cannot run here, so only wf-lint is scored on it.
 */
import type { Area } from './areas';
import { RESOURCE_NOT_AN_ARN } from './aws-reasons';
import { runCorpus, type KnownDifference } from './run-corpus';
import { statelintArea } from './statelint-areas';

/** Cases that pin a count but no message: the defect, read from the file. */
const AREAS: Readonly<Record<string, readonly Area[]>> = {
  'test/map-with-itemprocessor-and-iterator.json': ['fields'],
  'test/map-with-parameters-and-itemselector.json': ['fields'],
  'test/task-with-invalid-credentials.json': ['fields'],
  'test/no-terminal.json': ['terminal'],
  'test/linked-parallel.json': ['transition'], // transitions into and out of branches
  'test/has-dupes.json': ['names'], // "Sub2_1" in a branch and at the top level
};

/** Fixtures whose Task "Resource" is the placeholder "foo:bar". */
const NOT_AN_ARN = [
  'test/backoff-with-jitter-on-retry.json',
  'test/task-with-parameters.json',
  'test/task-with-resultpath.json',
  'test/task-with-dynamic-timeouts.json',
  'test/task-with-resultselector.json',
  'test/states-array-invocation.json',
  'test/states-format-invocation.json',
  'test/states-stringtojson-invocation.json',
  'test/states-jsontostring-invocation.json',
  'test/states-array-intrinsic-functions.json',
  'test/states-encoding-decoding-intrinsic-functions.json',
  'test/states-hash-intrinsic-functions.json',
  'test/states-json-intrinsic-functions.json',
  'test/states-math-intrinsic-functions.json',
  'test/states-string-intrinsic-functions.json',
  'test/states-uuid-intrinsic-functions.json',
  'test/task-with-credentials.json',
  'test/backoff-with-backoffrate-integer.json',
  'test/backoff-with-backoffrate-decimal.json',
];

const KNOWN_DIFFERENCES: Readonly<Record<string, KnownDifference>> = Object.fromEntries(NOT_AN_ARN.map((id) => [id, RESOURCE_NOT_AN_ARN]));

runCorpus({
  corpus: 'awslabs-statelint',
  knownDifferences: KNOWN_DIFFERENCES,
  areasOf: (c) => AREAS[c.id] ?? c.pinned.map(statelintArea),
});
