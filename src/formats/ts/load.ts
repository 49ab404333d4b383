/**
 * The TypeScript adapter, loaded on first use: a run over YAML or JSON files never loads
 * `ts-morph` or the TypeScript compiler it bundles (DESIGN §5, heavy modules load lazily).
 * `require` caches, so this costs nothing after.
 */
import type * as ParseModule from './parse';
import type * as RenderModule from './render';

/** The TypeScript parser module. */
export function tsParser(): typeof ParseModule {
  return require('./parse') as typeof ParseModule;
}

/** The TypeScript renderer module. */
export function tsRenderer(): typeof RenderModule {
  return require('./render') as typeof RenderModule;
}
