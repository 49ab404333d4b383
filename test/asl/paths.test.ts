import { checkPath } from '../../src/asl/paths';

describe('checkPath', () => {
  test.each([
    ['$', 'result-path'],
    ['$.a.b[0]', 'result-path'],
    ["$['a b'][\"c\"]", 'result-path'],
    ['$.a\\.b', 'result-path'],
    ['$$.Execution.Input', 'reference-path'],
    ['$$', 'reference-path'],
    ['$myVar.items[2]', 'reference-path'],
    ['$.a[?(@.b > 1)].c', 'reference-path'],
    ['$..a[*]', 'path'],
    ['$.a[1:2:1]', 'path'],
    ['$.a[0,1,-1]', 'path'],
    ["$['a','b']", 'path'],
    ['$[(@.length-1)]', 'path'],
    ["$.a[?(@.b == 'x)y')]", 'path'],
    ["$.abc.['def ghi']", 'result-path'],
    ["$[ 'a' ][ 0 ]", 'result-path'],
  ] as const)('%s is a valid %s', (text, context) => {
    expect(checkPath(text, context)).toBeUndefined();
  });

  test.each([
    ['a.b', 'path', 'A path must start with "$"', 0],
    ['$.', 'path', 'Expected a field name after "."', 2],
    ['$.a b', 'path', 'Unexpected " " in a field name; use bracket notation [\'...\']', 3],
    ['$.a[', 'path', 'Unclosed "["', 3],
    ['$.a[x]', 'path', "Invalid bracket expression \"[x]\"; expected an index, a quoted name, \"*\", a slice or a filter", 4],
    ["$['a", 'path', 'Unterminated quoted name', 2],
    ['$.a[?(@.b]', 'path', 'Unbalanced "(" in path', 5],
    ['$.a[?()]', 'path', 'Empty filter expression', 6],
    ['$.a[?(@.b =~ /x/)]', 'path', 'Filtering by regular expression ("=~") is not supported', 10],
    ["$.a[?(@.b <= $['c'])]", 'path', 'A filter cannot reference another value of the input ("$")', 13],
    ['$.a.size()', 'path', 'Functions such as "size()" are not supported in paths', 4],
    ['$.a[1:2:3:4]', 'path', 'Invalid array slice "[1:2:3:4]"', 4],
    ['$x', 'result-path', 'A result path must start with "$" (the state\'s input), not "a variable"', 0],
    ['$$.Task', 'result-path', 'A result path must start with "$" (the state\'s input), not "$$"', 0],
    ['$.a[?(@.b)]', 'result-path', 'A reference path must select a single node; the filter "[?(@.b)]" is not allowed', 3],
    ['$.a[-1]', 'reference-path', 'A reference path must select a single node; the negative index "[-1]" is not allowed', 3],
    ['$.a.*', 'reference-path', 'A reference path must select a single node; the wildcard "*" is not allowed', 3],
    ["$['a','b']", 'reference-path', 'A reference path must select a single node; a union of names is not allowed', 1],
  ] as const)('%s is not a valid %s', (text, context, message, offset) => {
    expect(checkPath(text, context)).toEqual({ message, offset });
  });
});
