/**
 * Conformance with @wmfs/statelint's corpus (../shared/corpus/peers/wmfs-statelint): its suite pins
 * the exact list of problem substrings per fixture; `state_node_test.js` runs only the graph checker
 * on inline objects (exported as `inline/*.json`) and pins a count, so their areas are read from
 * the objects themselves (AREAS).
 */
import type { Area } from './areas';
import { RESOURCE_NOT_AN_ARN } from './aws-reasons';
import { runCorpus, type KnownDifference } from './run-corpus';
import { statelintArea } from './statelint-areas';

/** Graph-checker cases pin only a count: the defect, read from the object. */
const AREAS: Readonly<Record<string, readonly Area[]>> = {
  'inline/state_node_only-01.json': ['transition', 'reachability'], // StartAt "x" is no state; "y" is unreachable
  'inline/state_node_only-02.json': ['fields'], // state "x" has no Type; "w" is not an object
  'inline/state_node_only-03.json': ['retry-catch'], // States.ALL retrier not last
  'inline/state_node_only-04.json': ['retry-catch'], // States.ALL catcher not last
  'inline/state_node_only-05.json': ['retry-catch'], // States.ALL beside another error name
  'inline/state_node_only-07.json': ['transition'], // Next "B" is no state
  'inline/state_node_only-08.json': ['reachability'], // "X" is unreachable
  'inline/state_node_only-09.json': ['terminal'], // A -> B -> A, no terminal state
  'test/fixtures/no-terminal.json': ['terminal'],
  'test/fixtures/linked-parallel.json': ['transition'], // transitions into and out of branches
  'test/fixtures/has-dupes.json': ['names'], // "Sub2_1" in a branch and at the top level
};

/** Fixtures whose Task "Resource" is a placeholder such as "foo:bar" or "module:hello". */
const NOT_AN_ARN = [
  'test/fixtures/backoff-with-jitter-on-retry.json',
  'test/fixtures/task-with-parameters.json',
  'test/fixtures/task-with-resultpath.json',
  'test/fixtures/task-with-dynamic-timeouts.json',
  'test/fixtures/task-with-resultselector.json',
  'test/fixtures/states-array-invocation.json',
  'test/fixtures/states-format-invocation.json',
  'test/fixtures/states-stringtojson-invocation.json',
  'test/fixtures/states-jsontostring-invocation.json',
  'test/fixtures/states-array-intrinsic-functions.json',
  'test/fixtures/states-encoding-decoding-intrinsic-functions.json',
  'test/fixtures/states-hash-intrinsic-functions.json',
  'test/fixtures/states-json-intrinsic-functions.json',
  'test/fixtures/states-math-intrinsic-functions.json',
  'test/fixtures/states-string-intrinsic-functions.json',
  'test/fixtures/states-uuid-intrinsic-functions.json',
  'test/fixtures/task-with-credentials.json',
  'test/fixtures/hello-world-with-caught-failures.json',
];

const KNOWN_DIFFERENCES: Readonly<Record<string, KnownDifference>> = {
  ...Object.fromEntries(NOT_AN_ARN.map((id) => [id, RESOURCE_NOT_AN_ARN])),
  'inline/state_node_only-06.json': {
    wfLint: 'rejects',
    rules: ['asl/valid-choice-rules'],
    reason:
      'The Choice rule {"Variable": "$.a", "Next": "B"} has no comparison operator. statelint\'s graph checker, the only one this ' +
      'case runs, ignores rule shapes; AWS requires exactly one operator per rule (AWS Step Functions guide, "Choice workflow ' +
      'state": "Each choice rule must contain exactly one field containing a comparison operator").',
  },
};

runCorpus({
  corpus: 'wmfs-statelint',
  knownDifferences: KNOWN_DIFFERENCES,
  areasOf: (c) => AREAS[c.id] ?? c.pinned.map(statelintArea),
});
