/** LineIndex: offsets to 1-based lines and columns (ESLint's convention), line texts and starts. */
import { LineIndex } from '../../src/model/positions';

describe('LineIndex', () => {
  const text = 'StartAt: A\nStates:\n  A: {Type: Succeed}\n';
  const index = new LineIndex(text);

  test.each([
    [0, 1, 1],
    [9, 1, 10],
    [10, 1, 11], // the line break belongs to its line
    [11, 2, 1],
    [text.indexOf('A: {'), 3, 3],
    [text.length, 4, 1],
  ])('offset %d is line %d, column %d', (offset, line, column) => {
    expect(index.locate(offset)).toEqual({ line, column });
  });

  test('offsets outside the text are clamped', () => {
    expect(index.locate(-5)).toEqual({ line: 1, column: 1 });
    expect(index.locate(10_000)).toEqual({ line: 4, column: 1 });
  });

  test('lineText, lineStart and lineCount', () => {
    expect(index.lineCount).toBe(4);
    expect([1, 2, 3, 4].map((l) => index.lineText(l))).toEqual(['StartAt: A', 'States:', '  A: {Type: Succeed}', '']);
    expect(index.lineText(9)).toBe('');
    expect([1, 2, 3, 4].map((l) => index.lineStart(l))).toEqual([0, 11, 19, 40]);
    expect(index.lineStart(0)).toBe(0);
    expect(index.lineStart(99)).toBe(40);
  });

  test('CRLF: columns count the \\r as part of its line, lineText drops it', () => {
    const crlf = new LineIndex('a: 1\r\nb: 2\r\n');
    expect(crlf.locate(4)).toEqual({ line: 1, column: 5 });
    expect(crlf.locate(6)).toEqual({ line: 2, column: 1 });
    expect(crlf.lineText(1)).toBe('a: 1');
    expect(crlf.lineText(2)).toBe('b: 2');
  });

  test('a text without line breaks, and an empty text', () => {
    expect(new LineIndex('abc').locate(3)).toEqual({ line: 1, column: 4 });
    expect(new LineIndex('').locate(0)).toEqual({ line: 1, column: 1 });
    expect(new LineIndex('').lineCount).toBe(1);
  });

  test('columns count UTF-16 code units, as JavaScript offsets do', () => {
    const emoji = new LineIndex('a: "😀"\nb: 1\n');
    expect(emoji.locate('a: "😀"'.length)).toEqual({ line: 1, column: 8 });
  });
});
