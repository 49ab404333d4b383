/** The README's generated parts and its promises stay true. */
import fs from 'node:fs';
import path from 'node:path';
import { withRuleTable } from '../tools/rule-table';

const readme = fs.readFileSync(path.resolve(__dirname, '..', 'README.md'), 'utf8');

test('the rule table matches rule metadata (run `npm run update-readme`)', () => {
  expect(readme).toBe(withRuleTable(readme));
});

test('the first two commands set up, run on examples/, and test', () => {
  const commands = [...readme.matchAll(/^```sh\n([^]*?)```/gm)][0]?.[1].trim().split('\n');
  expect(commands).toEqual(['npm ci && npx wf-lint examples', 'npm test']);
});

test('the before/after example is the real corpus file and its reviewed --fix output', () => {
  const block = (tag: string) => new RegExp('```yaml ' + tag + '\\n([^]*?)\\n```').exec(readme)?.[1];
  const name = 'cirrus-geo__cirrus-geo__src__cirrus__builtins__workflows__mirror__definition.yml';
  const original = fs.readFileSync(path.resolve(__dirname, '..', '..', 'shared', 'corpus', 'real', name), 'utf8');
  const fixed = fs.readFileSync(path.resolve(__dirname, 'fixtures', 'fix', 'real', name), 'utf8');
  expect(block('before')).toBeDefined();
  expect(original).toContain(block('before'));
  expect(fixed).toContain(block('after'));
});
