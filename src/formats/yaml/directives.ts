/** Finds `# wf-lint-disable…` comments in YAML text. */
import type { DirectiveComment } from '../parse-result';

// `#` must open a comment (start of line or after white space), so `#{Ref}` values never match.
const DIRECTIVE = /(?:^|[ \t])#[ \t]*wf-lint-(disable-next-line|disable-line|disable|enable)\b([^\n]*)/gm;

/** Every directive comment in `text`, with its 1-based line. */
export function scanDirectives(text: string): DirectiveComment[] {
  if (!text.includes('wf-lint-')) return [];
  const out: DirectiveComment[] = [];
  let line = 1;
  let from = 0;
  for (const match of text.matchAll(DIRECTIVE)) {
    for (let i = text.indexOf('\n', from); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1)) line++;
    from = match.index;
    const offset = match.index + match[0].indexOf('#');
    out.push({ kind: match[1] as DirectiveComment['kind'], line, offset, ruleIds: parseRuleList(match[2]) });
  }
  return out;
}

/** `a, b -- reason` → `['a', 'b']` (ESLint allows a `--` description after the list). */
export function parseRuleList(text: string): string[] {
  return text
    .split('--')[0]
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
}
