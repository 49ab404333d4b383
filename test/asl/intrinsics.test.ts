import { INTRINSIC_FUNCTIONS, looksLikeIntrinsic, parseIntrinsic } from '../../src/asl/intrinsics';
import { checkPayloadTemplate } from '../../src/asl/paths-payload-template';

describe('parseIntrinsic', () => {
  test.each([
    ["States.Format('{} {}', $.a, $$.Execution.Id)", 'States.Format', true],
    ["States.Format('it\\'s \\{\\} {}', $var.x[0])", 'States.Format', true],
    ['States.StringToJson($.s)', 'States.StringToJson', false],
    ['States.Array()', 'States.Array', false],
    ["States.Array('a', 1, -2.5, true, null, $.x, States.UUID())", 'States.Array', false],
    ['States.MathRandom(1, 10)', 'States.MathRandom', false],
    ['States.MathRandom(1, 10, 42)', 'States.MathRandom', false],
    ['States.ArrayGetItem($.a[?(@.k == v)].x, 0)', 'States.ArrayGetItem', true],
    ['States.MathAdd( States.ArrayLength( $.a ) , -1 )   ', 'States.MathAdd', false],
    ["States.Hash($.x, 'SHA-512')", 'States.Hash', true],
  ])('%s calls %s', (text, name, returnsString) => {
    expect(parseIntrinsic(text)).toEqual({ call: { name, returnsString } });
  });

  test.each([
    ['States.Nope()', 'Unknown intrinsic function "States.Nope"', 0],
    ['States.UUID(1)', '"States.UUID" takes 0 arguments, but 1 is given', 0],
    ['States.Format()', '"States.Format" takes at least 1 argument, but 0 are given', 0],
    ['States.MathRandom(1)', '"States.MathRandom" takes 2 or 3 arguments, but 1 is given', 0],
    ["States.Format('{}' $.a)", 'Expected "," or ")" in "States.Format", found "$"', 19],
    ["States.Format('{}", 'Unterminated string literal', 14],
    ['States.ArrayRange(1, 9.5, 1)', 'Argument 2 of "States.ArrayRange" must be an integer, not a number', 21],
    ["States.ArrayLength('abc')", 'Argument 1 of "States.ArrayLength" must be an array, not a string', 19],
    ['States.JsonMerge($.a, $.b, true)', 'Argument 3 of "States.JsonMerge" must be one of false', 27],
    ['States.Base64Encode(input)', 'Invalid argument "input)"; expected a string in single quotes, a number, true, false, null, a path or an intrinsic function', 20],
    ['States.JsonToString($.a b)', 'Expected "," or ")" in "States.JsonToString", found "b"', 24],
    ['States.Format($.t $.a)', 'Expected "," or ")" in "States.Format", found "$"', 18],
    ['States.UUID() x', 'Unexpected "x" after the intrinsic function call', 14],
  ])('%s is rejected', (text, message, offset) => {
    expect(parseIntrinsic(text)).toEqual({ problem: { message, offset } });
  });

  test('knows the 18 functions AWS documents', () => {
    expect(Object.keys(INTRINSIC_FUNCTIONS)).toHaveLength(18);
  });
});

describe('looksLikeIntrinsic', () => {
  test.each(['States.Format(', 'States.X (', 'States.(', "States.Array('a')"])('%s looks like a call', (text) => expect(looksLikeIntrinsic(text)).toBe(true));
  test.each(['States.ALL', ' States.UUID()', 'Format()', 'States'])('%s does not', (text) => expect(looksLikeIntrinsic(text)).toBe(false));
});

describe('checkPayloadTemplate', () => {
  test('accepts a path with trailing whitespace, not leading', () => {
    expect(checkPayloadTemplate('$.a  ', { pathContext: 'path' })).toBeUndefined();
    expect(checkPayloadTemplate('  $.a', { pathContext: 'path' })).toEqual({ message: 'Unexpected whitespace before the path or intrinsic function', offset: 0 });
  });

  test('a value starting with "States." is reported as a call', () => {
    expect(checkPayloadTemplate('States.StringToJson $.a)', { pathContext: 'path' })).toEqual({ message: 'Expected "(" after "States.StringToJson"', offset: 20 });
    expect(checkPayloadTemplate('States. ', { pathContext: 'path' })).toEqual({ message: 'Expected an intrinsic function such as "States.Format(...)"', offset: 0 });
  });

  test('string-only contexts reject calls that return other types', () => {
    expect(checkPayloadTemplate('States.UUID()', { pathContext: 'reference-path', stringOnly: true })).toBeUndefined();
    expect(checkPayloadTemplate('States.ArrayLength($.a)', { pathContext: 'reference-path', stringOnly: true })?.message).toMatch(/^"States.ArrayLength" does not return a string/);
  });
});
