import { checkJsonata, jsonataExpression } from '../../src/asl/jsonata';

describe('jsonataExpression', () => {
  test.each([
    ['{% $states.input %}', ' $states.input '],
    ['{%%}', ''],
    ['{% a\n b %}', ' a\n b '],
  ])('%j wraps %j', (text, expression) => expect(jsonataExpression(text)).toBe(expression));
  test.each([' {% x %}', '{% x %} ', '{ % x % }', '$.x', '%}{%x'])('%j is a plain string', (text) => expect(jsonataExpression(text)).toBeUndefined());
});

describe('checkJsonata', () => {
  test.each(['$states.input.x', '$sum($states.input.items.price)', '{ "a": $x, "b": [1, 2] }', '$x := 1'])('%s parses', (expression) => {
    expect(checkJsonata(expression)).toBeUndefined();
  });

  test.each([
    [' $x + ', 'Unexpected end of expression', 6],
    ['a b', 'Syntax error: "b"', 2],
    ['1 2', 'Syntax error: 2', 2],
    ['{ "a": }', 'The symbol "}" cannot be used as a unary operator', 7],
    ['$f(', 'Expected ")" before end of expression', 3],
    ['   ', 'The JSONata expression is empty', undefined],
  ])('%j is rejected', (expression, message, offset) => {
    expect(checkJsonata(expression)).toEqual({ message, offset });
  });
});
