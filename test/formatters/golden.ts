/** Golden-file comparison: `UPDATE_GOLDEN=1 npx jest test/formatters` rewrites the files. */
import fs from 'node:fs';
import path from 'node:path';

export const GOLDEN_DIR = path.resolve(__dirname, '../fixtures/formatters');

export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, actual);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}
