/** The asl rules keep jsonata off the default path (it loads on the first `{% %}` met); their path parser is their own. */
import { lintWith } from '../harness';

const JSONPATH = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'a.$': "States.Format('{}', $.x)" }, End: true } } });
const JSONATA = JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $states.input %}', End: true } } });

test('the asl rules never load jsonpath-plus, and load jsonata only for a JSONata expression', () => {
  const loaded: string[] = [];
  jest.isolateModules(() => {
    jest.doMock('jsonata', () => {
      loaded.push('jsonata');
      return jest.requireActual('jsonata');
    });
    jest.doMock('jsonpath-plus', () => {
      loaded.push('jsonpath-plus');
      return jest.requireActual('jsonpath-plus');
    });
    const ids = ['valid-paths', 'valid-jsonata', 'no-path-in-plain-field', 'valid-choice-rules'];
    const rules = ids.map((id) => [`asl/${id}`, (require(`../../rules/asl/${id}`) as { default: Parameters<typeof lintWith>[1] }).default] as const);
    for (const [id, rule] of rules) expect(lintWith(id, rule, JSONPATH, 'case.asl.json')).toEqual([]);
    expect(loaded).toEqual([]);
    for (const [id, rule] of rules) expect(lintWith(id, rule, JSONATA, 'case.asl.json')).toEqual([]);
    expect(loaded).toEqual(['jsonata']);
  });
});
