/**
 * Guards against top-level fields AWS rejects: a field the state machine does not take (often
 * a typo) and values of the wrong shape. A missing `StartAt` or `States` never reaches the
 * rules: the file is then not a machine, and the linter reports the missing key. AWS:
 * https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html
 */
import { describeBounds, describeValue, isDeployTimeValue, isJsonataExpression, isStringValue, numberFits } from '../../src/asl/state-field-values';
import { duplicatesIn } from '../../src/asl/state-field-checks';
import { MACHINE_FIELDS } from '../../src/asl/state-fields';
import { machineQueryLanguage } from '../../src/asl/query-language';
import { closestName } from '../../src/asl/suggest';
import { defineRule } from '../../src/engine/define-rule';
import { getProperty, numberValue, type AstNode } from '../../src/model/ast';

// AWS: an execution runs for at most one year; 99999999 is the schema's bound.
const TIMEOUT = { integer: true, min: 0, max: 99999999 } as const;

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce the top-level fields AWS allows and requires in a state machine',
      recommended: true,
      defaultSeverity: 'error',
    },
    messages: {
      unexpectedField: 'Unexpected field "{{field}}" at the top level of the state machine.',
      unexpectedFieldSuggest: 'Unexpected field "{{field}}" at the top level of the state machine. Did you mean "{{suggestion}}"?',
      invalidValue: 'Expected "{{field}}" to be {{expected}} but got {{actual}}.',
      duplicateField: 'Duplicate field "{{field}}" at the top level of the state machine.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      StateMachine(machine) {
        const root = machine.root.node;
        for (const duplicate of duplicatesIn(root, 'the state machine')) ctx.report({ node: duplicate.node, messageId: 'duplicateField', data: { field: duplicate.field } });
        for (const property of root.properties) {
          const field = String(property.key.value);
          if (MACHINE_FIELDS.allowed.includes(field) || field === '<<') continue;
          // In source code a Map processor is often built apart (`state.ItemProcessor = {...}`)
          // and found as a definition of its own: its ProcessorConfig is no top-level typo.
          if (field === 'ProcessorConfig' && machine.host.syntax === 'ts') continue;
          const suggestion = closestName(field, MACHINE_FIELDS.allowed);
          if (suggestion) ctx.report({ node: property.key, messageId: 'unexpectedFieldSuggest', data: { field, suggestion } });
          else ctx.report({ node: property.key, messageId: 'unexpectedField', data: { field } });
        }
        const jsonata = machineQueryLanguage(machine) === 'JSONata';
        const invalid = (field: string, node: AstNode, expected: string) =>
          ctx.report({ node, messageId: 'invalidValue', data: { field, expected, actual: describeValue(node) } });
        for (const field of ['Comment', 'StartAt']) {
          const value = getProperty(root, field)?.value;
          if (value && !isStringValue(value)) invalid(field, value, 'a string');
        }
        // YAML reads `Version: 1.0` as a number; whether AWS takes that is not documented, so it passes.
        const version = getProperty(root, 'Version')?.value;
        if (version && !isStringValue(version) && numberValue(version) === undefined) invalid('Version', version, 'a string');
        const states = getProperty(root, 'States')?.value;
        if (states && states.kind !== 'object' && !isDeployTimeValue(states)) invalid('States', states, 'an object');
        const timeout = getProperty(root, 'TimeoutSeconds')?.value;
        if (timeout && !numberFits(timeout, TIMEOUT, jsonata && isJsonataExpression(timeout))) invalid('TimeoutSeconds', timeout, describeBounds(TIMEOUT));
      },
    };
  },
});
