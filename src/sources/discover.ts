/**
 * Turns command-line paths into files to lint (ESLint conventions): files named explicitly are
 * always linted; folders are walked for workflow-looking files, honouring `.gitignore` and the
 * configuration's `ignores`; glob patterns are matched under their static prefix.
 */
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

export interface DiscoveredFile {
  readonly filePath: string;
  /** Named on the command line (not found by walking a folder). */
  readonly explicit: boolean;
}

/** A command-line path that matched nothing: ESLint exits 2 for it. */
export class NoFilesError extends Error {
  constructor(readonly pattern: string) {
    super(`No files matching the pattern "${pattern}" were found.`);
  }
}

// Only files with these endings are read when walking; everything else is never opened.
// TypeScript/JavaScript sources are read too, but declaration files hold no values.
const WALKED = /\.(?:json|ya?ml|asl|tmpl|template|[cm]?ts|tsx|[cm]?js)$/i;
const DECLARATIONS = /\.d\.[cm]?ts$/i;
// `cdk.out` holds what `cdk synth` generated from the sources linted here.
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', 'cdk.out']);

/**
 * The files to lint for `patterns`, sorted and without duplicates. `isIgnored` is the
 * configuration's `ignores`; `useGitignore: false` (`--no-ignore`) reads no .gitignore.
 */
export function discoverFiles(
  patterns: readonly string[],
  cwd: string,
  isIgnored: (file: string) => boolean,
  useGitignore = true,
): DiscoveredFile[] {
  const found = new Map<string, DiscoveredFile>();
  for (const pattern of patterns) {
    const absolute = path.resolve(cwd, pattern);
    const stat = statOrUndefined(absolute);
    if (stat?.isFile()) {
      found.set(absolute, { filePath: absolute, explicit: true });
      continue;
    }
    let matches: string[];
    if (stat?.isDirectory()) {
      matches = walk(absolute, cwd, isIgnored, useGitignore);
    } else if (picomatch.scan(pattern).isGlob) {
      const { base } = picomatch.scan(pattern);
      const matcher = picomatch(path.resolve(cwd, pattern).split(path.sep).join('/'), { dot: true });
      matches = walk(path.resolve(cwd, base || '.'), cwd, isIgnored, useGitignore, true).filter((f) => matcher(f.split(path.sep).join('/')));
    } else {
      throw new NoFilesError(pattern);
    }
    if (matches.length === 0 && !stat?.isDirectory()) throw new NoFilesError(pattern);
    for (const file of matches) if (!found.has(file)) found.set(file, { filePath: file, explicit: false });
  }
  return [...found.values()].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
}

function walk(root: string, cwd: string, isIgnored: (file: string) => boolean, useGitignore: boolean, anyExtension = false): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  // `real` is the folder's real path when the walk knows it: a plain subfolder's is its parent's
  // plus its name, so only the root and symlinked folders ask the file system (a realpath is a
  // system call per path component, for every folder of a large tree).
  const visit = (dir: string, real: string | undefined, rules: { base: string; ig: Ignore }[]) => {
    let entries: fs.Dirent[];
    try {
      real ??= fs.realpathSync.native(dir);
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (seen.has(real)) return; // a symlink loop, or a folder reached twice
    seen.add(real);
    // Only read a .gitignore that the listing shows: most folders have none.
    const local = useGitignore && entries.some((e) => e.name === '.gitignore') ? readGitignore(dir) : undefined;
    const active = local ? [...rules, { base: dir, ig: local }] : rules;
    for (const entry of entries) {
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && statOrUndefined(full)?.isDirectory() === true);
      if (active.some(({ base, ig }) => ig.ignores(path.relative(base, full).split(path.sep).join('/') + (isDir ? '/' : '')))) continue;
      if (isIgnored(full)) continue;
      if (isDir) visit(full, entry.isDirectory() ? path.join(real, entry.name) : undefined, active);
      else if (anyExtension || (WALKED.test(entry.name) && !DECLARATIONS.test(entry.name))) out.push(full);
    }
  };
  visit(root, undefined, useGitignore ? ancestorIgnores(root, cwd) : []);
  return out;
}

/**
 * The `.gitignore` files above `dir`, outermost first, up to the repository root (or the
 * working folder, when `dir` is inside it and no repository root comes first).
 */
function ancestorIgnores(dir: string, cwd: string): { base: string; ig: Ignore }[] {
  const chain: string[] = [];
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    chain.unshift(current);
    if (current === cwd || fs.existsSync(path.join(current, '.git'))) break;
    // Outside a repository no ancestor's .gitignore applies.
    if (path.dirname(current) === current) return [];
  }
  return chain.flatMap((base) => {
    const ig = readGitignore(base);
    return ig ? [{ base, ig }] : [];
  });
}

function readGitignore(dir: string): Ignore | undefined {
  try {
    return ignore().add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'));
  } catch {
    return undefined;
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
