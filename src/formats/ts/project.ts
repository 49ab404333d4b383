/**
 * The in-memory ts-morph project every TypeScript file is parsed in. One per process: creating
 * it is cheap, loading the compiler is not (about 0.7-1 s, once), and CDK reading needs
 * ts-morph's `SourceFile`. Measured on a 4.7 kB fixture, 300 parses: the project's
 * `createSourceFile` costs what the compiler's own `ts.createSourceFile` with parent links does
 * (3-5 ms a file here, within noise), since it wraps nodes only when asked; so every file takes
 * this one path and the adapter walks `compilerNode` with the raw API.
 */
import path from 'node:path';
import { Project, type SourceFile } from 'ts-morph';

// Files parsed in a run are dropped after this many newer ones, so memory stays bounded; a fix
// pass lints a file right after parsing it, long before its tree is dropped.
const KEPT_FILES = 64;

let project: Project | undefined;
const recent: SourceFile[] = [];
let counter = 0;

/** `text` parsed as the content of `filePath` (its extension decides TS, TSX or JS). */
export function parseInProject(text: string, filePath: string): SourceFile {
  project ??= new Project({
    useInMemoryFileSystem: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    compilerOptions: { allowJs: true },
  });
  // A fresh name per parse: the fix loop may hold two versions of one file at a time.
  const name = `/wf-lint/${++counter}/${path.basename(filePath)}`;
  const file = project.createSourceFile(name, text, { overwrite: true });
  recent.push(file);
  while (recent.length > KEPT_FILES) project.removeSourceFile(recent.shift()!);
  return file;
}
