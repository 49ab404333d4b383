import { closestName, editDistance } from '../../src/asl/suggest';

describe('editDistance', () => {
  test.each([
    ['Charge', 'Charge', 0],
    ['Chrage', 'Charge', 1], // one transposition, not two substitutions
    ['Charg', 'Charge', 1],
    ['Charges', 'Charge', 1],
    ['Xharge', 'Charge', 1],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['ca', 'abc', 3], // optimal string alignment: no edit of a transposed pair
    ['🚀a', '🚀b', 1], // code points, not UTF-16 units
  ])('%s → %s is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe('closestName', () => {
  test('suggests a name one edit away', () => {
    expect(closestName('Chrage', ['Refund', 'Charge', 'Done'])).toBe('Charge');
  });

  test('prefers a name that differs only in letter case', () => {
    expect(closestName('done', ['Dune', 'Done'])).toBe('Done');
  });

  test('allows more edits for longer names', () => {
    expect(closestName('copy-asets-btch', ['copy-assets-batch'])).toBe('copy-assets-batch');
  });

  test('suggests nothing when every name is far', () => {
    expect(closestName('Refund', ['Charge', 'Done'])).toBeUndefined();
    expect(closestName('AB', ['XY'])).toBeUndefined();
  });

  test('never suggests the name itself', () => {
    expect(closestName('Charge', ['Charge'])).toBeUndefined();
  });

  test('breaks ties alphabetically, so the message is stable', () => {
    expect(closestName('Bat', ['Cat', 'Bar', 'Hat'])).toBe('Bar');
    expect(closestName('Bat', ['Hat', 'Cat'])).toBe('Cat');
  });
});
