/**
 * The README's rule table and the badge line of every rule doc, generated from rule metadata
 * (never kept by hand). `npm run update-readme` rewrites both; test/readme.test.ts and
 * test/docs.test.ts fail when either is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RuleModule } from '../src/engine/define-rule';
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

/** The line under a rule doc's description: `✅ Recommended (error) · 🔧 Fixable`. */
export function badgeLine(rule: RuleModule): string {
  const { recommended, defaultSeverity } = rule.meta.docs;
  const badges = [recommended ? `✅ Recommended (${defaultSeverity})` : '🚫 Not in wf-lint:recommended (error in wf-lint:strict)'];
  if (rule.meta.fixable) badges.push('🔧 Fixable');
  return badges.join(' · ');
}

const BADGE = /^(?:✅|🚫|🔧)/u;

/** A rule doc with its badge line (the first non-empty line after the description) regenerated. */
export function withBadgeLine(markdown: string, rule: RuleModule): string {
  const lines = markdown.split('\n');
  const description = lines.indexOf(rule.meta.docs.description);
  if (description === -1) throw new Error(`The doc lacks the description line "${rule.meta.docs.description}".`);
  let next = description + 1;
  while (next < lines.length && lines[next].trim() === '') next++;
  if (next < lines.length && BADGE.test(lines[next])) lines[next] = badgeLine(rule);
  else lines.splice(description + 1, 0, '', badgeLine(rule));
  return lines.join('\n');
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..', '..');
  const file = path.join(root, 'README.md');
  fs.writeFileSync(file, withRuleTable(fs.readFileSync(file, 'utf8')));
  for (const [id, rule] of Object.entries(rules)) {
    const doc = path.join(root, ruleDocsPath(id));
    if (!fs.existsSync(doc)) continue;
    const text = fs.readFileSync(doc, 'utf8');
    const updated = withBadgeLine(text, rule);
    if (updated !== text) fs.writeFileSync(doc, updated);
  }
}
