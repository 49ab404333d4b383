/** Lines, indentation and line breaks of a text, as the renderers need them around a node. */

/** The offset of the start of the line holding `offset`. */
export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The whitespace that opens the line holding `offset`. */
export function lineIndentAt(text: string, offset: number): string {
  const start = lineStartAt(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

/** The column (0-based, in characters) of `offset` on its line. */
export function columnAt(text: string, offset: number): number {
  return offset - lineStartAt(text, offset);
}

/** True when only spaces or tabs stand between the start of the line and `offset`. */
export function firstOnLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartAt(text, offset), offset));
}

/** `\r\n` when the text uses it, else `\n`. */
export function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Indents every non-empty line of `lines` with `indent` and joins them with `eol`. */
export function indentLines(lines: readonly string[], indent: string, eol: string): string {
  return lines.map((line) => (line === '' ? line : indent + line)).join(eol);
}
