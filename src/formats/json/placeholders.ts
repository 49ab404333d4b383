/**
 * Template placeholders written where JSON wants a value (`"TimeoutSeconds": ${Timeout}` in a
 * CloudFormation `!Sub` string or a Terraform template) are masked with a string literal of the
 * same length, so the text parses and every offset stays where it was. The masked nodes are
 * reported back so the model can treat them as unknown values.
 */

export interface MaskedText {
  readonly text: string;
  /** Start offset → original placeholder text, for each masked placeholder. */
  readonly placeholders: ReadonlyMap<number, string>;
}

/** Masks unquoted `${...}` placeholders (and a leading BOM) outside JSON strings. */
export function maskPlaceholders(text: string): MaskedText {
  const placeholders = new Map<number, string>();
  if (!text.includes('${') && text.charCodeAt(0) !== 0xfeff) return { text, placeholders };
  const out: string[] = [];
  let copied = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (i === 1) {
    out.push(' ');
    copied = 1;
  }
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      i = skipString(text, i);
      continue;
    }
    if (ch === '$' && text[i + 1] === '{') {
      const end = text.indexOf('}', i + 2);
      if (end === -1) break;
      const original = text.slice(i, end + 1);
      out.push(text.slice(copied, i), `"${original.slice(1, -1).replace(/["\\\n\r]/g, '_')}"`);
      placeholders.set(i, original);
      i = copied = end + 1;
      continue;
    }
    i++;
  }
  out.push(text.slice(copied));
  return { text: out.join(''), placeholders };
}

function skipString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') i += 2;
    else if (ch === '"' || ch === '\n') return i + 1;
    else i++;
  }
  return i;
}
