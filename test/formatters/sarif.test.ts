/** The SARIF 2.1.0 formatter: golden output, explicit expectations and a structural check. */
import { rules as builtInRules } from '../../rules';
import { formatterContext } from '../../src/formatters';
import { formatSarif } from '../../src/formatters/sarif';
import { CONTEXT, CWD, RESULTS, RULES, TRICKY_MESSAGE } from '../fixtures/formatters/results';
import { expectGolden } from './golden';

type Json = Record<string, any>;

const output = formatSarif(RESULTS, CONTEXT);
const log = JSON.parse(output) as Json;
const run = log.runs[0] as Json;

/** The required properties of SARIF 2.1.0 (the schema's `required` lists) and the constraints GitHub relies on. */
function validateSarif(doc: Json): string[] {
  const problems: string[] = [];
  const need = (cond: boolean, what: string) => {
    if (!cond) problems.push(what);
  };
  const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
  const posInt = (v: unknown) => Number.isInteger(v) && (v as number) >= 1;
  need(doc.version === '2.1.0', 'log.version is "2.1.0"');
  need(typeof doc.$schema === 'string', 'log.$schema');
  need(Array.isArray(doc.runs), 'log.runs is an array');
  for (const [r, run] of (doc.runs ?? []).entries()) {
    const at = `runs[${r}]`;
    need(isObject(run?.tool) && isObject(run.tool.driver), `${at}.tool.driver`);
    const driver = run?.tool?.driver ?? {};
    need(typeof driver.name === 'string' && driver.name.length > 0, `${at}.tool.driver.name`);
    if (driver.informationUri !== undefined) need(/^[a-z][a-z0-9+.-]*:/i.test(driver.informationUri), `${at}.tool.driver.informationUri is absolute`);
    const descriptors: Json[] = driver.rules ?? [];
    need(Array.isArray(descriptors), `${at}.tool.driver.rules is an array`);
    need(new Set(descriptors.map((d) => d.id)).size === descriptors.length, `${at} rule ids are unique`);
    for (const [i, d] of descriptors.entries()) {
      need(typeof d.id === 'string', `rules[${i}].id`);
      need(typeof d.shortDescription?.text === 'string', `rules[${i}].shortDescription.text`);
      if (d.help !== undefined) need(typeof d.help.text === 'string', `rules[${i}].help.text`);
      if (d.helpUri !== undefined) need(/^[a-z][a-z0-9+.-]*:/i.test(d.helpUri), `rules[${i}].helpUri is absolute`);
      need(['none', 'note', 'warning', 'error'].includes(d.defaultConfiguration?.level), `rules[${i}].defaultConfiguration.level`);
    }
    const bases: Json = run?.originalUriBaseIds ?? {};
    for (const [name, base] of Object.entries(bases)) need(typeof base.uri === 'string' && base.uri.endsWith('/'), `originalUriBaseIds.${name}.uri ends with /`);
    need(Array.isArray(run?.results), `${at}.results is an array`);
    for (const [i, result] of (run?.results ?? []).entries()) {
      const here = `results[${i}]`;
      need(typeof result.message?.text === 'string' || typeof result.message?.id === 'string', `${here}.message.text`);
      need(typeof result.ruleId === 'string', `${here}.ruleId`);
      need(Number.isInteger(result.ruleIndex) && descriptors[result.ruleIndex]?.id === result.ruleId, `${here}.ruleIndex points at its rule`);
      need(['none', 'note', 'warning', 'error'].includes(result.level), `${here}.level`);
      need(Array.isArray(result.locations) && result.locations.length === 1, `${here}.locations`);
      const physical = result.locations?.[0]?.physicalLocation;
      need(typeof physical?.artifactLocation?.uri === 'string', `${here} artifactLocation.uri`);
      if (physical?.artifactLocation?.uriBaseId !== undefined) need(physical.artifactLocation.uriBaseId in bases, `${here} uriBaseId is defined`);
      const region = physical?.region ?? {};
      need(posInt(region.startLine) && posInt(region.startColumn), `${here} region start`);
      if (region.endLine !== undefined) need(posInt(region.endLine) && region.endLine >= region.startLine, `${here} region.endLine`);
      if (region.endColumn !== undefined) need(posInt(region.endColumn), `${here} region.endColumn`);
    }
  }
  return problems;
}

test('matches the golden file', () => {
  expectGolden('sarif.golden.json', output);
});

test('is a SARIF 2.1.0 log with the required properties', () => {
  expect(log.version).toBe('2.1.0');
  expect(log.runs).toHaveLength(1);
  expect(validateSarif(log)).toEqual([]);
});

test('the driver names the tool and describes every rule, with its doc path in help (no relative helpUri)', () => {
  const driver = run.tool.driver as Json;
  expect(driver).toMatchObject({ name: 'wf-lint', version: '9.8.7' });
  expect(driver.informationUri).toBeUndefined();
  // The three registry rules, then the parse-error pseudo-rule the fatal message needs.
  expect(driver.rules.map((d: Json) => d.id)).toEqual([...Object.keys(RULES), 'wf-lint/parse-error']);
  expect(driver.rules[1]).toEqual({
    id: 'batch/require-sync',
    shortDescription: { text: 'Require the .sync integration for Batch jobs' },
    help: { text: 'See docs/rules/batch/require-sync.md in the wf-lint package.', markdown: 'See `docs/rules/batch/require-sync.md` in the wf-lint package.' },
    defaultConfiguration: { level: 'error' },
  });
  expect(driver.rules[2].defaultConfiguration.level).toBe('warning');
  expect(driver.rules.every((d: Json) => d.helpUri === undefined)).toBe(true);
});

test('results carry rule id, index, level, message and a %SRCROOT%-relative location with the region', () => {
  expect(run.results).toHaveLength(5);
  expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/project/' } });
  expect(run.results[1]).toEqual({
    ruleId: 'batch/require-sync',
    ruleIndex: 1,
    level: 'error',
    message: { text: 'Use "arn:aws:states:::batch:submitJob.sync".' },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: 'workflows/naked.asl.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 5, startColumn: 15, endLine: 5, endColumn: 50 },
        },
      },
    ],
  });
  const tricky = run.results[3] as Json;
  expect(tricky.level).toBe('warning');
  expect(tricky.message.text).toBe(TRICKY_MESSAGE);
  expect(tricky.locations[0].physicalLocation.artifactLocation.uri).toBe('workflows/odd%2C%20name.asl.json');
  expect(tricky.locations[0].physicalLocation.region).toEqual({ startLine: 12, startColumn: 7, endLine: 14, endColumn: 8 });
});

test('a fatal parse error is an error result of the wf-lint/parse-error pseudo-rule; a clean file adds nothing', () => {
  const fatal = run.results[4] as Json;
  expect(fatal).toMatchObject({ ruleId: 'wf-lint/parse-error', ruleIndex: 3, level: 'error', message: { text: 'Parsing error: Unexpected end of input.' } });
  expect(fatal.locations[0].physicalLocation.region).toEqual({ startLine: 4, startColumn: 1 });
  expect(run.results.some((r: Json) => r.locations[0].physicalLocation.artifactLocation.uri.includes('clean'))).toBe(false);
});

test('a file outside the working folder gets an absolute file URI; a rule-less message its own pseudo-rule', () => {
  const doc = JSON.parse(
    formatSarif([{ ...RESULTS[3]!, filePath: '/elsewhere/x.json', messages: [{ ruleId: null, severity: 1, message: 'No state machine found in this file.', line: 1, column: 1 }] }], CONTEXT),
  ) as Json;
  const result = doc.runs[0].results[0] as Json;
  expect(result.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/x.json' });
  expect(result).toMatchObject({ ruleId: 'wf-lint/file-problem', ruleIndex: 3, level: 'warning' });
  expect(validateSarif(doc)).toEqual([]);
});

test('no results still gives a valid log listing every rule', () => {
  const doc = JSON.parse(formatSarif([], CONTEXT)) as Json;
  expect(doc.runs[0].results).toEqual([]);
  expect(doc.runs[0].tool.driver.rules).toHaveLength(3);
  expect(validateSarif(doc)).toEqual([]);
});

test("with the CLI's context: the real registry, and name and version from package.json", () => {
  const doc = JSON.parse(formatSarif(RESULTS, formatterContext(CWD, false))) as Json;
  const driver = doc.runs[0].tool.driver as Json;
  expect(driver.version).toBe((require('../../package.json') as { version: string }).version);
  const ids = Object.keys(builtInRules);
  expect(driver.rules.slice(0, ids.length).map((d: Json) => [d.id, d.shortDescription.text])).toEqual(ids.map((id) => [id, builtInRules[id]!.meta.docs.description]));
  expect(validateSarif(doc)).toEqual([]);
});
