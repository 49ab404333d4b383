/**
 * Guards against Choice rules AWS rejects: a rule compares `Variable` with exactly one operator
 * whose operand has the right type, or combines rules with one `And`/`Or`/`Not`; only
 * top-level rules transition. In JSONata states a rule is a `Condition` instead.
 * Whether `Next`/`Default` name a state is checked by asl/valid-transition-target.
 */
import { isTemplated } from '../../src/asl/paths-placeholders';
import { queryLanguageOf } from '../../src/asl/query-language';
import { isAslTimestamp } from '../../src/asl/timestamp';
import type { RuleContext } from '../../src/engine/define-rule';
import { defineRule } from '../../src/engine/define-rule';
import type { AstNode, ObjectNode } from '../../src/model/ast';
import type { State } from '../../src/model/types';

type MessageIds =
  | 'emptyChoices'
  | 'notRule'
  | 'missingNext'
  | 'nestedNext'
  | 'noOperator'
  | 'extraOperator'
  | 'missingVariable'
  | 'unexpectedVariable'
  | 'operandType'
  | 'emptyCombination'
  | 'unknownField'
  | 'jsonataOnly'
  | 'jsonPathOnly'
  | 'missingCondition';
type Context = RuleContext<MessageIds, []>;

type Operand = 'string' | 'number' | 'boolean' | 'timestamp' | 'path';

const COMPARISONS = ['Equals', 'GreaterThan', 'GreaterThanEquals', 'LessThan', 'LessThanEquals'];

function family(prefix: string, operand: Operand): [string, Operand][] {
  return COMPARISONS.flatMap((c): [string, Operand][] => [
    [`${prefix}${c}`, operand],
    [`${prefix}${c}Path`, 'path'],
  ]);
}

/**
 * Every comparison operator, with its operand type
 * (https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html#amazon-states-language-choice-state-rules).
 */
const CHOICE_OPERATORS: ReadonlyMap<string, Operand> = new Map<string, Operand>([
  ...family('String', 'string'),
  ['StringMatches', 'string'],
  ...family('Numeric', 'number'),
  ...family('Timestamp', 'timestamp'),
  ['BooleanEquals', 'boolean'],
  ['BooleanEqualsPath', 'path'],
  ['IsNull', 'boolean'],
  ['IsPresent', 'boolean'],
  ['IsNumeric', 'boolean'],
  ['IsString', 'boolean'],
  ['IsBoolean', 'boolean'],
  ['IsTimestamp', 'boolean'],
]);

/** The rules that combine other rules instead of comparing `Variable`. */
const CHOICE_COMBINATORS = new Set(['And', 'Or', 'Not']);

/** Fields a JSONPath rule may hold besides its operator. */
const JSONPATH_RULE_FIELDS = new Set(['Variable', 'Next', 'Comment', 'Assign']);
/** Fields of a JSONata rule. */
const JSONATA_RULE_FIELDS = new Set(['Condition', 'Next', 'Comment', 'Assign', 'Output']);

const OPERAND_WORDS: Readonly<Record<Operand, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  timestamp: 'an RFC 3339 timestamp such as "2024-01-31T12:00:00Z"',
  path: 'a path string',
};

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Choice rules to have one operator, a "Variable" and operands of the right type',
      recommended: true,
      defaultSeverity: 'error',
    },
    messages: {
      emptyChoices: 'Expected "Choices" of "{{name}}" to hold at least one Choice rule.',
      notRule: 'Expected a Choice rule object at "{{where}}" of "{{name}}", found {{type}}.',
      missingNext: 'Expected Choice rule "{{where}}" of "{{name}}" to have "Next".',
      nestedNext: 'Unexpected "Next" in nested Choice rule "{{where}}" of "{{name}}": only top-level rules transition.',
      noOperator: 'Expected Choice rule "{{where}}" of "{{name}}" to have a comparison operator, "And", "Or" or "Not".',
      extraOperator: 'Unexpected "{{key}}" in Choice rule "{{where}}" of "{{name}}": it already has "{{first}}", and a rule takes exactly one operator.',
      missingVariable: 'Expected Choice rule "{{where}}" of "{{name}}" to have "Variable" to compare with "{{operator}}".',
      unexpectedVariable: 'Unexpected "Variable" in Choice rule "{{where}}" of "{{name}}": "{{operator}}" combines other rules.',
      operandType: 'Expected "{{operator}}" in "{{where}}" of "{{name}}" to be {{expected}}, found {{actual}}.',
      emptyCombination: 'Expected "{{operator}}" in "{{where}}" of "{{name}}" to be {{expected}}.',
      unknownField: 'Unexpected field "{{key}}" in Choice rule "{{where}}" of "{{name}}".',
      jsonataOnly: 'Unexpected "{{key}}" in Choice rule "{{where}}": state "{{name}}" uses JSONPath, and "{{key}}" is for JSONata rules.',
      jsonPathOnly: 'Unexpected "{{key}}" in Choice rule "{{where}}": state "{{name}}" uses JSONata, where a rule tests a "Condition".',
      missingCondition: 'Expected Choice rule "{{where}}" of "{{name}}" to have "Condition".',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Choice(state) {
        const choices = state.field('Choices');
        // Presence and type of "Choices" are asl/valid-state-fields' concern.
        if (choices?.kind !== 'array' || isTemplated(choices)) return;
        if (choices.items.length === 0) {
          ctx.report({ node: choices, messageId: 'emptyChoices', data: { name: state.name } });
          return;
        }
        const jsonata = queryLanguageOf(state) === 'JSONata';
        choices.items.forEach((rule, i) => {
          const where = `Choices[${i}]`;
          const object = asRule(ctx, state, rule, where);
          if (!object) return;
          if (!object.properties.some((p) => p.key.value === 'Next')) ctx.report({ node: object, messageId: 'missingNext', data: { where, name: state.name } });
          if (jsonata) checkJsonataRule(ctx, state, object, where);
          else checkRule(ctx, state, object, where, true);
        });
      },
    };
  },
});

function describeType(node: AstNode): string {
  if (node.kind !== 'scalar') return `an ${node.kind}`;
  return node.value === null ? 'null' : `${typeof node.value} ${JSON.stringify(node.value)}`;
}

/** `node` as a rule object, or a report and undefined. */
function asRule(ctx: Context, state: State, node: AstNode, where: string): ObjectNode | undefined {
  if (isTemplated(node)) return undefined;
  // A YAML merge key (`<<: *rule`) is not expanded by the model: the rule's fields are unknown.
  if (node.kind === 'object') return node.properties.some((p) => p.key.value === '<<') ? undefined : node;
  ctx.report({ node, messageId: 'notRule', data: { where, name: state.name, type: describeType(node) } });
  return undefined;
}

function checkJsonataRule(ctx: Context, state: State, rule: ObjectNode, where: string): void {
  const data = { where, name: state.name };
  for (const p of rule.properties) {
    const key = String(p.key.value);
    if (JSONATA_RULE_FIELDS.has(key)) continue;
    const jsonPathField = key === 'Variable' || CHOICE_OPERATORS.has(key) || CHOICE_COMBINATORS.has(key);
    ctx.report({ node: p.key, messageId: jsonPathField ? 'jsonPathOnly' : 'unknownField', data: { ...data, key } });
  }
  if (!rule.properties.some((p) => p.key.value === 'Condition')) ctx.report({ node: rule, messageId: 'missingCondition', data });
}

function checkRule(ctx: Context, state: State, rule: ObjectNode, where: string, top: boolean): void {
  const data = { where, name: state.name };
  const operators = rule.properties.filter((p) => CHOICE_OPERATORS.has(String(p.key.value)) || CHOICE_COMBINATORS.has(String(p.key.value)));
  for (const p of rule.properties) {
    const key = String(p.key.value);
    if (key === 'Next' && !top) ctx.report({ node: p.key, messageId: 'nestedNext', data });
    else if (key === 'Assign' && !top) ctx.report({ node: p.key, messageId: 'unknownField', data: { ...data, key } });
    else if (key === 'Condition' || key === 'Output') ctx.report({ node: p.key, messageId: 'jsonataOnly', data: { ...data, key } });
    else if (!JSONPATH_RULE_FIELDS.has(key) && !operators.includes(p)) ctx.report({ node: p.key, messageId: 'unknownField', data: { ...data, key } });
  }
  const [first, ...extra] = operators;
  for (const p of extra) ctx.report({ node: p.key, messageId: 'extraOperator', data: { ...data, key: String(p.key.value), first: String(first!.key.value) } });
  if (!first) {
    ctx.report({ node: rule, messageId: 'noOperator', data });
    return;
  }
  const operator = String(first.key.value);
  const variable = rule.properties.find((p) => p.key.value === 'Variable');
  if (CHOICE_COMBINATORS.has(operator)) {
    if (variable) ctx.report({ node: variable.key, messageId: 'unexpectedVariable', data: { ...data, operator } });
    checkCombination(ctx, state, operator, first.value, where);
    return;
  }
  if (!variable) ctx.report({ node: rule, messageId: 'missingVariable', data: { ...data, operator } });
  checkOperand(ctx, state, operator, first.value, where);
}

function checkCombination(ctx: Context, state: State, operator: string, value: AstNode, where: string): void {
  if (isTemplated(value)) return;
  if (operator === 'Not') {
    const rule = value.kind === 'object' ? value : undefined;
    if (rule) checkRule(ctx, state, rule, `${where}.Not`, false);
    else ctx.report({ node: value, messageId: 'emptyCombination', data: { operator, where, name: state.name, expected: 'one Choice rule object' } });
    return;
  }
  if (value.kind !== 'array' || value.items.length === 0) {
    ctx.report({ node: value, messageId: 'emptyCombination', data: { operator, where, name: state.name, expected: 'a non-empty array of Choice rules' } });
    return;
  }
  value.items.forEach((item, i) => {
    const rule = asRule(ctx, state, item, `${where}.${operator}[${i}]`);
    if (rule) checkRule(ctx, state, rule, `${where}.${operator}[${i}]`, false);
  });
}

function checkOperand(ctx: Context, state: State, operator: string, value: AstNode, where: string): void {
  if (isTemplated(value)) return;
  const expected = CHOICE_OPERATORS.get(operator)!;
  if (operandFits(value, expected)) return;
  ctx.report({ node: value, messageId: 'operandType', data: { operator, where, name: state.name, expected: OPERAND_WORDS[expected], actual: describeType(value) } });
}

function operandFits(node: AstNode, expected: Operand): boolean {
  if (node.kind !== 'scalar') return false;
  switch (expected) {
    case 'number':
      return typeof node.value === 'number';
    case 'boolean':
      return typeof node.value === 'boolean';
    case 'timestamp':
      return typeof node.value === 'string' && isAslTimestamp(node.value);
    default:
      return typeof node.value === 'string';
  }
}
