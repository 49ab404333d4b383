/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`).
 *
 * - `tool.driver`: name, version, `informationUri` (only when the package declares an absolute
 *   homepage: SARIF requires it to be an absolute URI), and one `reportingDescriptor` per rule in
 *   the registry: id, shortDescription (`meta.docs.description`), defaultConfiguration.level, and the
 *   rule's doc page (`docs/rules/<id>.md`) in `help.text` / `help.markdown`. It is not a `helpUri`:
 *   SARIF 2.1.0 requires `helpUri` to be an absolute URI and the project has no published docs site.
 * - Messages without a rule get pseudo-rules appended to `driver.rules` when used, so `ruleIndex`
 *   is always valid: `wf-lint/parse-error` for fatal messages (the file could not be parsed or read;
 *   reported as error results, so they show on the file in code scanning rather than only in the
 *   tool-status page that `toolExecutionNotifications` feed), `wf-lint/file-problem` for the rest.
 * - Locations: `artifactLocation.uri` relative to the working folder with `uriBaseId: "%SRCROOT%"`
 *   (defined in `originalUriBaseIds`); files outside it get an absolute `file://` URI. Regions use
 *   the linter's 1-based lines and columns; `endColumn` is exclusive in both.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintResult } from '../engine/types';
import { effectiveRuleId, FILE_PROBLEM_ID, PARSE_ERROR_ID, relativePosix, type FormatterContext } from './context';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type Level = 'error' | 'warning';

interface ReportingDescriptor {
  id: string;
  shortDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: Level };
}

const PSEUDO_RULES: Readonly<Record<string, { description: string; level: Level }>> = {
  [PARSE_ERROR_ID]: { description: 'The file could not be read or parsed', level: 'error' },
  [FILE_PROBLEM_ID]: { description: 'A problem with the file that no rule reports (no state machine found, a fix that could not be written)', level: 'warning' },
};

/** The doc page of a rule, relative to the package root (same as `ruleDocsPath` in rules/index.ts). */
const docsPath = (id: string): string => `docs/rules/${id}.md`;

export function formatSarif(results: readonly LintResult[], context: FormatterContext): string {
  const descriptors: ReportingDescriptor[] = Object.entries(context.rules).map(([id, rule]) => ({
    id,
    shortDescription: { text: rule.meta.docs.description },
    help: { text: `See ${docsPath(id)} in the wf-lint package.`, markdown: `See \`${docsPath(id)}\` in the wf-lint package.` },
    defaultConfiguration: { level: rule.meta.docs.defaultSeverity === 'error' ? 'error' : 'warning' },
  }));
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const ruleIndex = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      const pseudo = PSEUDO_RULES[id];
      descriptors.push({
        id,
        shortDescription: { text: pseudo?.description ?? id },
        help: { text: pseudo?.description ?? id, markdown: pseudo?.description ?? id },
        defaultConfiguration: { level: pseudo?.level ?? 'warning' },
      });
      i = descriptors.length - 1;
      index.set(id, i);
    }
    return i;
  };

  const sarifResults = results.flatMap((result) => {
    const artifactLocation = artifactFor(result.filePath, context.cwd);
    return result.messages.map((m) => {
      const ruleId = effectiveRuleId(m);
      const region: Record<string, number> = { startLine: Math.max(1, m.line), startColumn: Math.max(1, m.column) };
      if (m.endLine !== undefined) region.endLine = m.endLine;
      if (m.endColumn !== undefined) region.endColumn = m.endColumn;
      return {
        ruleId,
        ruleIndex: ruleIndex(ruleId),
        level: (m.severity === 2 ? 'error' : 'warning') as Level,
        message: { text: m.message },
        locations: [{ physicalLocation: { artifactLocation, region } }],
      };
    });
  });

  const driver: Record<string, unknown> = { name: context.tool.name, version: context.tool.version };
  if (context.tool.informationUri) driver.informationUri = context.tool.informationUri;
  driver.rules = descriptors;
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(context.cwd) } },
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function artifactFor(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = relativePosix(filePath, cwd);
  if (relative !== undefined) return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(filePath).href };
}

/** The folder as a `file://` URI ending in `/`, as SARIF requires of a base URI. */
function directoryUri(dir: string): string {
  const href = pathToFileURL(path.resolve(dir)).href;
  return href.endsWith('/') ? href : `${href}/`;
}
