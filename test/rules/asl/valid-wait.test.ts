import rule from '../../../rules/asl/valid-wait';
import { isAslTimestamp } from '../../../src/asl/timestamp';
import { RuleTester, file, json, machine, yaml } from '../../harness';

/** A machine whose only state is the Wait `W` with `fields`. */
const wait = (fields: Record<string, unknown>, top: Record<string, unknown> = {}) => ({ ...top, StartAt: 'W', States: { W: { Type: 'Wait', ...fields, End: true } } });

describe('isAslTimestamp', () => {
  test.each(['2016-08-18T17:33:00Z', '2016-08-18T17:33:00.123Z', '2016-08-18T17:33:00+02:00', '2024-02-29T00:00:00-05:30', '2016-12-31T23:59:60Z'])('accepts %s', (t) => {
    expect(isAslTimestamp(t)).toBe(true);
  });
  test.each(['2016-08-18t17:33:00Z', '2016-08-18T17:33:00z', '2016-08-18 17:33:00Z', '2016-08-18T17:33:00', '2023-02-29T00:00:00Z', '2016-13-01T00:00:00Z', '2016-08-18T24:00:00Z', '2016-08-18T17:33Z', '2016-08-18T17:33:00+2:00'])(
    'rejects %s',
    (t) => expect(isAslTimestamp(t)).toBe(false),
  );
});

new RuleTester().run('asl/valid-wait', rule, {
  valid: [
    { name: 'Seconds', code: machine(wait({ Seconds: 0 })) },
    { name: 'SecondsPath', code: machine(wait({ SecondsPath: '$.s' })) },
    { name: 'Timestamp with an offset', code: machine(wait({ Timestamp: '2016-08-18T17:33:00+02:00' })) },
    { name: 'TimestampPath', code: machine(wait({ TimestampPath: '$.t' })) },
    { name: 'JSONata expressions', code: machine(wait({ Seconds: '{% $states.input.wait %}' }, { QueryLanguage: 'JSONata' })) },
    { name: 'a JSONata Timestamp in a JSONata state', code: machine(wait({ QueryLanguage: 'JSONata', Timestamp: '{% $now() %}' })) },
    {
      name: 'an unquoted YAML timestamp and a deploy-time Seconds',
      code: yaml`
        StartAt: W
        States:
          W: { Type: Wait, Timestamp: 2016-08-18T17:33:00Z, Next: V }
          V: { Type: Wait, Seconds: !Ref Delay, End: true }`,
    },
    {
      name: 'a TypeScript spread may bring the duration',
      code: file('wait.ts', "import { pause } from './pause';\nexport const definition = { StartAt: 'W', States: { W: { ...pause, Type: 'Wait', End: true } } };\n"),
    },
    {
      name: 'a YAML merge key may bring the duration',
      code: yaml`
        StartAt: A
        States:
          A: &pause { Type: Wait, Seconds: 5, Next: B }
          B: { <<: *pause, End: true }`,
    },
  ],
  invalid: [
    {
      name: 'no duration',
      code: machine(wait({})),
      errors: [{ messageId: 'missingDuration', path: ['States', 'W'], message: 'Missing a duration in Wait state "W".' }],
    },
    {
      name: 'two durations, reported at the second',
      code: machine(wait({ Seconds: 10, SecondsPath: '$.s', TimestampPath: '$.t' })),
      errors: [
        { messageId: 'extraDuration', path: ['States', 'W', 'SecondsPath'], message: 'Unexpected "SecondsPath" in Wait state "W", which already has "Seconds". Only one duration may be given.' },
        { messageId: 'extraDuration', path: ['States', 'W', 'TimestampPath'] },
      ],
    },
    {
      name: 'Seconds negative, fractional or a string',
      code: yaml`
        StartAt: A
        States:
          A: { Type: Wait, Seconds: -1, Next: B }
          B: { Type: Wait, Seconds: 1.5, Next: C }
          C: { Type: Wait, Seconds: "10", End: true }`,
      errors: [
        { messageId: 'invalidSeconds', line: 3, column: 29, message: 'Expected "Seconds" to be an integer from 0 to 99999999 but got -1.' },
        { messageId: 'invalidSeconds', line: 4, column: 29, message: 'but got 1.5.' },
        { messageId: 'invalidSeconds', line: 5, column: 29, message: 'but got "10".' },
      ],
    },
    {
      name: 'Timestamps AWS refuses',
      code: json`
        {
          "StartAt": "A",
          "States": {
            "A": { "Type": "Wait", "Timestamp": "2016-08-18 17:33:00", "Next": "B" },
            "B": { "Type": "Wait", "Timestamp": "2016-08-18t17:33:00z", "Next": "C" },
            "C": { "Type": "Wait", "Timestamp": "{% $now() %}", "End": true }
          }
        }`,
      errors: [
        { messageId: 'invalidTimestamp', line: 4, column: 41, message: 'Expected "Timestamp" to be an RFC 3339 timestamp such as "2016-08-18T17:33:00Z" but got "2016-08-18 17:33:00".' },
        { messageId: 'invalidTimestamp', line: 5, column: 41 },
        { messageId: 'invalidTimestamp', line: 6, column: 41, message: 'but got "{% $now() %}".' },
      ],
    },
  ],
});
