/**
 * The `--cache` store (ESLint's `.eslintcache`, keyed by content rather than mtime): one JSON
 * file mapping each linted file to the fingerprints of its content and configuration and the
 * result they gave. An entry is used only when both fingerprints and the tool version match;
 * an unreadable, corrupt or foreign cache file is treated as empty, never as an error.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LintResult } from '../engine/types';
import { toolVersion } from './tool-version';

/** What a cached result is valid for. */
export interface CacheKey {
  readonly content: string;
  readonly config: string;
  /** Named explicitly (a file with no machine is reported) or found by walking (skipped). */
  readonly explicit: boolean;
}

interface CacheEntry extends CacheKey {
  /** Null for a file that was skipped (it holds no machine). */
  readonly result: LintResult | null;
}

interface CacheFile {
  readonly wfLintCache: 1;
  readonly version: string;
  readonly entries: Record<string, CacheEntry>;
}

export class LintCache {
  private readonly entries: Map<string, CacheEntry>;
  private changed = false;

  constructor(
    readonly filePath: string,
    private readonly version: string = toolVersion(),
  ) {
    this.entries = readEntries(filePath, version);
  }

  /**
   * The stored result for `file` when `key` matches its entry (`null`: the file was skipped), with
   * `text` attached as `source` again; undefined when there is no usable entry.
   */
  get(file: string, key: CacheKey, text: string): { result: LintResult | null } | undefined {
    const entry = this.entries.get(file);
    if (!entry || entry.content !== key.content || entry.config !== key.config || entry.explicit !== key.explicit) return undefined;
    if (!entry.result) return { result: null };
    // The linter keeps the text only where a formatter may print a code frame; so does the cache.
    return { result: entry.result.messages.length > 0 ? { ...entry.result, source: text } : { ...entry.result } };
  }

  /** Remembers `result` (undefined or null: skipped) for `file` under `key`. */
  set(file: string, key: CacheKey, result: LintResult | null | undefined): void {
    let stored: LintResult | null = null;
    if (result) {
      // The text is the file itself and a fix's output is not what the file holds: neither is stored.
      const { source: _source, output: _output, ...rest } = result;
      stored = rest;
    }
    this.entries.set(file, { content: key.content, config: key.config, explicit: key.explicit, result: stored });
    this.changed = true;
  }

  /** Writes the cache file (atomically) if anything changed, dropping entries of deleted files. */
  save(): void {
    for (const file of this.entries.keys()) {
      if (!fs.existsSync(file)) {
        this.entries.delete(file);
        this.changed = true;
      }
    }
    if (!this.changed) return;
    const data: CacheFile = { wfLintCache: 1, version: this.version, entries: Object.fromEntries(this.entries) };
    fs.mkdirSync(path.dirname(this.filePath), { recursive: true });
    const temp = `${this.filePath}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(data));
    fs.renameSync(temp, this.filePath);
    this.changed = false;
  }
}

function readEntries(filePath: string, version: string): Map<string, CacheEntry> {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(filePath, 'utf8'));
  } catch {
    return new Map();
  }
  const file = data as Partial<CacheFile> | null;
  if (!file || file.wfLintCache !== 1 || file.version !== version || typeof file.entries !== 'object' || file.entries === null) return new Map();
  const entries = new Map<string, CacheEntry>();
  for (const [name, entry] of Object.entries(file.entries)) if (isEntry(entry)) entries.set(name, entry);
  return entries;
}

function isEntry(value: unknown): value is CacheEntry {
  const e = value as Partial<CacheEntry> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.content === 'string' &&
    typeof e.config === 'string' &&
    typeof e.explicit === 'boolean' &&
    (e.result === null || (typeof e.result === 'object' && Array.isArray(e.result?.messages)))
  );
}
