/**
 * The README's rule table, generated from rule metadata (never kept by hand). `npm run
 * update-readme` rewrites it between the markers; test/readme.test.ts fails when it is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { rules, ruleDocsPath } from '../rules';

export const BEGIN = '<!-- rule-table:begin -->';
export const END = '<!-- rule-table:end -->';

/** The Markdown table of every rule: id (linked to its doc), description, default, fixable. */
export function ruleTable(): string {
  const rows = Object.entries(rules).map(([id, rule]) => {
    const severity = rule.meta.docs.recommended ? rule.meta.docs.defaultSeverity : 'off';
    return `| [\`${id}\`](${ruleDocsPath(id)}) | ${rule.meta.docs.description} | ${severity} | ${rule.meta.fixable ? '🔧' : ''} |`;
  });
  return ['| rule | what it checks | default | fix |', '|---|---|---|---|', ...rows].join('\n');
}

/** The README text with a fresh table between the markers. */
export function withRuleTable(readme: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1) throw new Error(`README.md lacks the ${BEGIN} / ${END} markers.`);
  return `${readme.slice(0, start + BEGIN.length)}\n${ruleTable()}\n${readme.slice(end)}`;
}

if (require.main === module) {
  const file = path.resolve(__dirname, '..', '..', 'README.md');
  fs.writeFileSync(file, withRuleTable(fs.readFileSync(file, 'utf8')));
}
