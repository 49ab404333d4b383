/**
 * Renders fixes on JSON embedded in a CloudFormation string (`DefinitionString`). The JSON is
 * rendered in the decoded string's own layout (`renderView`), then each edit is mapped back
 * to the host file: in a `|` or `>` block every new line break takes the block's indentation,
 * in a JSON or one-line double-quoted string the new text is escaped. Anything else (plain or
 * single-quoted strings, `Fn::Join` pieces, folded double-quoted strings) is not rendered:
 * the fix is unavailable rather than a risk to the template.
 */
import type { FixOp } from '../../engine/fix-ops';
import type { Range, ScalarStyle } from '../../model/ast';
import { lineBreakOf, lineStartAt } from '../line-geometry';
import { CannotRender, type RenderSource, type TextEdit } from '../text-edit';
import { renderView } from './render';

/** The decoded text of an embedded definition and, per character (plus one), its host offset. */
export interface EmbeddedJson {
  readonly text: string;
  /**
   * The host offset of character `index` (0 to the text's length), undefined outside. A lookup,
   * not a list: the map is kept compact (src/sources/string-offsets.ts), and a fix needs a few.
   */
  offsetAt(index: number): number | undefined;
  /** How the host string is written; `joined` for `Fn::Join` pieces. */
  readonly style: ScalarStyle | 'joined';
  /** The host string scalar's range. */
  readonly range: Range;
}

/** Renders `ops` on the embedded JSON: edits in host offsets. */
export function renderEmbedded(source: RenderSource, embedded: EmbeddedJson, ops: readonly FixOp[]): TextEdit[] {
  // A whole group written into an escaped one-line string would be unreadable to review.
  if (ops.some((op) => op.op === 'wrap') && embedded.style !== 'block-literal' && embedded.style !== 'block-folded') {
    throw new CannotRender('Cannot restructure JSON embedded in an escaped string.');
  }
  const encode = encoderFor(source.text, embedded);
  const view = { text: embedded.text, local: (offset: number) => localOffset(embedded, offset) };
  return renderView(view, source, ops).map((edit) => {
    const start = embedded.offsetAt(edit.range[0]);
    const end = embedded.offsetAt(edit.range[1]);
    if (start === undefined || end === undefined || start < embedded.range[0] || end > embedded.range[1] || start > end) {
      throw new CannotRender('An edit falls outside the embedded definition.');
    }
    return { range: [start, end], text: encode(edit.text) };
  });
}

/** How rendered JSON text is written inside the host string. */
function encoderFor(host: string, embedded: EmbeddedJson): (text: string) => string {
  switch (embedded.style) {
    case 'block-literal':
    case 'block-folded': {
      const indent = ' '.repeat(blockIndent(host, embedded));
      const eol = lineBreakOf(host);
      return (text) => text.replace(/\r?\n/g, eol + indent);
    }
    case 'json':
      return escapeJson;
    case 'double':
      // A double-quoted YAML string folded over several lines decodes line breaks as spaces.
      if (host.slice(embedded.range[0], embedded.range[1]).includes('\n')) throw new CannotRender('The embedded definition is a folded double-quoted string.');
      return escapeJson;
    default:
      throw new CannotRender(`Cannot edit JSON embedded in a ${embedded.style} string.`);
  }
}

function escapeJson(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** The host column where the block's first content line starts. */
function blockIndent(host: string, embedded: EmbeddedJson): number {
  const { text } = embedded;
  for (let i = 0; i < text.length; i++) {
    if ((i === 0 || text[i - 1] === '\n') && text[i] !== '\n') {
      const offset = embedded.offsetAt(i)!;
      return offset - lineStartAt(host, offset);
    }
  }
  throw new CannotRender('The embedded definition is empty.');
}

/** The decoded offset whose host offset is `offset` (the first, when several share it). */
function localOffset(embedded: EmbeddedJson, offset: number): number {
  let low = 0;
  let high = embedded.text.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (embedded.offsetAt(mid)! < offset) low = mid + 1;
    else high = mid;
  }
  if (embedded.offsetAt(low) !== offset) throw new CannotRender('A node of the embedded definition has no exact host position.');
  return low;
}
