/**
 * The cache policy of `WfLint` (ESLint's): a result is reused when the file's content, the
 * configuration that applies to it and the tool version are unchanged. Only results that
 * describe the file as it is on disk are stored: a fixed text (`output`) is stored once
 * `outputFixes` has written it, and when fixing, a stored result that still has fixable
 * problems is not reused (the fixes must run).
 */
import type { ResolvedConfig } from '../config/types';
import type { LintResult } from '../engine/types';
import { configHash, contentHash } from './fingerprint';
import { LintCache, type CacheKey } from './lint-cache';
import { cacheFilePath } from './location';

export class FileCache {
  private readonly entries: LintCache;
  /** The keys (bar the content) of fixed results waiting for `outputFixes`. */
  private readonly pending = new Map<string, Omit<CacheKey, 'content'>>();

  constructor(cwd: string, location: string | undefined) {
    this.entries = new LintCache(cacheFilePath(location, cwd));
  }

  /** The stored result for this file and text (`result: null`: skipped), or undefined on a miss. */
  lookup(filePath: string, text: string, config: ResolvedConfig, explicit: boolean, fixing: boolean): { result: LintResult | null } | undefined {
    const hit = this.entries.get(filePath, { content: contentHash(text), config: configHash(config), explicit }, text);
    if (hit?.result && fixing && hit.result.fixableErrorCount + hit.result.fixableWarningCount > 0) return undefined;
    return hit;
  }

  /** Stores a fresh result, unless it describes a fixed text not yet written. */
  store(filePath: string, text: string, config: ResolvedConfig, explicit: boolean, result: LintResult | undefined): void {
    if (result?.output !== undefined) {
      this.pending.set(filePath, { config: configHash(config), explicit });
      return;
    }
    this.entries.set(filePath, { content: contentHash(text), config: configHash(config), explicit }, result);
  }

  /** Called once `result.output` is on disk: the result now describes the file. */
  fixWritten(result: LintResult): void {
    const key = this.pending.get(result.filePath);
    if (!key || result.output === undefined) return;
    this.entries.set(result.filePath, { ...key, content: contentHash(result.output) }, result);
    this.pending.delete(result.filePath);
  }

  /** Writes the cache file; a cache that cannot be written only costs speed, so failures are ignored. */
  save(): void {
    try {
      this.entries.save();
    } catch {
      // A read-only folder or a full disk: the next run simply lints again.
    }
  }
}
