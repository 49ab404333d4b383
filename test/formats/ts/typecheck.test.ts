/**
 * What `--fix` writes into TypeScript must still compile: every fixed fixture (and, as a control,
 * every input, and the README's example) goes through the TypeScript compiler bundled with ts-morph, in one program, with
 * the fixture tsconfig. `aws-cdk-lib` and `constructs` resolve from the project's dev dependencies
 * (the fixtures import `aws-cdk-lib/core` rather than the package root, which would load the
 * types of every AWS service).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Project, ts } from 'ts-morph';

const FIXTURES = path.resolve(__dirname, '../../fixtures/ts');
const README = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');

/** The README's "TypeScript and CDK" example and its fixed output. */
function readmeExamples(): [string, string][] {
  return [...README.matchAll(/^```ts (readme-example(?:-fixed)?)(?: [^\n]*)?\n([^]*?)^```$/gm)].map((m) => [`${m[1]}.ts`, m[2]]);
}

function describeDiagnostic(d: ts.Diagnostic): string {
  const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
  const at = d.file && where ? `${path.basename(d.file.fileName)}:${where.line + 1}:${where.character + 1} ` : '';
  return at + ts.flattenDiagnosticMessageText(d.messageText, ' ');
}

test('every fixed fixture, every input and the README example type-check; a control with a type error does not', () => {
  const fixed = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.fixed.ts'));
  expect(fixed.length).toBeGreaterThanOrEqual(4);
  const inputs = fixed.map((f) => f.replace(/\.fixed\.ts$/, '.ts'));
  const project = new Project({ tsConfigFilePath: path.join(FIXTURES, 'tsconfig.json'), skipAddingFilesFromTsConfig: true });
  for (const file of [...fixed, ...inputs]) project.addSourceFileAtPath(path.join(FIXTURES, file));
  const examples = readmeExamples();
  expect(examples.map(([name]) => name)).toEqual(['readme-example.ts', 'readme-example-fixed.ts']);
  for (const [name, text] of examples) project.createSourceFile(path.join(FIXTURES, name), text);
  // Guards against a configuration that silently checks nothing: this file must fail.
  project.createSourceFile(path.join(FIXTURES, 'control.ts'), "import { Stack } from 'aws-cdk-lib/core';\nexport const stack: Stack = 'not a stack';\n");
  const diagnostics = project.getProgram().compilerObject;
  expect(ts.getPreEmitDiagnostics(diagnostics).map(describeDiagnostic)).toEqual([
    "control.ts:2:14 Type 'string' is not assignable to type 'Stack'.",
  ]);
}, 120_000);
