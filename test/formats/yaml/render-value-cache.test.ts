/**
 * Block renders are remembered by value and layout; a remembered render must be the one a fresh
 * yaml Document gives, for values that look alike but render differently too.
 */
import type { FixValue } from '../../../src/engine/fix-ops';
import type { YamlLayout } from '../../../src/formats/yaml/layout';
import { renderBlockItem, renderBlockPair } from '../../../src/formats/yaml/render-value';

const TWO: YamlLayout = { indent: 2, indentSeq: true, seqPadding: false, mapPadding: false, eol: '\n' };
const FOUR: YamlLayout = { indent: 4, indentSeq: false, seqPadding: true, mapPadding: false, eol: '\n' };

describe('remembered block renders', () => {
  it('gives the same lines again, in a fresh array each time', () => {
    const value = { ErrorEquals: ['States.ALL'], IntervalSeconds: 2, Next: { Retry: [{ MaxAttempts: 3 }] } };
    const first = renderBlockPair('Retry', value, TWO);
    expect(first).toEqual(['Retry:', '  ErrorEquals: [States.ALL]', '  IntervalSeconds: 2', '  Next:', '    Retry:', '      - MaxAttempts: 3']);
    first.push('changed by a caller');
    expect(renderBlockPair('Retry', value, TWO)).toEqual(first.slice(0, -1));
  });

  it('keeps the layout facts apart', () => {
    const value = { Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }] };
    expect(renderBlockItem(value, TWO)).toEqual(['- Catch:', '    - ErrorEquals: [States.ALL]', '      Next: Done']);
    expect(renderBlockItem(value, FOUR)).toEqual(['- Catch:', '    - ErrorEquals: [ States.ALL ]', '      Next: Done']);
    expect(renderBlockItem(value, TWO)).toEqual(['- Catch:', '    - ErrorEquals: [States.ALL]', '      Next: Done']);
  });

  it.each<[FixValue, FixValue]>([
    [1, '1'],
    [true, 'true'],
    [null, 'null'],
    [['a', 'b'], ['a,b']],
    [{ a: 'b,c' }, { a: 'b', c: 'c' }],
    [{ intrinsic: 'Ref', args: 'X' }, { intrinsic: 'Ref', args: ['X'] }],
  ])('renders %j and %j each as a fresh Document does', (one, other) => {
    const a = renderBlockPair('K', one, TWO);
    const b = renderBlockPair('K', other, TWO);
    expect(a).not.toEqual(b);
    expect(renderBlockPair('K', one, TWO)).toEqual(a);
    expect(renderBlockPair('K', other, TWO)).toEqual(b);
  });

  it('renders values that are not plain data without the cache', () => {
    class Box {
      constructor(readonly Next: string) {}
    }
    const value = new Box('Done') as unknown as FixValue;
    expect(renderBlockPair('State', value, TWO)).toEqual(renderBlockPair('State', { Next: 'Done' }, TWO));
  });
});
