/**
 * Finds `// wf-lint-disable-next-line ids`, `// wf-lint-disable-line`, `/* wf-lint-disable *\/`
 * and `/* wf-lint-enable *\/` comments in TypeScript/JavaScript. A match counts only when it
 * is in a comment: one inside a string or template literal is data.
 */
import { ts } from 'ts-morph';
import { LineIndex } from '../../model/positions';
import type { DirectiveComment } from '../parse-result';
import { parseRuleList } from '../yaml/directives';

const DIRECTIVE = /(\/\/|\/\*)[ \t]*wf-lint-(disable-next-line|disable-line|disable|enable)\b([^\n]*)/g;

/** Every directive comment of `file`, with its 1-based line. */
export function scanTsDirectives(file: ts.SourceFile): DirectiveComment[] {
  const text = file.text;
  if (!text.includes('wf-lint-')) return [];
  const lines = new LineIndex(text);
  const out: DirectiveComment[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    if (!inComment(file, match.index)) continue;
    const rest = match[1] === '/*' ? match[3].split('*/')[0] : match[3];
    out.push({ kind: match[2] as DirectiveComment['kind'], line: lines.locate(match.index).line, offset: match.index, ruleIds: parseRuleList(rest) });
  }
  return out;
}

/** True when `offset` is in trivia: in no token, so (since `//` or `/*` starts there) in a comment. */
function inComment(file: ts.SourceFile, offset: number): boolean {
  let node: ts.Node = file;
  for (;;) {
    const child: ts.Node | undefined = node.getChildren(file).find((c) => c.getStart(file) <= offset && offset < c.end);
    if (!child) return true;
    if (child.getChildCount(file) === 0) return false; // a token: string, template, regular expression…
    node = child;
  }
}
