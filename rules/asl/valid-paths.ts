/**
 * Guards against paths and intrinsic functions AWS rejects when the machine is created: each
 * value is checked in its own context (path, reference path, result path, payload template),
 * and reported at the value. JSONata states have no paths: their fields are not looked at.
 */
import { looksLikeIntrinsic } from '../../src/asl/intrinsics';
import { checkPath, type PathContext } from '../../src/asl/paths';
import { checkPayloadTemplate } from '../../src/asl/paths-payload-template';
import { isTemplated } from '../../src/asl/paths-placeholders';
import { queryLanguageOf } from '../../src/asl/query-language';
import { jsonataExpression } from '../../src/asl/jsonata';
import type { RuleContext } from '../../src/engine/define-rule';
import { defineRule } from '../../src/engine/define-rule';
import { getValue, type AstNode, type ObjectNode } from '../../src/model/ast';
import type { State } from '../../src/model/types';

type MessageIds = 'invalidPath' | 'invalidTemplate' | 'notString' | 'jsonataInJsonPath' | 'duplicateField';
type Context = RuleContext<MessageIds, []>;

/** Top-level fields holding a path, with the context AWS parses them in. */
const STATE_PATHS: readonly (readonly [string, PathContext])[] = Object.entries({
  InputPath: 'path',
  OutputPath: 'path',
  ResultPath: 'result-path',
  ItemsPath: 'reference-path',
  SecondsPath: 'reference-path',
  TimestampPath: 'reference-path',
  HeartbeatSecondsPath: 'reference-path',
  TimeoutSecondsPath: 'reference-path',
  MaxConcurrencyPath: 'reference-path',
  ToleratedFailureCountPath: 'reference-path',
  ToleratedFailurePercentagePath: 'reference-path',
} satisfies Record<string, PathContext>);

/** Paths one level down, in the distributed Map's objects: the parent, the keys below it, the label. */
const NESTED_PATHS: readonly (readonly [string, readonly string[], string, PathContext])[] = (
  [
    ['ItemReader', 'ReaderConfig.MaxItemsPath', 'reference-path'],
    ['ItemBatcher', 'MaxItemsPerBatchPath', 'reference-path'],
    ['ItemBatcher', 'MaxInputBytesPerBatchPath', 'reference-path'],
  ] as const
).map(([parent, field, context]) => [parent, field.split('.'), `${parent}.${field}`, context]);

/** Fields whose values are payload-template values themselves (strings only). */
const TEMPLATE_VALUE_FIELDS = ['ErrorPath', 'CausePath'] as const;

/** Fields whose `"x.$"` keys hold payload templates. */
const TEMPLATE_FIELDS = ['Parameters', 'ResultSelector', 'ItemSelector', 'Assign', 'Credentials'] as const;

/** Payload templates one level down, in the distributed Map's objects: the parent, the field, the label. */
const NESTED_TEMPLATES: readonly (readonly [string, string, string])[] = (
  [
    ['ItemReader', 'Parameters'],
    ['ItemBatcher', 'BatchInput'],
    ['ResultWriter', 'Parameters'],
  ] as const
).map(([parent, field]) => [parent, field, `${parent}.${field}`]);

/** The words used in messages for each kind of value. */
const KIND: Readonly<Record<PathContext, string>> = { path: 'path', 'reference-path': 'reference path', 'result-path': 'result path' };

const CHOICE_COMBINATORS = new Set(['And', 'Or']);

const INTRINSIC_OUT_OF_PLACE = 'Intrinsic functions are only evaluated in payload templates (keys ending in ".$"), "ErrorPath" and "CausePath"';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require valid JSONPath paths, reference paths and intrinsic functions in JSONPath states',
      recommended: true,
      defaultSeverity: 'error',
    },
    messages: {
      invalidPath: 'Invalid {{kind}} {{value}} in "{{field}}": {{problem}}.',
      invalidTemplate: 'Invalid path or intrinsic function {{value}} in "{{field}}": {{problem}}.',
      notString: 'Expected "{{field}}" to hold a path or an intrinsic function as a string, found {{type}}.',
      duplicateField: 'Unexpected "{{key}}" in "{{field}}": "{{other}}" already sets field "{{name}}".',
      jsonataInJsonPath: 'Unexpected JSONata expression in "{{field}}": state "{{name}}" uses JSONPath. Set "QueryLanguage": "JSONata" on the state or the machine to use JSONata.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      State(state) {
        if (queryLanguageOf(state) === 'JSONata') return;
        for (const [field, context] of STATE_PATHS) checkPathValue(ctx, state, field, state.field(field), context);
        for (const [parent, keys, label, context] of NESTED_PATHS) checkPathValue(ctx, state, label, valueAt(state.field(parent), keys), context);
        for (const field of TEMPLATE_VALUE_FIELDS) checkTemplateValue(ctx, state, field, state.field(field), true);
        for (const field of TEMPLATE_FIELDS) checkTemplates(ctx, state, field, state.field(field));
        for (const [parent, field, label] of NESTED_TEMPLATES) checkTemplates(ctx, state, label, getValue(state.field(parent), field));
        checkCatchers(ctx, state);
        if (state.type === 'Choice') checkChoices(ctx, state);
      },
    };
  },
});

function valueAt(node: AstNode | undefined, keys: readonly string[]): AstNode | undefined {
  let current = node;
  for (const key of keys) current = getValue(current, key);
  return current;
}

/** A path field: `null` is allowed (it discards input or output), other non-strings are asl-fields' concern. */
function checkPathValue(ctx: Context, state: State, field: string, node: AstNode | undefined, context: PathContext): void {
  if (node?.kind !== 'scalar' || typeof node.value !== 'string' || isTemplated(node)) return;
  if (reportJsonata(ctx, state, field, node, node.value)) return;
  // Trailing blanks are trimmed by AWS's JSONPath compiler, as in payload templates.
  const problem = looksLikeIntrinsic(node.value) ? { message: INTRINSIC_OUT_OF_PLACE } : checkPath(node.value.trimEnd(), context);
  if (problem) ctx.report({ node, messageId: 'invalidPath', data: { kind: KIND[context], value: JSON.stringify(node.value), field, problem: problem.message } });
}

/** A payload-template value (`"x.$"`, `ErrorPath`, `CausePath`). */
function checkTemplateValue(ctx: Context, state: State, field: string, node: AstNode | undefined, stringOnly = false): void {
  if (node === undefined || isTemplated(node)) return;
  if (node.kind !== 'scalar' || typeof node.value !== 'string') {
    // The ASL spec: a "x.$" value "must be a Path" (or an intrinsic call), so null is not one either.
    // ErrorPath/CausePath value types are asl/valid-state-fields' concern.
    if (!field.endsWith('.$')) return;
    const type = node.kind !== 'scalar' ? `an ${node.kind}` : node.value === null ? 'null' : typeof node.value;
    ctx.report({ node, messageId: 'notString', data: { field, type } });
    return;
  }
  if (reportJsonata(ctx, state, field, node, node.value)) return;
  const problem = checkPayloadTemplate(node.value, { pathContext: stringOnly ? 'reference-path' : 'path', stringOnly });
  if (problem) ctx.report({ node, messageId: 'invalidTemplate', data: { value: JSON.stringify(node.value), field, problem: problem.message } });
}

function reportJsonata(ctx: Context, state: State, field: string, node: AstNode, text: string): boolean {
  if (jsonataExpression(text) === undefined) return false;
  ctx.report({ node, messageId: 'jsonataInJsonPath', data: { field, name: state.name } });
  return true;
}

/** Every `"x.$"` key under a payload template, at any depth (objects inside arrays included). */
function checkTemplates(ctx: Context, state: State, field: string, node: AstNode | undefined): void {
  if (node === undefined || isTemplated(node)) return;
  if (node.kind === 'array') node.items.forEach((item, i) => checkTemplates(ctx, state, `${field}[${i}]`, item));
  if (node.kind !== 'object') return;
  // "a" and "a.$" both set field "a": AWS rejects the template.
  const seen = new Map<string, string>();
  for (const p of node.properties) {
    const key = String(p.key.value);
    const name = key.endsWith('.$') ? key.slice(0, -2) : key;
    const other = seen.get(name);
    if (other !== undefined && other !== key) ctx.report({ node: p.key, messageId: 'duplicateField', data: { key, field, other, name } });
    seen.set(name, key);
    if (key.endsWith('.$')) checkTemplateValue(ctx, state, `${field}.${key}`, p.value);
    else checkTemplates(ctx, state, `${field}.${key}`, p.value);
  }
}

function checkCatchers(ctx: Context, state: State): void {
  const catchers = state.field('Catch');
  if (catchers?.kind !== 'array') return;
  catchers.items.forEach((catcher, i) => {
    checkPathValue(ctx, state, `Catch[${i}].ResultPath`, getValue(catcher, 'ResultPath'), 'result-path');
    checkTemplates(ctx, state, `Catch[${i}].Assign`, getValue(catcher, 'Assign'));
  });
}

function checkChoices(ctx: Context, state: State): void {
  const choices = state.field('Choices');
  if (choices?.kind !== 'array') return;
  choices.items.forEach((rule, i) => {
    checkTemplates(ctx, state, `Choices[${i}].Assign`, getValue(rule, 'Assign'));
    checkChoiceRule(ctx, state, rule, `Choices[${i}]`);
  });
}

/** `Variable` and every `*Path` operand, through `And`/`Or`/`Not`. */
function checkChoiceRule(ctx: Context, state: State, rule: AstNode | undefined, where: string): void {
  if (rule?.kind !== 'object') return;
  for (const p of (rule as ObjectNode).properties) {
    const key = String(p.key.value);
    if (key === 'Variable' || (key.endsWith('Path') && key !== 'ResultPath')) checkPathValue(ctx, state, `${where}.${key}`, p.value, 'path');
    else if (CHOICE_COMBINATORS.has(key) && p.value.kind === 'array') p.value.items.forEach((sub, i) => checkChoiceRule(ctx, state, sub, `${where}.${key}[${i}]`));
    else if (key === 'Not') checkChoiceRule(ctx, state, p.value, `${where}.Not`);
  }
}
