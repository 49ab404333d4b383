/**
 * Fix values as TypeScript literal text in the file's own style: its quote, its indentation
 * unit, trailing commas when the file uses them, keys as identifiers when they are valid ones
 * (quoted otherwise, or always when the file quotes its ASL keys as JSON does). A
 * CloudFormation intrinsic has no TypeScript form: rendering one is refused.
 */
import { isIntrinsic, type FixValue } from '../../engine/fix-ops';
import { isInline } from '../inline-value';
import { lineBreakOf } from '../line-geometry';
import { CannotRender } from '../text-edit';

export interface TsLayout {
  readonly unit: string;
  readonly eol: string;
  readonly quote: "'" | '"';
  /** Multi-line objects and arrays end with a comma. */
  readonly trailingComma: boolean;
  /** The file writes ASL keys quoted (`"StartAt": …`), as JSON pasted into code does. */
  readonly quoteKeys: boolean;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `value` as a TS expression whose continuation lines start with `indent`. */
export function renderTsValue(value: FixValue, indent: string, layout: TsLayout): string {
  if (isInline(value)) return renderTsInline(value, layout);
  const inner = indent + layout.unit;
  const close = layout.trailingComma ? ',' : '';
  if (Array.isArray(value)) {
    const items = (value as readonly FixValue[]).map((item) => inner + renderTsValue(item, inner, layout));
    return `[${layout.eol}${items.join(`,${layout.eol}`)}${close}${layout.eol}${indent}]`;
  }
  const entries = Object.entries(value as Record<string, FixValue>).map(([key, item]) => `${inner}${renderTsKey(key, layout)}: ${renderTsValue(item, inner, layout)}`);
  return `{${layout.eol}${entries.join(`,${layout.eol}`)}${close}${layout.eol}${indent}}`;
}

/** `value` on one line. */
export function renderTsInline(value: FixValue, layout: TsLayout): string {
  if (typeof value === 'string') return renderTsString(value, layout.quote);
  if (value === null || typeof value !== 'object') return String(value);
  if (isIntrinsic(value)) throw new CannotRender('A CloudFormation intrinsic has no TypeScript form.');
  if (Array.isArray(value)) return `[${(value as readonly FixValue[]).map((item) => renderTsInline(item, layout)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, FixValue>).map(([key, item]) => `${renderTsKey(key, layout)}: ${renderTsInline(item, layout)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

/** A property name: bare when it is an identifier (and the file does not quote keys). */
export function renderTsKey(key: string, layout: TsLayout): string {
  return IDENTIFIER.test(key) && !layout.quoteKeys ? key : renderTsString(key, layout.quote);
}

/** A string literal in `quote`, escaped as JSON escapes (plus the single quote when it delimits). */
export function renderTsString(value: string, quote: "'" | '"'): string {
  const json = JSON.stringify(value);
  if (quote === '"') return json;
  const body = json.slice(1, -1).replace(/\\.|'/g, (match) => (match === '\\"' ? '"' : match === "'" ? "\\'" : match));
  return `'${body}'`;
}

let memo: { text: string; layout: TsLayout } | undefined;

/** The file's style, from what it already does most. */
export function detectTsLayout(text: string): TsLayout {
  if (memo?.text !== text) memo = { text, layout: measure(text) };
  return memo.layout;
}

function measure(text: string): TsLayout {
  const unit = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  const singles = text.match(/'[^'\n]*'/g)?.length ?? 0;
  const doubles = text.match(/"[^"\n]*"/g)?.length ?? 0;
  return {
    unit,
    eol: lineBreakOf(text),
    quote: doubles > singles ? '"' : "'",
    trailingComma: /,[ \t]*\r?\n[ \t]*[}\]]/.test(text),
    quoteKeys: /["'](?:StartAt|States)["'][ \t]*:/.test(text),
  };
}
