/**
 * Every CDK fixture, and its text (and its variants' texts) after `--fix`, type-checks against the installed `aws-cdk-lib`
 * and `constructs`: the fixes must never emit code that does not compile. One Program over all
 * of them (the compiler ts-morph bundles), the fixed texts held in memory beside the fixtures.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Project, ts } from 'ts-morph';
import { FIXTURES, fixCdk } from './cdk-harness';
import { VARIANTS, variant } from './variants';

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  lib: ['lib.es2022.d.ts'],
  types: ['node'],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  esModuleInterop: true,
};

test('the fixtures and their fixed outputs compile', () => {
  const names = fs.readdirSync(FIXTURES).filter((name) => name.endsWith('.ts'));
  expect(names.length).toBeGreaterThanOrEqual(9);
  const files = new Map<string, string>();
  let fixed = 0;
  for (const name of names) {
    const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
    files.set(path.join(FIXTURES, name), text);
    const output = fixCdk(text, name).output;
    if (output === text) continue;
    fixed++;
    files.set(path.join(FIXTURES, `__fixed__${name}`), output);
  }
  // The fixtures that have a fix: flat-triad, named-imports, request-response, native-retry, parallel-without-output-path.
  expect(fixed).toBe(5);
  for (const name of Object.keys(VARIANTS)) {
    const output = fixCdk(variant(name), `${name}.ts`).output;
    files.set(path.join(FIXTURES, `__variant__${name}.ts`), output);
  }

  // A control: a misspelled prop must be the one problem found, proving the CDK types were loaded.
  const control = path.join(FIXTURES, '__control__.ts');
  files.set(control, ["import * as sfn from 'aws-cdk-lib/aws-stepfunctions';", "import type { Construct } from 'constructs';", "export const group = (scope: Construct) => new sfn.Parallel(scope, 'g', { outputPth: '$[0]' });", ''].join('\n'));

  // A project on the real file system, so `aws-cdk-lib` resolves from node_modules; ts-morph serves the lib files.
  const project = new Project({ compilerOptions: OPTIONS, skipAddingFilesFromTsConfig: true });
  for (const [file, text] of files) project.createSourceFile(file, text, { overwrite: true });
  const problems = ts.getPreEmitDiagnostics(project.getProgram().compilerObject).map((d) => {
    const where = d.file && d.start !== undefined ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(/^__control__\.ts:3 Object literal may only specify known properties, but 'outputPth' does not exist in type 'ParallelProps'\./);
}, 120_000);
