/** Repository conventions that no reviewer should have to remember (STYLE §1, §4, §8). */
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { rules } from '../rules';

const root = path.resolve(__dirname, '..');

function ruleFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return ruleFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`);
    if (!entry.name.endsWith('.ts') || (prefix === '' && entry.name === 'index.ts')) return [];
    return [`${prefix}${entry.name.replace(/\.ts$/, '')}`];
  });
}

describe('rule registry', () => {
  test('registers every module under rules/ under its path, and nothing else', () => {
    expect(Object.keys(rules).sort()).toEqual(ruleFiles(path.join(root, 'rules')).sort());
  });
});

describe.each(Object.entries(rules))('%s', (id, rule) => {
  test('description follows the pattern', () => {
    expect(rule.meta.docs.description).toMatch(/^(Disallow|Require|Enforce|Prefer) [^]*[^.]$/);
  });

  test('messages are sentences without rule ids', () => {
    for (const message of Object.values<string>(rule.meta.messages)) {
      expect(message).toMatch(/^[^a-z].*[.?]$/);
      expect(message).not.toContain(id);
    }
  });

  test('every message is used by the rule', () => {
    const source = fs.readFileSync(path.join(root, 'rules', `${id}.ts`), 'utf8');
    for (const messageId of Object.keys(rule.meta.messages)) expect(source).toMatch(new RegExp(`['"]${messageId}['"]`));
  });

  test('options schema is valid JSON Schema', () => {
    const ajv = new Ajv({ strict: false });
    for (const schema of rule.meta.schema) expect(ajv.validateSchema(schema)).toBe(true);
  });

  test('has a test file and a doc page', () => {
    expect(fs.existsSync(path.join(root, 'test', 'rules', `${id}.test.ts`))).toBe(true);
    expect(fs.existsSync(path.join(root, 'docs', 'rules', `${id}.md`))).toBe(true);
  });

  test('never imports a format library or adapter', () => {
    const source = fs.readFileSync(path.join(root, 'rules', `${id}.ts`), 'utf8');
    expect(source).not.toMatch(/from ['"](yaml|jsonc-parser|ts-morph)['"]|src\/formats\//);
  });
});
