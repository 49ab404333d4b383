/**
 * `wf-lint graph`: the exact Mermaid and DOT text for a small machine (Choice with Default,
 * Catch drawn dashed, a Parallel and a Map boxed with their branches, a batch group boxed and
 * labelled, problems marked with their rule ids), `--fixed`, and `--machine`.
 */
import { graphMain } from '../../src/cli/graph';
import { makeFixture, removeFixture, runCliFresh } from '../cli/run-cli';

/** A Choice, a naked Batch task with a Catch, a plain Parallel, a Map and a compliant batch group. */
const MACHINE = `StartAt: route
States:
  route:
    Type: Choice
    Choices:
      - Variable: $.kind
        StringEquals: cog
        Next: convert-batch
    Default: fan-out
  convert-batch:
    Type: Task
    Resource: arn:aws:states:::batch:submitJob.sync
    Parameters:
      Parameters:
        url.$: $.url
        url_out.$: $.url_out
    Catch:
      - ErrorEquals: [States.TaskFailed, States.Timeout]
        Next: failed
    Next: fan-out
  fan-out:
    Type: Parallel
    Branches:
      - StartAt: left
        States:
          left: { Type: Pass, End: true }
      - StartAt: each
        States:
          each:
            Type: Map
            ItemProcessor:
              StartAt: item
              States:
                item: { Type: Pass, End: true }
            End: true
    Next: done
  failed:
    Type: Fail
  done:
    Type: Succeed
`;

const SERVERLESS = `service: s
stepFunctions:
  stateMachines:
    first:
      definition:
        StartAt: a
        States:
          a: { Type: Pass, End: true }
    second:
      definition:
        StartAt: b
        States:
          b: { Type: Succeed }
`;

let dir: string;
beforeAll(() => {
  dir = makeFixture({ 'machine.asl.yaml': MACHINE, 'serverless.yml': SERVERLESS });
});
afterAll(() => removeFixture(dir));

async function graph(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (write: (s: string) => void) => ({ write: (chunk: string) => (write(chunk), true) }) as unknown as NodeJS.WritableStream;
  const code = await graphMain(args, { stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)) }, dir);
  return { code, stdout, stderr };
}

const PROBLEMS = ['batch/require-catch-to-post-batch', 'batch/require-parallel-group', 'batch/require-post-batch', 'batch/require-pre-batch'];

test('mermaid: states, transitions, dashed Catch, boxed Parallel branches and Map processor, marked problems', async () => {
  expect(await graph(['machine.asl.yaml'])).toEqual({
    code: 0,
    stderr: '',
    stdout: `flowchart TD
  Start((start))
  End((end))
  s0["route<br/><i>Choice</i>"]
  s1["convert-batch<br/><i>Task</i>${PROBLEMS.map((id) => `<br/>⚠ ${id}`).join('')}"]
  subgraph s2_box ["Parallel fan-out"]
    s2["fan-out<br/><i>Parallel</i>"]
    subgraph s2_0 ["branch 1"]
      s5["left<br/><i>Pass</i>"]
    end
    subgraph s2_1 ["branch 2"]
      subgraph s6_box ["Map each"]
        s6["each<br/><i>Map</i>"]
        subgraph s6_0 ["item processor"]
          s7["item<br/><i>Pass</i>"]
        end
      end
    end
  end
  s3["failed<br/><i>Fail</i>"]
  s4["done<br/><i>Succeed</i>"]
  Start --> s0
  s0 -->|"rule 1"| s1
  s0 -->|"Default"| s2
  s1 --> s2
  s1 -.->|"States.TaskFailed, States.Timeout"| s3
  s2 --> s4
  s2 ==> s5
  s2 ==> s6
  s6 ==> s7
  s3 --> End
  s4 --> End
  classDef problem stroke:#d73a49,stroke-width:3px
  class s1 problem
`,
  });
});

test('dot, after --fix: the batch group is boxed and labelled, its members inside, no problem left', async () => {
  const { code, stdout, stderr } = await graph(['machine.asl.yaml', '--fixed', '--format', 'dot']);
  expect([code, stderr]).toEqual([0, '']);
  expect(stdout).toBe(`digraph "machine.asl.yaml" {
  rankdir=TB;
  node [shape=box, style=rounded, fontname="Helvetica"];
  Start [shape=circle, label="start"];
  End [shape=doublecircle, label="end"];
  s0 [label="route\\nChoice"];
  subgraph cluster_s1_box {
    label="batch group convert-group";
    style=bold; color=blue;
    s1 [label="convert-group\\nParallel"];
    subgraph cluster_s1_0 {
      label="branch 1";
      s5 [label="convert-pre-batch\\nTask"];
      s6 [label="convert-batch\\nTask"];
      s7 [label="convert-post-batch\\nTask"];
    }
  }
  subgraph cluster_s2_box {
    label="Parallel fan-out";
    s2 [label="fan-out\\nParallel"];
    subgraph cluster_s2_0 {
      label="branch 1";
      s8 [label="left\\nPass"];
    }
    subgraph cluster_s2_1 {
      label="branch 2";
      subgraph cluster_s9_box {
        label="Map each";
        s9 [label="each\\nMap"];
        subgraph cluster_s9_0 {
          label="item processor";
          s10 [label="item\\nPass"];
        }
      }
    }
  }
  s3 [label="failed\\nFail"];
  s4 [label="done\\nSucceed"];
  Start -> s0;
  s0 -> s1 [label="rule 1"];
  s0 -> s2 [label="Default"];
  s1 -> s2;
  s1 -> s3 [style=dashed, label="States.TaskFailed, States.Timeout"];
  s1 -> s5 [style=bold];
  s5 -> s6;
  s6 -> s7;
  s6 -> s7 [style=dashed, label="States.ALL"];
  s2 -> s4;
  s2 -> s8 [style=bold];
  s2 -> s9 [style=bold];
  s9 -> s10 [style=bold];
  s3 -> End;
  s4 -> End;
}
`);
  // Nothing was written.
  expect(require('node:fs').readFileSync(`${dir}/machine.asl.yaml`, 'utf8')).toBe(MACHINE);
});

test('--machine picks one machine of a file that holds several', async () => {
  const { code, stdout } = await graph(['serverless.yml', '--machine', 'second']);
  expect(code).toBe(0);
  expect(stdout).toBe('flowchart TD\n  Start((start))\n  End((end))\n  s0["b<br/><i>Succeed</i>"]\n  Start --> s0\n  s0 --> End\n');
});

test.each([
  [['serverless.yml'], 'wf-lint: serverless.yml holds 2 state machines ("first", "second"); choose one with --machine.\n'],
  [['serverless.yml', '--machine', 'third'], 'wf-lint: No state machine named "third" in serverless.yml; it holds "first", "second".\n'],
  [['package.json'], 'wf-lint: No state machine found in package.json.\n'],
  [['missing.yaml'], 'wf-lint: No files matching the pattern "' + 'MISSING' + '" were found.\n'],
  [[], 'wf-lint: graph expects exactly one FILE.\n'],
])('%j is refused with exit 2', async (args, message) => {
  const run = await graph(args);
  expect([run.code, run.stdout, run.stderr]).toEqual([2, '', message.replace('MISSING', `${dir}/missing.yaml`)]);
});

test('`wf-lint graph` runs from the command line', () => {
  const run = runCliFresh(dir, ['graph', 'serverless.yml', '--machine', 'first', '-f', 'dot']);
  expect([run.status, run.stderr]).toEqual([0, '']);
  expect(run.stdout.split('\n').slice(0, 1)).toEqual(['digraph "first" {']);
  expect(run.stdout).toContain('  s0 [label="a\\nPass"];\n  Start -> s0;\n  s0 -> End;\n}\n');
});
