/** Applying edits (ESLint's SourceCodeFixer semantics) and the fix loop around it. */
import fs from 'node:fs';
import path from 'node:path';
import { applyFixes, mergeEdits } from '../../src/engine/apply-edits';
import { defineRule } from '../../src/engine/define-rule';
import { lintAndFix, MAX_FIX_PASSES } from '../../src/engine/fix-loop';
import { Linter } from '../../src/engine/linter';
import { summarise, type LintMessage } from '../../src/engine/types';
import { stringValue } from '../../src/model/ast';
import { rules } from '../../rules';
import { fixWith, lines, lintWith } from './fix-harness';

describe('mergeEdits', () => {
  const text = '0123456789';

  test('one report\'s edits become one edit, the text between them kept', () => {
    expect(mergeEdits(text, [{ range: [6, 7], text: 'x' }, { range: [2, 3], text: 'y' }])).toEqual({ range: [2, 7], text: 'y345x' });
  });

  test('two inserts at one offset keep their order', () => {
    expect(mergeEdits(text, [{ range: [4, 4], text: 'a' }, { range: [4, 4], text: 'b' }])).toEqual({ range: [4, 4], text: 'ab' });
  });

  test('overlapping edits or no change give no fix', () => {
    expect(mergeEdits(text, [{ range: [2, 5], text: 'x' }, { range: [4, 6], text: 'y' }])).toBeUndefined();
    expect(mergeEdits(text, [{ range: [2, 3], text: '2' }])).toBeUndefined();
    expect(mergeEdits(text, [])).toBeUndefined();
  });
});

describe('applyFixes', () => {
  const item = (start: number, end: number, replacement: string) => ({ id: `${start}-${end}-${replacement}`, fix: { range: [start, end] as const, text: replacement } });

  test('applies fixes in position order whatever the order of the reports', () => {
    const { output, applied, deferred } = applyFixes('abcdef', [item(4, 5, 'E'), item(0, 1, 'A')]);
    expect(output).toBe('AbcdEf');
    expect(applied.map((a) => a.id)).toEqual(['0-1-A', '4-5-E']);
    expect(deferred).toEqual([]);
  });

  test('a fix overlapping or touching an applied one waits for the next pass', () => {
    const { output, deferred } = applyFixes('abcdef', [item(1, 3, 'X'), item(2, 4, 'Y'), item(3, 3, 'Z'), item(5, 6, 'F')]);
    expect(output).toBe('aXdeF');
    expect(deferred.map((d) => d.id)).toEqual(['2-4-Y', '3-3-Z']);
  });

  test('items without a fix are ignored', () => {
    expect(applyFixes('abc', [{ fix: undefined }]).output).toBe('abc');
  });
});

/** A rule that sets the machine's `Comment` by `next(current)` while `until(current)` is false. */
function commentRule(next: (comment: string) => string, until: (comment: string) => boolean = () => false) {
  return defineRule({
    meta: {
      type: 'suggestion',
      docs: { description: 'Require a comment', recommended: false, defaultSeverity: 'error' },
      fixable: 'code',
      messages: { change: 'Change the comment.' },
      schema: [],
    },
    create(ctx) {
      return {
        StateMachine(machine) {
          const property = machine.root.node.properties.find((p) => p.key.value === 'Comment');
          const comment = stringValue(property?.value) ?? '';
          if (!property || until(comment)) return;
          ctx.report({ node: property.key, messageId: 'change', fix: (f) => f.set(property.value, next(comment)) });
        },
      };
    },
  });
}

function runRule(rule: ReturnType<typeof commentRule>, text: string) {
  const warnings: string[] = [];
  const config = { rules: new Map([['test/comment', { severity: 2 as const, options: [] }]]), settings: {} };
  const result = new Linter({ 'test/comment': rule }).lintAndFixText(text, '/cases/a.asl.yaml', config, { explicit: true }, { onWarning: (w) => warnings.push(w) });
  return { result: result!, warnings };
}

const MACHINE = lines('Comment: a', 'StartAt: A', 'States:', '  A: { Type: Succeed }');

describe('the fix loop', () => {
  test('fixes that enable each other take several passes', () => {
    const { result, warnings } = runRule(commentRule((c) => `${c}x`, (c) => c.length >= 4), MACHINE);
    expect(result.output).toBe(MACHINE.replace('Comment: a', 'Comment: axxx'));
    expect(result.messages).toEqual([]);
    expect(warnings).toEqual([]);
  });

  test(`stops after ${MAX_FIX_PASSES} passes and reports what is left`, () => {
    const { result } = runRule(commentRule((c) => `${c}x`), MACHINE);
    expect(result.output).toBe(MACHINE.replace('Comment: a', `Comment: a${'x'.repeat(MAX_FIX_PASSES)}`));
    expect(result.messages.map((m) => m.ruleId)).toEqual(['test/comment']);
  });

  test('a circular fix stops with a warning', () => {
    const { result, warnings } = runRule(commentRule((c) => (c === 'a' ? 'b' : 'a')), MACHINE);
    expect(warnings).toEqual(['Circular fixes detected while fixing /cases/a.asl.yaml. It is likely that you have conflicting rules in your configuration.']);
    expect(result.output).toBeUndefined();
    expect(result.messages).toHaveLength(1);
  });

  test('a fix whose output would not parse is dropped with a warning; the others are kept', () => {
    const text = lines('{"StartAt": "A",', ' "States": {"A": {"Type": "Succeed"}}}');
    const broken: LintMessage = { ruleId: 'test/broken', severity: 2, message: 'Broken.', line: 1, column: 2, fix: { range: [1, 1], text: '"x": ' } };
    const good: LintMessage = { ruleId: 'test/good', severity: 2, message: 'Good.', line: 2, column: 2, fix: { range: [text.indexOf('Succeed'), text.indexOf('Succeed') + 7], text: 'Pass' } };
    const warnings: string[] = [];
    let calls = 0;
    const result = lintAndFix(text, '/cases/a.asl.json', (source) => summarise(source.filePath, calls++ === 0 ? [broken, good] : [], { source: source.text }), {
      onWarning: (w) => warnings.push(w),
    });
    expect(result!.output).toBe(text.replace('Succeed', 'Pass'));
    expect(warnings).toEqual(['Skipped the fix of test/broken at /cases/a.asl.json:1:2: the fixed text would not parse or would repeat a state name.']);
  });

  test('a file that does not parse is linted, never fixed', () => {
    const text = lines('StartAt: A', 'States:', '  A: { Type: Task, Resource: arn:aws:states:::batch:submitJob', '  B: [');
    const run = fixWith(Object.keys(rules), text, 'a.asl.yaml');
    expect(run.output).toBe(text);
    expect(run.messages.map((m) => m.fatal)).toEqual([true]);
  });

  test('the messages and counts describe the fixed text', () => {
    const pre = '  P: { Type: Task, Resource: !GetAtt pre-batch.Arn, Next: B }';
    const text = lines('StartAt: P', 'States:', pre, '  B:', '    Type: Task', '    Resource: arn:aws:states:::batch:submitJob', '    ResultPath: $.job', '    End: true');
    const ids = ['batch/require-sync', 'batch/require-payload-urls', 'batch/no-result-override'];
    const before = lintWith(ids, text, 'a.asl.yaml');
    expect(before.filter((m) => m.fix).map((m) => m.ruleId)).toEqual(['batch/require-payload-urls', 'batch/require-payload-urls', 'batch/require-sync']);
    const config = { rules: new Map(ids.map((id) => [id, { severity: 2 as const, options: [] }])), settings: {} };
    const result = new Linter(rules).lintAndFixText(text, '/cases/a.asl.yaml', config, { explicit: true })!;
    expect(result.output).toBe(
      lines('StartAt: P', 'States:', pre, '  B:', '    Type: Task', '    Resource: arn:aws:states:::batch:submitJob.sync', '    Parameters:', '      Parameters:', '        url.$: $.url', '        url_out.$: $.url_out', '    ResultPath: $.job', '    End: true'),
    );
    expect(result.source).toBe(result.output);
    expect(result.messages.map((m) => [m.ruleId, m.line])).toEqual([['batch/no-result-override', 4]]);
    expect([result.errorCount, result.fixableErrorCount]).toEqual([1, 0]);
  });

  test('a suppressed problem is not fixed', () => {
    const text = lines('StartAt: B', 'States:', '  # wf-lint-disable-next-line batch/require-sync', '  B:', '    Type: Task', '    Resource: arn:aws:states:::batch:submitJob', '    End: true');
    expect(fixWith(['batch/require-sync'], text, 'a.asl.yaml').output).toBe(text);
  });
});

describe('fix on messages', () => {
  test('fixable counts are real: the serverless example has one fixable error and one fixable warning', () => {
    const file = path.resolve(__dirname, '../../examples/serverless/serverless.yml');
    const config = { rules: new Map([['batch/require-output-path', { severity: 2 as const, options: [] }], ['batch/require-group-retry', { severity: 1 as const, options: [] }]]), settings: {} };
    const result = new Linter(rules).lintText(fs.readFileSync(file, 'utf8'), file, config, { explicit: true })!;
    expect([result.errorCount, result.fixableErrorCount, result.warningCount, result.fixableWarningCount]).toEqual([1, 1, 1, 1]);
    // Same position: sorted by rule id, as ESLint does.
    expect(result.messages.map((m) => m.fix)).toEqual([
      { range: expect.any(Array), text: '            Retry:\n              - ErrorEquals: [States.ALL]\n                IntervalSeconds: 3\n                MaxAttempts: 2\n' },
      { range: expect.any(Array), text: '            OutputPath: $[0]\n' },
    ]);
  });

  test('a rule reporting a fix without meta.fixable is a bug in the rule', () => {
    const rule = commentRule((c) => `${c}x`);
    const unfixable = { ...rule, meta: { ...rule.meta, fixable: undefined } };
    const config = { rules: new Map([['test/comment', { severity: 2 as const, options: [] }]]), settings: {} };
    expect(() => new Linter({ 'test/comment': unfixable }).lintText(MACHINE, '/cases/a.asl.yaml', config, { explicit: true })).toThrow(/does not declare "meta.fixable"/);
  });
});
