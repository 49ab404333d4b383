/**
 * The YAML adapter, loaded on first use: a run over JSON files never loads the `yaml`
 * library (DESIGN §5, heavy modules load lazily). `require` caches, so this costs nothing after.
 */
import type * as ParseModule from './parse';
import type * as RenderModule from './render';

/** The YAML parser module. */
export function yamlParser(): typeof ParseModule {
  return require('./parse') as typeof ParseModule;
}

/** The YAML renderer module. */
export function yamlRenderer(): typeof RenderModule {
  return require('./render') as typeof RenderModule;
}
