/**
 * Fix values as JSON text in the file's own layout: objects one property a line at the file's
 * indentation, arrays of scalars and intrinsics on one line (`["States.ALL"]`,
 * `{"Fn::GetAtt": ["pre-batch", "Arn"]}`), as hand-written ASL does.
 */
import { isIntrinsic, type FixValue } from '../../engine/fix-ops';
import { isInline } from '../inline-value';
import { longFormArgs, longFormKey } from '../intrinsic-form';

export interface JsonLayout {
  /** One level of indentation (`'  '`, `'    '`, `'\t'`). */
  readonly unit: string;
  readonly eol: string;
  /** Between a key and its value: `': '` or `':'`. */
  readonly colon: string;
  /** Between items written on one line: `', '` or `','`. */
  readonly comma: string;
  /** Inside the braces of an object written on one line: `' '` or `''`. */
  readonly brace: string;
}

/** `value` as JSON whose continuation lines start with `indent` (the line the value starts on). */
export function renderJsonValue(value: FixValue, indent: string, layout: JsonLayout): string {
  if (isInline(value)) return renderJsonInline(value, layout);
  const inner = indent + layout.unit;
  if (Array.isArray(value)) {
    const items = (value as readonly FixValue[]).map((item) => inner + renderJsonValue(item, inner, layout));
    return `[${layout.eol}${items.join(`,${layout.eol}`)}${layout.eol}${indent}]`;
  }
  const entries = Object.entries(value as Record<string, FixValue>).map(
    ([key, item]) => `${inner}${JSON.stringify(key)}${layout.colon}${renderJsonValue(item, inner, layout)}`,
  );
  return `{${layout.eol}${entries.join(`,${layout.eol}`)}${layout.eol}${indent}}`;
}

/** `value` as JSON on one line. */
export function renderJsonInline(value: FixValue, layout: JsonLayout): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (isIntrinsic(value)) {
    return `{${layout.brace}${JSON.stringify(longFormKey(value.intrinsic))}${layout.colon}${renderJsonInline(longFormArgs(value), layout)}${layout.brace}}`;
  }
  if (Array.isArray(value)) return `[${(value as readonly FixValue[]).map((item) => renderJsonInline(item, layout)).join(layout.comma)}]`;
  const entries = Object.entries(value as Record<string, FixValue>).map(([key, item]) => `${JSON.stringify(key)}${layout.colon}${renderJsonInline(item, layout)}`);
  return entries.length === 0 ? '{}' : `{${layout.brace}${entries.join(layout.comma)}${layout.brace}}`;
}
