/**
 * Where the cache lives, with ESLint's `--cache-location` semantics: a file path is used as is;
 * a folder (an existing one, or a path ending in a separator) gets a file named after the
 * working folder inside it, so several projects can share one cache folder.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const DEFAULT_CACHE_LOCATION = '.wflintcache';

/** The absolute path of the cache file for `location` (default `.wflintcache`) seen from `cwd`. */
export function cacheFilePath(location: string | undefined, cwd: string): string {
  const given = location ?? DEFAULT_CACHE_LOCATION;
  const absolute = path.resolve(cwd, given);
  const namesFolder = /[\\/]$/.test(given) || isDirectory(absolute);
  if (!namesFolder) return absolute;
  const tag = crypto.createHash('sha1').update(cwd).digest('hex').slice(0, 10);
  return path.join(absolute, `.cache_${tag}`);
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
