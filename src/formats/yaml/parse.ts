/**
 * YAML → neutral AST, one tree per document. The fast path (fast-parse.ts) handles the files it
 * can prove it reads exactly as `yaml` does; every other file goes to `yaml` itself
 * (yaml-library-parse.ts), which is loaded only when needed. Directive comments are found here,
 * for both.
 */
import type { AstNode } from '../../model/ast';
import type { DirectiveComment, ParsedText } from '../parse-result';
import { scanDirectives } from './directives';
import type * as FastParse from './fast-parse';
import type * as YamlLibraryParse from './yaml-library-parse';

// YAML allows no C0 control character but tab, LF and CR (YAML 1.2 §5.1), nor DEL; the `yaml`
// library accepts them anyway, so a binary file named `.yaml` would parse as one long scalar.
const CONTROL_CHARACTER = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;

function controlCharacterError(text: string): ParsedText['error'] {
  const found = CONTROL_CHARACTER.exec(text);
  if (!found) return undefined;
  const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return { message: `Unexpected control character U+${code}: this is not a YAML text file.`, offset: found.index };
}

/**
 * Loading the fast parser costs about what `yaml` takes to parse 40 to 100 KB, and a run that
 * finds something to fix loads `yaml` anyway, to render the fix. So a process parses its first
 * YAML with `yaml`, and takes the fast path once it has seen this much: a one-file run starts
 * as fast as before (cold start), a large run parses nearly all of its YAML ten times faster.
 * Both paths give the same result, so only the speed depends on what was parsed before.
 */
const FAST_PATH_AFTER_CHARACTERS = 32 * 1024;
let yamlCharactersSeen = 0;

/** Parses YAML text into neutral trees, one per document. */
export function parseYaml(text: string): ParsedText {
  yamlCharactersSeen += text.length;
  if (yamlCharactersSeen <= FAST_PATH_AFTER_CHARACTERS) return parseYamlWithYamlLibrary(text);
  return parseWith(text, (t) => {
    const roots = fastParser().parseYamlFast(t);
    return roots ? { roots } : yamlLibrary().parseRootsWithYamlLibrary(t);
  });
}

/** `parseYaml` without the fast path: the reference the fast path is tested against. */
export function parseYamlWithYamlLibrary(text: string): ParsedText {
  return parseWith(text, (t) => yamlLibrary().parseRootsWithYamlLibrary(t));
}

// Both parsers load on first use: a run over JSON loads neither, a small YAML run only `yaml`.
function fastParser(): typeof FastParse {
  return require('./fast-parse') as typeof FastParse;
}

function yamlLibrary(): typeof YamlLibraryParse {
  return require('./yaml-library-parse') as typeof YamlLibraryParse;
}

type RootsOrError = ReturnType<typeof YamlLibraryParse.parseRootsWithYamlLibrary>;

function parseWith(text: string, parseRoots: (text: string) => RootsOrError): ParsedText {
  const directives = scanDirectives(text);
  const binary = controlCharacterError(text);
  if (binary) return { roots: [], error: binary, directives: [] };
  const parsed = parseRoots(text);
  if (parsed.error) return { roots: [], error: parsed.error, directives };
  const roots = parsed.roots;
  return { roots, error: undefined, directives: commentsOutsideStrings(directives, roots) };
}

/** A `# wf-lint-…` inside a quoted or block string is text, not a comment. */
function commentsOutsideStrings(directives: DirectiveComment[], roots: readonly AstNode[]): DirectiveComment[] {
  return directives.filter((d) => !roots.some((root) => insideString(root, d.offset)));
}

function insideString(node: AstNode, offset: number): boolean {
  if (offset < node.range[0] || offset >= node.range[1]) return false;
  if (node.kind === 'scalar') return node.style !== undefined && node.style !== 'plain';
  if (node.kind === 'array') return node.items.some((item) => insideString(item, offset));
  return node.properties.some((p) => insideString(p.key, offset) || insideString(p.value, offset));
}
