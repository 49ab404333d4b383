/** The installed wf-lint's version: part of every cache key, so an upgrade re-lints everything. */
import fs from 'node:fs';
import path from 'node:path';

let version: string | undefined;

/** The `version` of the wf-lint package.json found by walking up from this file. */
export function toolVersion(): string {
  if (version !== undefined) return version;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'wf-lint') return (version = pkg.version ?? '0.0.0');
    }
    if (path.dirname(dir) === dir) return (version = '0.0.0');
  }
}
