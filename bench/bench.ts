/**
 * The wf-lint benchmark (`npm run bench`). Not a test: timings never go into unit tests.
 *
 * In one process, over the generated corpus (bench/generate.ts, at least 2,000 definitions):
 *   (a) the floor: walk the folder, read every file and parse it with the fastest
 *       position-aware parser of its format (DESIGN §5): jsonc-parser `parseTree` for JSON,
 *       yaml `parseDocument` for YAML, and `parseTree` again for JSON embedded in a
 *       CloudFormation `DefinitionString`;
 *   (b) the full lint through the API (`new WfLint({ cwd, configLookup: false, ignore: false }).lintFiles([dir])`),
 *       interleaved with the floor: one warm-up each, then best-of-N (median also reported);
 *   (c) peak RSS of a full lint in a fresh child process pinned to one core (`taskset -c 0`;
 *       the API is single-threaded), from `process.resourceUsage().maxRSS`;
 *   (d) cold single-file latency: `node dist/src/cli/main.js <small file>` against `node -e 0`,
 *       medians of N interleaved spawns;
 *   (e) the peers on a sample of the same corpus, per definition (bench/peers.ts);
 *   (f) `--fix` on 1,000 non-compliant files against linting them, the scaling curve over
 *       1k/5k/10k/20k definitions (one thread and `--concurrency auto`), peak RSS at 10k, and
 *       whether a YAML/JSON run loaded ts-morph (bench/scale.ts, fresh child processes).
 * Writes bench/results.json and bench/results.md.
 *
 *   node dist/bench/bench.js [--definitions 2000] [--seed N] [--runs 3] [--cold 10]
 *                            [--corpus DIR] [--regenerate] [--profile]
 *                            [--peers 40] [--fix-files 1000] [--scale 1000,5000,10000,20000]
 *                            [--no-readme]   (else the README's bench section is rewritten)
 *   node dist/bench/bench.js --profile-only      # CPU profile of one lint of the corpus, summarised
 *   node dist/bench/bench.js --only cold,rss     # just these parts (cold: (d); rss: peak RSS of a
 *                                                # one-thread lint of 10,000 definitions), printed, nothing written
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { loadAll as loadYamlAst } from '@stoplight/yaml-ast-parser/dist/src/loader';
import type { YAMLNode } from '@stoplight/yaml-ast-parser/dist/src/yamlAST';
import { isMap, isScalar, parseDocument } from 'yaml';
import { WfLint } from '../src/api/wf-lint';
import type { LintResult } from '../src/engine/types';
// The linter's own CloudFormation tags and machine resource types, so the floor parses as it does.
import { CFN_TAGS } from '../src/formats/yaml/cfn-tags';
import { MACHINE_TYPES } from '../src/sources/find-machines';
import { DEFAULT_DEFINITIONS, DEFAULT_SEED, GENERATOR_VERSION, generateCorpus, MANIFEST_NAME, type Manifest } from './generate';
import { comparePeers, peerSample, type PeerTiming } from './peers';
import { readmeSection, updateReadme } from './readme-section';
import { cliPeakRss, compareFix, scalePoint, scaleSingle, type CliRun, type FixComparison, type ScalePoint } from './scale';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const BENCH_DIR = path.join(ROOT, 'bench');

const TARGETS = {
  coldRatio: 2.5,
  definitionsPerSecond: 1000,
  lintOverFloor: 2,
  /** asl-validator's milliseconds per definition over wf-lint's. */
  fasterThanAslValidator: 3,
  peakRssMbAt10k: 200,
  fixOverLint: 3,
};

// ---------------------------------------------------------------------------------------------
// Options.

interface Options {
  corpus: string;
  definitions: number;
  seed: number;
  runs: number;
  cold: number;
  regenerate: boolean;
  profile: boolean;
  profileOnly: boolean;
  peers: number;
  readme: boolean;
  fixFiles: number;
  scale: number[];
  /** `--only cold,rss`: run just these parts, print them, write nothing (for before/after checks). */
  only: string[];
}

function parseArgs(argv: readonly string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    corpus: path.resolve(value('--corpus') ?? path.join(BENCH_DIR, '.corpus')),
    definitions: Number(value('--definitions') ?? DEFAULT_DEFINITIONS),
    seed: Number(value('--seed') ?? DEFAULT_SEED),
    runs: Math.max(1, Number(value('--runs') ?? 3)),
    cold: Math.max(1, Number(value('--cold') ?? 10)),
    regenerate: argv.includes('--regenerate'),
    profile: argv.includes('--profile'),
    profileOnly: argv.includes('--profile-only'),
    peers: Math.max(2, Number(value('--peers') ?? 40)),
    // A partial run (fewer definitions, a shorter curve) must not overwrite the README's figures.
    readme: !argv.includes('--no-readme'),
    fixFiles: Math.max(1, Number(value('--fix-files') ?? 1000)),
    scale: (value('--scale') ?? '1000,5000,10000,20000').split(',').filter(Boolean).map(Number),
    only: (value('--only') ?? '').split(',').filter(Boolean),
  };
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

const now = () => Number(process.hrtime.bigint()) / 1e6;
/** CPU time of this process (user + system, all threads), in ms: less sensitive to other load than wall time. */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;
const fmt = (x: number, digits = 0) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const log = (line = '') => process.stdout.write(`${line}\n`);

/** The folder walk of the floor: every file whose name the linter's walker would read. */
const WALKED = /\.(?:json|ya?ml|asl|tmpl|template)$/i;

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (WALKED.test(entry.name)) out.push(full);
    }
  };
  visit(dir);
  return out.sort();
}

// ---------------------------------------------------------------------------------------------
// (a) The floor.

interface FloorRun {
  total: number;
  cpu: number;
  walk: number;
  read: number;
  json: number;
  yaml: number;
  embedded: number;
  files: number;
  bytes: number;
  embeddedDefinitions: number;
  parseErrors: number;
}

/**
 * The YAML parser of a floor run: `yaml` is the floor issue 8 names; `yaml-ast-parser` is the
 * faster position-aware parser the lint's fast path uses (src/formats/yaml/fast-parse.ts), so
 * the lint is also compared with the floor it could reach itself.
 */
type FloorYamlParser = 'yaml' | 'yaml-ast-parser';

function floorOnce(dir: string, yamlParser: FloorYamlParser = 'yaml'): FloorRun {
  const run: FloorRun = { total: 0, cpu: 0, walk: 0, read: 0, json: 0, yaml: 0, embedded: 0, files: 0, bytes: 0, embeddedDefinitions: 0, parseErrors: 0 };
  const start = now();
  const cpuStart = cpuNow();
  const files = listFiles(dir);
  run.walk = now() - start;
  for (const file of files) {
    let t = now();
    const text = fs.readFileSync(file, 'utf8');
    run.read += now() - t;
    run.files++;
    run.bytes += text.length;
    t = now();
    const embedded: string[] = [];
    if (file.endsWith('.json')) {
      const errors: ParseError[] = [];
      const tree = parseTree(text, errors, { disallowComments: true });
      run.parseErrors += errors.length;
      run.json += now() - t;
      if (tree) collectEmbeddedJson(tree, embedded);
    } else if (yamlParser === 'yaml') {
      const doc = parseDocument(text, { customTags: CFN_TAGS, uniqueKeys: false });
      run.parseErrors += doc.errors.length;
      run.yaml += now() - t;
      collectEmbeddedYaml(doc.contents, embedded);
    } else {
      const docs: YAMLNode[] = [];
      // The options the fast path uses; CloudFormation tags are reported as unknown, not errors.
      loadYamlAst(text, (doc) => docs.push(doc), { ignoreDuplicateKeys: true });
      run.yaml += now() - t;
      for (const doc of docs) collectEmbeddedYamlAst(doc, embedded);
    }
    t = now();
    for (const definition of embedded) {
      const errors: ParseError[] = [];
      parseTree(definition, errors, { disallowComments: true });
      run.parseErrors += errors.length;
      run.embeddedDefinitions++;
    }
    run.embedded += now() - t;
  }
  run.total = now() - start;
  run.cpu = cpuNow() - cpuStart;
  return run;
}

function jsonChild(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.type !== 'object') return undefined;
  for (const p of node.children ?? []) if (p.children?.[0]?.value === key) return p.children[1];
  return undefined;
}

/** `DefinitionString` texts of a JSON template: a string, `Fn::Sub` (both forms) or `Fn::Join`. */
function collectEmbeddedJson(tree: JsonNode, out: string[]): void {
  const resources = jsonChild(tree, 'Resources');
  for (const p of resources?.children ?? []) {
    const resource = p.children?.[1];
    if (!MACHINE_TYPES.has(String(jsonChild(resource, 'Type')?.value))) continue;
    const ds = jsonChild(jsonChild(resource, 'Properties'), 'DefinitionString');
    if (!ds) continue;
    if (ds.type === 'string') out.push(ds.value);
    const sub = jsonChild(ds, 'Fn::Sub');
    if (sub?.type === 'string') out.push(sub.value);
    if (sub?.type === 'array' && sub.children?.[0]?.type === 'string') out.push(sub.children[0].value);
    const join = jsonChild(ds, 'Fn::Join');
    if (join?.type === 'array') {
      const [sep, list] = join.children ?? [];
      out.push((list?.children ?? []).map((c) => (c.type === 'string' ? c.value : '""')).join(String(sep?.value ?? '')));
    }
  }
}

function collectEmbeddedYaml(contents: unknown, out: string[]): void {
  if (!isMap(contents)) return;
  const resources = contents.get('Resources', true);
  if (!isMap(resources)) return;
  for (const pair of resources.items) {
    const resource = pair.value;
    if (!isMap(resource) || !MACHINE_TYPES.has(String(resource.get('Type')))) continue;
    const properties = resource.get('Properties', true);
    const ds = isMap(properties) ? properties.get('DefinitionString', true) : undefined;
    if (isScalar(ds) && typeof ds.value === 'string') out.push(ds.value);
  }
}

/** The mapping value under `key` in a yaml-ast-parser node (kinds: 0 scalar, 1 mapping, 2 map). */
function yamlAstChild(node: YAMLNode | undefined, key: string): YAMLNode | undefined {
  if (node?.kind !== 2) return undefined;
  for (const m of node.mappings as YAMLNode[]) if (m.key?.value === key) return m.value as YAMLNode | undefined;
  return undefined;
}

function collectEmbeddedYamlAst(doc: YAMLNode, out: string[]): void {
  const resources = yamlAstChild(doc, 'Resources');
  if (resources?.kind !== 2) return;
  for (const m of resources.mappings as YAMLNode[]) {
    const resource = m.value as YAMLNode | undefined;
    if (!MACHINE_TYPES.has(String(yamlAstChild(resource, 'Type')?.value))) continue;
    const ds = yamlAstChild(yamlAstChild(resource, 'Properties'), 'DefinitionString');
    if (ds?.kind === 0 && typeof ds.value === 'string') out.push(ds.value);
  }
}

// ---------------------------------------------------------------------------------------------
// (b) The lint.

interface LintRun {
  total: number;
  cpu: number;
  results: LintResult[];
}

async function lintOnce(dir: string): Promise<LintRun> {
  const start = now();
  const cpuStart = cpuNow();
  // ignore: false, because bench/.corpus/ is git-ignored (it is generated, never committed).
  const results = await new WfLint({ cwd: dir, configLookup: false, ignore: false }).lintFiles([dir]);
  return { total: now() - start, cpu: cpuNow() - cpuStart, results };
}

interface LintSummary {
  files: number;
  errors: number;
  warnings: number;
  fatal: number;
  suppressed: number;
  byRule: Record<string, number>;
}

function summariseResults(results: readonly LintResult[]): LintSummary {
  const summary: LintSummary = { files: results.length, errors: 0, warnings: 0, fatal: 0, suppressed: 0, byRule: {} };
  for (const r of results) {
    summary.errors += r.errorCount;
    summary.warnings += r.warningCount;
    summary.fatal += r.fatalErrorCount;
    summary.suppressed += r.suppressedMessages?.length ?? 0;
    for (const m of r.messages) summary.byRule[m.ruleId ?? '(fatal)'] = (summary.byRule[m.ruleId ?? '(fatal)'] ?? 0) + 1;
  }
  summary.byRule = Object.fromEntries(Object.entries(summary.byRule).sort(([a], [b]) => (a < b ? -1 : 1)));
  return summary;
}

// ---------------------------------------------------------------------------------------------
// (c) Child processes: peak RSS, one core.

const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((p) => fs.existsSync(p));

interface ChildReport {
  kind: string;
  ms: number;
  maxRssKb: number;
  files?: number;
  pinned: boolean;
}

function runChild(kind: 'lint' | 'floor' | 'bare', dir: string, nodeFlags: string[] = []): ChildReport {
  const args = [...nodeFlags, __filename, '--child', kind, dir];
  const command = TASKSET ? TASKSET : process.execPath;
  const argv = TASKSET ? ['-c', '0', process.execPath, ...args] : args;
  const child = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`child ${kind} failed (${child.status}): ${child.stderr}`);
  return { ...(JSON.parse(child.stdout.trim().split('\n').pop() as string) as Omit<ChildReport, 'pinned'>), pinned: Boolean(TASKSET) };
}

async function childMain(kind: string, dir: string): Promise<void> {
  const start = now();
  let files: number | undefined;
  if (kind === 'lint') files = (await lintOnce(dir)).results.length;
  else if (kind === 'floor') files = floorOnce(dir).files;
  const ms = now() - start;
  process.stdout.write(`${JSON.stringify({ kind, ms, maxRssKb: process.resourceUsage().maxRSS, files })}\n`);
}

// ---------------------------------------------------------------------------------------------
// (d) Cold single-file latency.

interface ColdResult {
  file: string;
  bytes: number;
  cliMs: number[];
  nodeMs: number[];
  cliMedian: number;
  nodeMedian: number;
  ratio: number;
  /** CPU time (user + system) of the child, from /usr/bin/time, when present. */
  cliCpuMedian?: number;
  nodeCpuMedian?: number;
  cpuRatio?: number;
  exitCodes: number[];
}

const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function spawnMs(args: readonly string[]): { ms: number; cpuMs?: number; status: number } {
  const start = now();
  const r = TIME
    ? spawnSync(TIME, ['-f', '%U %S', process.execPath, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
    : spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  const ms = now() - start;
  const m = TIME ? /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(String(r.stderr)) : null;
  // /usr/bin/time reports the child's exit status as its own.
  return { ms, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : undefined, status: r.status ?? -1 };
}

function coldLatency(file: string, n: number): ColdResult {
  spawnMs(['-e', '0']);
  spawnMs([CLI, file]); // fills the page cache
  const cliMs: number[] = [];
  const nodeMs: number[] = [];
  const cliCpu: number[] = [];
  const nodeCpu: number[] = [];
  const exitCodes = new Set<number>();
  for (let i = 0; i < n; i++) {
    const a = spawnMs(['-e', '0']);
    nodeMs.push(a.ms);
    if (a.cpuMs !== undefined) nodeCpu.push(a.cpuMs);
    const b = spawnMs([CLI, file]);
    cliMs.push(b.ms);
    if (b.cpuMs !== undefined) cliCpu.push(b.cpuMs);
    exitCodes.add(b.status);
  }
  const cliMedian = median(cliMs);
  const nodeMedian = median(nodeMs);
  const cpu = cliCpu.length === n && nodeCpu.length === n ? { cliCpuMedian: median(cliCpu), nodeCpuMedian: median(nodeCpu), cpuRatio: median(cliCpu) / median(nodeCpu) } : {};
  return { file: path.relative(ROOT, file), bytes: fs.statSync(file).size, cliMs, nodeMs, cliMedian, nodeMedian, ratio: cliMedian / nodeMedian, ...cpu, exitCodes: [...exitCodes] };
}

// ---------------------------------------------------------------------------------------------
// CPU profile of one lint of the corpus (`--profile`, `--profile-only`).

interface Hotspot {
  where: string;
  selfMs: number;
  share: number;
}

interface ProfileSummary {
  file: string;
  totalMs: number;
  byFunction: Hotspot[];
  byModule: Hotspot[];
}

function profileLint(dir: string): ProfileSummary {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-lint-bench-profile-'));
  const child = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${outDir}`, __filename, '--child', 'lint', dir], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`profile run failed: ${child.stderr}`);
  const file = path.join(outDir, fs.readdirSync(outDir).find((f) => f.endsWith('.cpuprofile')) as string);
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
    samples: number[];
    timeDeltas: number[];
  };
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = (nodes.get(id) as (typeof profile.nodes)[number]).callFrame;
    total += us;
    const rel = url ? relativeUrl(url) : '';
    const name = functionName || '(anonymous)';
    const fn = rel ? `${rel}:${lineNumber + 1} ${name}` : name;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    const mod = rel ? moduleOf(rel) : name;
    byModule.set(mod, (byModule.get(mod) ?? 0) + us);
  }
  const top = (m: Map<string, number>, k: number): Hotspot[] =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([where, us]) => ({ where, selfMs: round(us / 1000), share: round((us / total) * 100, 1) }));
  return { file, totalMs: round(total / 1000), byFunction: top(byFunction, 25), byModule: top(byModule, 15) };
}

function relativeUrl(url: string): string {
  const p = url.startsWith('file://') ? url.slice(7) : url;
  return p.startsWith(ROOT) ? path.relative(ROOT, p) : p;
}

/** `node_modules/yaml/dist/...` → `yaml`; `dist/src/model/build.js` → `src/model/build`. */
function moduleOf(rel: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(rel);
  if (nm) return `node_modules/${nm[1]}`;
  if (rel.startsWith('node:')) return rel;
  return rel.replace(/^dist\//, '').replace(/\.js$/, '');
}

function printProfile(p: ProfileSummary): void {
  log(`CPU profile of one full lint (${fmt(p.totalMs)} ms sampled): ${p.file}`);
  log('  self time by module:');
  for (const h of p.byModule) log(`    ${fmt(h.selfMs).padStart(7)} ms ${String(h.share).padStart(5)}%  ${h.where}`);
  log('  self time by function:');
  for (const h of p.byFunction) log(`    ${fmt(h.selfMs).padStart(7)} ms ${String(h.share).padStart(5)}%  ${h.where}`);
}

// ---------------------------------------------------------------------------------------------
// Main.

function ensureCorpus(o: Options, dir: string): Manifest {
  const manifestPath = path.join(dir, MANIFEST_NAME);
  try {
    const m = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;
    if (!o.regenerate && m.generatorVersion === GENERATOR_VERSION && m.seed === o.seed && m.requestedDefinitions === o.definitions) return m;
  } catch {
    // missing or unreadable: generate
  }
  const t = now();
  const m = generateCorpus({ out: dir, definitions: o.definitions, seed: o.seed });
  log(`Generated the corpus in ${fmt(now() - t)} ms (${dir}).`);
  return m;
}

/** The corpus folder, checked with a first lint (which doubles as the warm-up): the API must see every file. */
async function lintableCorpus(o: Options): Promise<{ dir: string; manifest: Manifest; warm: LintRun }> {
  const dir = o.corpus;
  const manifest = ensureCorpus(o, dir);
  const warm = await lintOnce(dir);
  if (warm.results.length !== manifest.files) {
    throw new Error(`The lint saw ${warm.results.length} files of the ${manifest.files} in ${dir}: the comparison would be meaningless.`);
  }
  return { dir, manifest, warm };
}

function machineInfo() {
  const cpus = os.cpus();
  let nproc = cpus.length;
  try {
    nproc = Number(spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()) || nproc;
  } catch {
    // keep os.cpus()
  }
  return {
    nproc,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
  };
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm run bench does).`);
  if (o.only.length > 0) return runParts(o);
  const started = now();
  const loadBefore = os.loadavg().map((x) => round(x, 2));
  log(`Machine: ${os.cpus().length} CPUs, node ${process.version}, load average ${loadBefore.join(' ')}`);
  log('Warming up (lint, floor)...');
  const { dir, manifest, warm } = await lintableCorpus(o);
  log(`Corpus: ${fmt(manifest.definitions)} definitions in ${fmt(manifest.files)} files, ${fmt(manifest.bytes / 1e6, 1)} MB, ${fmt(manifest.states)} states (${dir})`);

  if (o.profileOnly) {
    printProfile(profileLint(dir));
    return;
  }

  // (a) + (b), interleaved so that both see the same machine state.
  const floorFiles = floorOnce(dir).files;
  if (floorFiles !== manifest.files) throw new Error(`The floor read ${floorFiles} files, the manifest lists ${manifest.files}.`);
  const summary = summariseResults(warm.results);
  const fixable = warm.results.filter((r) => r.fixableErrorCount + r.fixableWarningCount > 0).map((r) => r.filePath);
  warm.results.length = 0;
  if (summary.fatal > 0) log(`WARNING: ${summary.fatal} fatal parse errors in the corpus (generator or parser bug).`);
  const floorRuns: FloorRun[] = [];
  const fastFloorRuns: FloorRun[] = [];
  const lintRuns: number[] = [];
  const lintCpu: number[] = [];
  for (let i = 0; i < o.runs; i++) {
    const f = floorOnce(dir);
    floorRuns.push(f);
    fastFloorRuns.push(floorOnce(dir, 'yaml-ast-parser'));
    const l = await lintOnce(dir);
    if (l.results.length !== floorFiles) throw new Error(`run ${i + 1}: the lint saw ${l.results.length} files, expected ${floorFiles}`);
    lintRuns.push(l.total);
    lintCpu.push(l.cpu);
    log(`  run ${i + 1}/${o.runs}: floor ${fmt(f.total)} ms (cpu ${fmt(f.cpu)}), lint ${fmt(l.total)} ms (cpu ${fmt(l.cpu)}, ${l.results.length} files)`);
  }
  const floorCpuMs = Math.min(...floorRuns.map((r) => r.cpu));
  const lintCpuMs = Math.min(...lintCpu);
  const floorBest = floorRuns.reduce((a, b) => (b.total < a.total ? b : a));
  const floorMs = floorBest.total;
  const lintMs = Math.min(...lintRuns);
  const definitionsPerSecond = manifest.definitions / (lintMs / 1000);
  const filesPerSecond = manifest.files / (lintMs / 1000);
  const ratio = lintMs / floorMs;
  const fastFloorBest = fastFloorRuns.reduce((a, b) => (b.total < a.total ? b : a));

  // (c) Peak RSS and one-core time in fresh processes.
  log('Child processes (peak RSS, pinned to one core)...');
  const bare = runChild('bare', dir);
  const floorChild = runChild('floor', dir);
  const lintChild = runChild('lint', dir);
  if (lintChild.files !== floorFiles) throw new Error(`the child lint saw ${lintChild.files} files, expected ${floorFiles}`);

  // (d) Cold single-file latency.
  log(`Cold single-file latency (${o.cold} spawns each)...`);
  const coldYaml = coldLatency(path.join(dir, manifest.probes.yaml), o.cold);
  const coldJson = coldLatency(path.join(dir, manifest.probes.json), o.cold);
  const coldWorst = coldYaml.ratio >= coldJson.ratio ? coldYaml : coldJson;
  // The probes hold a broken Batch step: exit code 1. Anything else means the file was not linted as expected.
  const coldValid = [coldYaml, coldJson].every((c) => c.exitCodes.length === 1 && c.exitCodes[0] === 1);
  if (!coldValid) log(`WARNING: unexpected CLI exit codes ${coldYaml.exitCodes} / ${coldJson.exitCodes} (expected 1): the cold figures are suspect.`);

  // (e) The peers, per definition, on a sample of the same corpus.
  log(`Peers on ${o.peers} plain ASL definitions of the corpus...`);
  const peers = await comparePeers(peerSample(dir, o.peers));
  for (const p of peers) log(`  ${p.tool}: ${fmt(p.msPerDefinition, 2)} ms per definition (${p.flagged} of ${p.definitions} flagged)`);
  const perDefinition = (tool: string) => (peers.find((p) => p.tool === tool) as PeerTiming).msPerDefinition;
  const overAslValidator = perDefinition('asl-validator') / perDefinition('wf-lint');

  // (f) --fix against lint, the scaling curve, RSS at 10k, ts-morph never loaded.
  // Outside the repository: the corpora are large (the 20k one is ~150 MB) and regenerated on demand.
  const scratch = path.join(os.tmpdir(), 'wf-lint-bench-scale');
  log(`--fix on ${o.fixFiles} non-compliant files against linting them (fresh processes)...`);
  const fixList = Array.from({ length: o.fixFiles }, (_, i) => fixable[i % fixable.length]);
  const fix: FixComparison = compareFix(fixList, o.fixFiles, 2, scratch);
  log(`  lint ${fmt(fix.lintMs)} ms, fix ${fmt(fix.fixMs)} ms: ${fmt(fix.ratio, 2)}x (${fix.fixedFiles} files changed)`);
  log('Scaling curve (fresh processes; corpora generated on first use)...');
  const scale: ScalePoint[] = o.scale.map((n) => scalePoint(scratch, n, o.seed, log));
  const at10k = scale.find((p) => p.definitions >= 10_000 && p.definitions < 11_000);
  // The target is judged as users run it: the CLI with default options (worker threads, stylish
  // or JSON output), whole process, workers included.
  log('Peak RSS of the CLI at 10,000 definitions, default options...');
  const cli10k: CliRun[] = cliPeakRss(scratch, 10_000, o.seed, CLI);
  const cliPeakMb = Math.max(...cli10k.map((r) => r.maxRssMb));
  const tsLoaded = [...new Set(scale.flatMap((p) => [...p.single.tsModulesLoaded, ...p.parallel.tsModulesLoaded]))];

  const profile = o.profile ? profileLint(dir) : undefined;
  const loadAfter = os.loadavg().map((x) => round(x, 2));

  const targets = [
    { id: 'cold-single-file', description: `single-file lint under ${TARGETS.coldRatio}x \`node -e 0\``, value: round(coldWorst.ratio, 2), unit: 'x', limit: TARGETS.coldRatio, pass: coldWorst.ratio < TARGETS.coldRatio, informational: false },
    { id: 'throughput', description: `at least ${fmt(TARGETS.definitionsPerSecond)} definitions/s`, value: round(definitionsPerSecond), unit: 'definitions/s', limit: TARGETS.definitionsPerSecond, pass: definitionsPerSecond >= TARGETS.definitionsPerSecond, informational: false },
    { id: 'lint-over-floor', description: `lint within ${TARGETS.lintOverFloor}x the read+parse floor`, value: round(ratio, 2), unit: 'x', limit: TARGETS.lintOverFloor, pass: ratio <= TARGETS.lintOverFloor, informational: false },
    { id: 'over-asl-validator', description: `at least ${TARGETS.fasterThanAslValidator}x faster than asl-validator per definition`, value: round(overAslValidator, 1), unit: 'x', limit: TARGETS.fasterThanAslValidator, pass: overAslValidator >= TARGETS.fasterThanAslValidator, informational: false },
    { id: 'peak-rss-10k', description: `peak RSS under ${TARGETS.peakRssMbAt10k} MB for 10,000 definitions (CLI, default options, stylish and -f json)`, value: round(cliPeakMb), unit: 'MB', limit: TARGETS.peakRssMbAt10k, pass: cliPeakMb < TARGETS.peakRssMbAt10k, informational: false },
    ...(at10k ? [{ id: 'peak-rss-10k-api', description: 'peak RSS for 10,000 definitions through the API, one thread', value: round(at10k.single.maxRssMb), unit: 'MB', limit: TARGETS.peakRssMbAt10k, pass: at10k.single.maxRssMb < TARGETS.peakRssMbAt10k, informational: true }] : []),
    { id: 'fix-over-lint', description: `--fix on ${fix.files} non-compliant files within ${TARGETS.fixOverLint}x linting them`, value: round(fix.ratio, 2), unit: 'x', limit: TARGETS.fixOverLint, pass: fix.ratio <= TARGETS.fixOverLint, informational: false },
    { id: 'no-ts-morph', description: 'a YAML/JSON run never loads ts-morph or typescript', value: tsLoaded.length, unit: 'modules', limit: 0, pass: tsLoaded.length === 0, informational: false },
  ];

  const results = {
    machine: { ...machineInfo(), loadAverageBefore: loadBefore, loadAverageAfter: loadAfter },
    corpus: { ...manifest, path: path.relative(ROOT, dir).startsWith('..') ? dir : path.relative(ROOT, dir) },
    method: {
      runs: o.runs,
      statistic: `best of ${o.runs} after one warm-up (median also given); floor and lint runs interleaved`,
      floor: 'walk + readFileSync + jsonc-parser parseTree (.json) / yaml parseDocument with CloudFormation tags (YAML) + parseTree of embedded DefinitionString JSON',
      lint: "new WfLint({ cwd, configLookup: false, ignore: false }).lintFiles([corpus]), single-threaded",
      child: TASKSET ? 'fresh process pinned with taskset -c 0; peak RSS from process.resourceUsage().maxRSS' : 'fresh process (taskset not found); peak RSS from process.resourceUsage().maxRSS',
      cold: `median of ${o.cold} interleaved spawns of node dist/src/cli/main.js <file> (cwd = repository root, default config lookup) and node -e 0; wall time decides the target, child CPU time (/usr/bin/time) is reported beside it`,
    },
    floor: {
      bestMs: round(floorMs, 1),
      medianMs: round(median(floorRuns.map((r) => r.total)), 1),
      runsMs: floorRuns.map((r) => round(r.total, 1)),
      cpuBestMs: round(floorCpuMs, 1),
      breakdownMs: { walk: round(floorBest.walk, 1), read: round(floorBest.read, 1), jsonParse: round(floorBest.json, 1), yamlParse: round(floorBest.yaml, 1), embeddedJsonParse: round(floorBest.embedded, 1) },
      embeddedDefinitions: floorBest.embeddedDefinitions,
      parseErrors: floorBest.parseErrors,
    },
    fastFloor: {
      yamlParser: '@stoplight/yaml-ast-parser loadAll (the parser of the lint\'s fast YAML path)',
      bestMs: round(fastFloorBest.total, 1),
      cpuBestMs: round(Math.min(...fastFloorRuns.map((r) => r.cpu)), 1),
      yamlParseMs: round(fastFloorBest.yaml, 1),
      lintOverFastFloor: round(lintMs / fastFloorBest.total, 2),
    },
    lint: {
      bestMs: round(lintMs, 1),
      medianMs: round(median(lintRuns), 1),
      runsMs: lintRuns.map((x) => round(x, 1)),
      cpuBestMs: round(lintCpuMs, 1),
      definitionsPerCpuSecond: round(manifest.definitions / (lintCpuMs / 1000)),
      overFloorCpu: round(lintCpuMs / floorCpuMs, 2),
      definitionsPerSecond: round(definitionsPerSecond),
      filesPerSecond: round(filesPerSecond),
      megabytesPerSecond: round(manifest.bytes / 1e6 / (lintMs / 1000), 2),
      overFloor: round(ratio, 2),
      reports: summary,
    },
    oneCore: {
      pinned: lintChild.pinned,
      coldLintMs: round(lintChild.ms, 1),
      definitionsPerSecond: round(manifest.definitions / (lintChild.ms / 1000)),
      peakRssMb: round(lintChild.maxRssKb / 1024, 1),
      floorPeakRssMb: round(floorChild.maxRssKb / 1024, 1),
      bareNodeRssMb: round(bare.maxRssKb / 1024, 1),
    },
    cold: { yaml: roundCold(coldYaml), json: roundCold(coldJson), valid: coldValid },
    peers: peers.map((p) => ({ ...p, msPerDefinition: round(p.msPerDefinition, 3), overWfLint: round(p.msPerDefinition / perDefinition('wf-lint'), 1) })),
    fix: { ...fix, lintMs: round(fix.lintMs), fixMs: round(fix.fixMs), ratio: round(fix.ratio, 2) },
    scale: scale.map((p) => ({
      definitions: p.definitions,
      files: p.files,
      megabytes: round(p.megabytes, 1),
      singleMs: round(p.single.ms),
      singleDefinitionsPerSecond: round(p.definitions / (p.single.ms / 1000)),
      singlePeakRssMb: round(p.single.maxRssMb),
      autoMs: round(p.parallel.ms),
      autoDefinitionsPerSecond: round(p.definitions / (p.parallel.ms / 1000)),
      autoPeakRssMb: round(p.parallel.maxRssMb),
    })),
    cliPeakRss10k: cli10k.map((r) => ({ ...r, maxRssMb: round(r.maxRssMb), ms: round(r.ms) })),
    tsModulesLoaded: tsLoaded,
    targets,
    profile,
    benchSeconds: round((now() - started) / 1000, 1),
  };

  fs.writeFileSync(path.join(BENCH_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const md = markdown(results);
  fs.writeFileSync(path.join(BENCH_DIR, 'results.md'), md);
  const section = readmeSection(md, { definitions: manifest.definitions, nproc: results.machine.nproc, node: results.machine.node, date: results.machine.date });
  if (o.readme && !updateReadme(path.join(ROOT, 'README.md'), section)) log('WARNING: README.md has no bench markers; the README was not updated.');
  log();
  log(md);
  if (profile) printProfile(profile);
  log(`Wrote bench/results.json and bench/results.md (${fmt(results.benchSeconds, 1)} s).`);
}

/** `--only`: the cold latencies and/or the peak RSS at 10k, printed; results and README untouched. */
function runParts(o: Options): void {
  const unknown = o.only.filter((part) => part !== 'cold' && part !== 'rss');
  if (unknown.length > 0) throw new Error(`--only takes cold and/or rss, not ${unknown.join(', ')}.`);
  if (o.only.includes('cold')) {
    const manifest = ensureCorpus(o, o.corpus);
    for (const [format, probe] of Object.entries(manifest.probes)) {
      const c = coldLatency(path.join(o.corpus, probe), o.cold);
      log(`cold ${format}: ${fmt(c.cliMedian)} ms vs node -e 0 ${fmt(c.nodeMedian)} ms: ${fmt(c.ratio, 2)}x${c.cpuRatio === undefined ? '' : `; CPU ${fmt(c.cliCpuMedian as number)} vs ${fmt(c.nodeCpuMedian as number)} ms (${fmt(c.cpuRatio, 2)}x)`}; exit ${c.exitCodes.join('/')}`);
    }
  }
  if (o.only.includes('rss')) {
    const at10k = scaleSingle(path.join(os.tmpdir(), 'wf-lint-bench-scale'), 10_000, o.seed);
    log(`rss 10k, one thread: ${fmt(at10k.maxRssMb)} MB, ${fmt(at10k.ms)} ms, ${fmt(at10k.files)} files`);
    for (const run of cliPeakRss(path.join(os.tmpdir(), 'wf-lint-bench-scale'), 10_000, o.seed, CLI)) {
      log(`rss 10k, CLI defaults${run.format === 'json' ? ' -f json' : ' (stylish)'}: ${fmt(run.maxRssMb)} MB, ${fmt(run.ms)} ms, exit ${run.status}`);
    }
  }
}

function roundCold(c: ColdResult) {
  const opt = (x: number | undefined, d: number) => (x === undefined ? undefined : round(x, d));
  return {
    ...c,
    cliMs: c.cliMs.map((x) => round(x, 1)),
    nodeMs: c.nodeMs.map((x) => round(x, 1)),
    cliMedian: round(c.cliMedian, 1),
    nodeMedian: round(c.nodeMedian, 1),
    ratio: round(c.ratio, 2),
    cliCpuMedian: opt(c.cliCpuMedian, 0),
    nodeCpuMedian: opt(c.nodeCpuMedian, 0),
    cpuRatio: opt(c.cpuRatio, 2),
  };
}

function coldCpu(c: ReturnType<typeof roundCold>): string {
  return c.cpuRatio === undefined ? '' : `; CPU ${fmt(c.cliCpuMedian ?? 0)} vs ${fmt(c.nodeCpuMedian ?? 0)} ms (${fmt(c.cpuRatio, 2)}x)`;
}

type Results = {
  machine: ReturnType<typeof machineInfo> & { loadAverageBefore: number[]; loadAverageAfter: number[] };
  corpus: Manifest & { path: string };
  floor: { bestMs: number; medianMs: number; cpuBestMs: number; breakdownMs: Record<string, number>; embeddedDefinitions: number };
  fastFloor: { bestMs: number; cpuBestMs: number; yamlParseMs: number; lintOverFastFloor: number };
  lint: { bestMs: number; medianMs: number; cpuBestMs: number; definitionsPerCpuSecond: number; overFloorCpu: number; definitionsPerSecond: number; filesPerSecond: number; megabytesPerSecond: number; overFloor: number; reports: LintSummary };
  oneCore: { pinned: boolean; coldLintMs: number; definitionsPerSecond: number; peakRssMb: number; floorPeakRssMb: number; bareNodeRssMb: number };
  cold: { yaml: ReturnType<typeof roundCold>; json: ReturnType<typeof roundCold> };
  targets: { id: string; description: string; value: number; unit: string; pass: boolean; informational: boolean }[];
  method: { runs: number };
  peers: (PeerTiming & { overWfLint: number })[];
  fix: FixComparison;
  scale: { definitions: number; files: number; megabytes: number; singleMs: number; singleDefinitionsPerSecond: number; singlePeakRssMb: number; autoMs: number; autoDefinitionsPerSecond: number; autoPeakRssMb: number }[];
  tsModulesLoaded: string[];
  cliPeakRss10k: CliRun[];
};

function yamlBytes(c: Manifest): number {
  return c.byFormat['asl-yaml'].bytes + c.byFormat.cirrus.bytes + c.byFormat.serverless.bytes + c.byFormat['cfn-yaml'].bytes;
}

function markdown(r: Results): string {
  const m = r.machine;
  const c = r.corpus;
  const target = (id: string) => r.targets.find((x) => x.id === id) as Results['targets'][number];
  const peer = (tool: string) => r.peers.find((p) => p.tool === tool) as Results['peers'][number];
  const verdict = (id: string) => {
    const t = target(id);
    return `${t.pass ? 'PASS' : 'FAIL'}${t.informational ? ' (informational)' : ''}`;
  };
  const formats = Object.entries(c.byFormat)
    .map(([f, s]) => `${f} ${fmt(s.definitions)}`)
    .join(', ');
  const b = r.floor.breakdownMs;
  const lines = [
    '# wf-lint benchmark',
    '',
    `Machine: ${m.nproc} cores (\`nproc\`), ${m.cpu}, ${m.memoryGb} GB; Node ${m.node}; ${m.platform}; ${m.date.slice(0, 10)}.`,
    `Load average before / after: ${m.loadAverageBefore.join(' ')} / ${m.loadAverageAfter.join(' ')}.`,
    '',
    `Corpus (\`bench/generate.ts\`, seed ${c.seed}): **${fmt(c.definitions)} definitions** in ${fmt(c.files)} files, ` +
      `${fmt(c.bytes / 1e6, 1)} MB, ${fmt(c.states)} states (${c.statesPerMachine.min}-${c.statesPerMachine.max} per machine, median ${c.statesPerMachine.median}), ` +
      `${fmt(c.batchTasks)} Batch tasks, ${fmt(c.parallels)} Parallel and ${fmt(c.maps)} Map states nested up to ${c.maxDepth} levels. Definitions by format: ${formats}.`,
    '',
    '| Measure | Result | Target | |',
    '|---|---|---|---|',
    `| Floor: read + parse every file (jsonc-parser / yaml) | ${fmt(r.floor.bestMs)} ms (median ${fmt(r.floor.medianMs)}) | | |`,
    `| Full lint, API, one thread | ${fmt(r.lint.bestMs)} ms (median ${fmt(r.lint.medianMs)}) | | |`,
    `| Throughput | **${fmt(r.lint.definitionsPerSecond)} definitions/s**, ${fmt(r.lint.filesPerSecond)} files/s, ${fmt(r.lint.megabytesPerSecond, 1)} MB/s | ≥ ${fmt(TARGETS.definitionsPerSecond)} definitions/s | ${verdict('throughput')} |`,
    `| Lint / floor | **${fmt(r.lint.overFloor, 2)}x** | ≤ ${TARGETS.lintOverFloor}x | ${verdict('lint-over-floor')} |`,
    `| Floor with yaml-ast-parser for YAML (the lint's fast YAML path) | ${fmt(r.fastFloor.bestMs)} ms (YAML parse ${fmt(r.fastFloor.yamlParseMs)} ms); lint / this floor ${fmt(r.fastFloor.lintOverFastFloor, 2)}x | | informational |`,
    `| Full lint in a fresh process${r.oneCore.pinned ? ' on one core (`taskset -c 0`)' : ''} | ${fmt(r.oneCore.coldLintMs)} ms, ${fmt(r.oneCore.definitionsPerSecond)} definitions/s | | |`,
    `| Peak RSS of that lint | ${fmt(r.oneCore.peakRssMb)} MB (floor: ${fmt(r.oneCore.floorPeakRssMb)} MB, bare node: ${fmt(r.oneCore.bareNodeRssMb)} MB) | | |`,
    `| Cold CLI, one small YAML file (${fmt(r.cold.yaml.bytes / 1024, 1)} KB) | ${fmt(r.cold.yaml.cliMedian)} ms vs \`node -e 0\` ${fmt(r.cold.yaml.nodeMedian)} ms: **${fmt(r.cold.yaml.ratio, 2)}x**${coldCpu(r.cold.yaml)} | < ${TARGETS.coldRatio}x | ${r.cold.yaml.ratio < TARGETS.coldRatio ? 'PASS' : 'FAIL'} |`,
    `| Cold CLI, one small JSON file (${fmt(r.cold.json.bytes / 1024, 1)} KB) | ${fmt(r.cold.json.cliMedian)} ms vs \`node -e 0\` ${fmt(r.cold.json.nodeMedian)} ms: **${fmt(r.cold.json.ratio, 2)}x**${coldCpu(r.cold.json)} | < ${TARGETS.coldRatio}x | ${r.cold.json.ratio < TARGETS.coldRatio ? 'PASS' : 'FAIL'} |`,
    `| wf-lint vs asl-validator, per definition | ${fmt(peer('wf-lint').msPerDefinition, 2)} ms vs ${fmt(peer('asl-validator').msPerDefinition, 1)} ms: **${fmt(peer('asl-validator').overWfLint, 1)}x faster** | ≥ ${TARGETS.fasterThanAslValidator}x | ${verdict('over-asl-validator')} |`,
    `| Peak RSS, 10,000 definitions, CLI defaults (${r.cliPeakRss10k.map((c) => `${c.format} ${fmt(c.maxRssMb)} MB`).join(', ')}; workers included) | **${fmt(target('peak-rss-10k').value)} MB** | < ${TARGETS.peakRssMbAt10k} MB | ${verdict('peak-rss-10k')} |`,
    ...(r.targets.some((t) => t.id === 'peak-rss-10k-api') ? [`| Peak RSS, 10,000 definitions, API, one thread | ${fmt(target('peak-rss-10k-api').value)} MB | | informational |`] : []),
    `| \`--fix\` on ${fmt(r.fix.files)} non-compliant files vs linting them | ${fmt(r.fix.fixMs)} ms vs ${fmt(r.fix.lintMs)} ms: **${fmt(r.fix.ratio, 2)}x** (${fmt(r.fix.fixedFiles)} files rewritten) | ≤ ${TARGETS.fixOverLint}x | ${verdict('fix-over-lint')} |`,
    `| ts-morph / typescript loaded by a YAML/JSON run | ${r.tsModulesLoaded.length === 0 ? 'none' : r.tsModulesLoaded.join(', ')} | none | ${verdict('no-ts-morph')} |`,
    '',
    '**Peers**, same plain ASL definitions (a sample of the corpus, half JSON, half YAML; each tool reads and parses the file itself):',
    '',
    '| Tool | ms per definition | definitions/s | vs wf-lint | flagged |',
    '|---|---|---|---|---|',
    ...r.peers.map((p) => `| ${p.tool} | ${fmt(p.msPerDefinition, 2)} | ${fmt(1000 / p.msPerDefinition)} | ${p.tool === 'wf-lint' ? '1x' : `${fmt(p.overWfLint, 1)}x slower`.replace(/^(0\.\d)x slower$/, '$1x (faster)')} | ${p.flagged} of ${p.definitions} |`),
    '',
    '**Scaling** (fresh process per run; `--concurrency auto` starts worker threads only above the measured threshold):',
    '',
    '| Definitions | Files | MB | One thread | definitions/s | peak RSS | `--concurrency auto` | definitions/s | peak RSS |',
    '|---|---|---|---|---|---|---|---|---|',
    ...r.scale.map((p) => `| ${fmt(p.definitions)} | ${fmt(p.files)} | ${fmt(p.megabytes, 1)} | ${fmt(p.singleMs)} ms | ${fmt(p.singleDefinitionsPerSecond)} | ${fmt(p.singlePeakRssMb)} MB | ${fmt(p.autoMs)} ms | ${fmt(p.autoDefinitionsPerSecond)} | ${fmt(p.autoPeakRssMb)} MB |`),
    '',
    `Ceiling set by the floor alone: ${fmt(c.definitions / (r.floor.bestMs / 1000))} definitions/s with \`yaml\` parsing the YAML (${fmt(c.bytes / c.definitions / 1024, 1)} KB per definition on average; ` +
      `YAML parsing is ${fmt((b.yamlParse / r.floor.bestMs) * 100)}% of that floor, at ${fmt(yamlBytes(c) / 1e6 / (b.yamlParse / 1000), 1)} MB/s); ` +
      `${fmt(c.definitions / (r.fastFloor.bestMs / 1000))} definitions/s with \`@stoplight/yaml-ast-parser\` (${fmt(yamlBytes(c) / 1e6 / (r.fastFloor.yamlParseMs / 1000), 1)} MB/s), ` +
      'which parses YAML for the lint whenever the result provably equals `yaml`\'s (src/formats/yaml/fast-parse.ts; `yaml` stays the fallback).',
    `Floor breakdown (best run): walk ${fmt(b.walk)} ms, read ${fmt(b.read)} ms, JSON parse ${fmt(b.jsonParse)} ms, YAML parse ${fmt(b.yamlParse)} ms, ` +
      `embedded DefinitionString JSON ${fmt(b.embeddedJsonParse)} ms (${fmt(r.floor.embeddedDefinitions)} definitions).`,
    `CPU time (user + system, best run): floor ${fmt(r.floor.cpuBestMs)} ms, lint ${fmt(r.lint.cpuBestMs)} ms, ` +
      `i.e. ${fmt(r.lint.definitionsPerCpuSecond)} definitions per CPU-second and ${fmt(r.lint.overFloorCpu, 2)}x the floor (CPU time includes the GC's helper threads).`,
    `Lint output: ${fmt(r.lint.reports.errors)} errors, ${fmt(r.lint.reports.warnings)} warnings, ${fmt(r.lint.reports.suppressed)} suppressed, ${r.lint.reports.fatal} fatal.`,
    '',
    `Method: best of ${r.method.runs} after a warm-up, floor and lint runs interleaved in one process; the API is single-threaded, ` +
      'so the lint uses one core (the fresh-process row pins it to one). Cold rows: median of interleaved spawns. ' +
      'The machine is shared, so absolute times move with its load; the ratios are the stable figures. Regenerate with `npm run bench`.',
    '',
  ];
  return lines.join('\n');
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const run = argv[0] === '--child' ? childMain(argv[1], argv[2]) : main();
  run.catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
