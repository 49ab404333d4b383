/** `--fix-dry-run -f diff` end to end: the exact diff of the fix, nothing written; refused without a fix option. */
import fs from 'node:fs';
import path from 'node:path';
import { COMPLIANT_YAML, NO_SYNC_JSON, NO_SYNC_YAML, makeFixture, removeFixture, runCliFresh } from './run-cli';

let dir: string;
beforeAll(() => {
  dir = makeFixture({ 'no-sync.asl.yaml': NO_SYNC_YAML, 'no-sync.asl.json': NO_SYNC_JSON, 'ok.asl.yaml': COMPLIANT_YAML });
});
afterAll(() => removeFixture(dir));

test('prints a unified diff per fixed file and writes nothing', () => {
  const run = runCliFresh(dir, ['--fix-dry-run', '-f', 'diff', '.']);
  expect(run.stdout).toBe(`--- a/no-sync.asl.json
+++ b/no-sync.asl.json
@@ -10,7 +10,7 @@
             "pre": { "Type": "Task", "Resource": "arn:aws:lambda:us-west-2:123456789012:function:pre-batch", "Next": "job" },
             "job": {
               "Type": "Task",
-              "Resource": "arn:aws:states:::batch:submitJob",
+              "Resource": "arn:aws:states:::batch:submitJob.sync",
               "Parameters": { "Parameters": { "url.$": "$.url", "url_out.$": "$.url_out" } },
               "Next": "post",
               "Catch": [{ "ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "post" }]
--- a/no-sync.asl.yaml
+++ b/no-sync.asl.yaml
@@ -12,7 +12,7 @@
             Next: copy-assets-batch
           copy-assets-batch:
             Type: Task
-            Resource: arn:aws:states:::batch:submitJob
+            Resource: arn:aws:states:::batch:submitJob.sync
             Parameters:
               JobName: copy-assets
               JobQueue: queue
`);
  expect([run.status, run.stderr]).toEqual([0, '']);
  expect(fs.readFileSync(path.join(dir, 'no-sync.asl.yaml'), 'utf8')).toBe(NO_SYNC_YAML);
});

test('is refused without --fix-dry-run or --fix', () => {
  const run = runCliFresh(dir, ['-f', 'diff', '.']);
  expect([run.status, run.stdout, run.stderr]).toEqual([2, '', 'wf-lint: The diff format shows what fixes change; use it with --fix-dry-run or --fix.\n']);
});
