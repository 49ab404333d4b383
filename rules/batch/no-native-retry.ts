/**
 * Guards against AWS Batch retrying a job by itself: a retried job reuses the payload URLs
 * without pre-batch and post-batch running again. Retries belong on the batch group.
 */
import { migrateRetryStrategy } from '../../fixes/migrate-retry-strategy';
import { defineRule } from '../../src/engine/define-rule';
import { collectStrings, getValue, numberValue, stringValue, type AstNode } from '../../src/model/ast';
import type { StateMachine, TemplateInfo, TemplateResource } from '../../src/model/types';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow AWS Batch native retries ("RetryStrategy") for Batch tasks',
      recommended: true,
      defaultSeverity: 'error',
    },
    fixable: 'code',
    messages: {
      parametersRetry:
        'Unexpected "RetryStrategy" in the "{{field}}" of Batch task "{{name}}". Retry the batch group instead, so pre-batch and post-batch run again.',
      definitionRetry:
        'Unexpected AWS Batch retries for Batch task "{{name}}": job definition "{{definition}}" sets "RetryStrategy.Attempts" to {{attempts}}. Retry the batch group instead.',
    },
    schema: [],
  },
  create(ctx) {
    // `${Name}` in a definition may be a `DefinitionSubstitutions` key or an `Fn::Sub` variable.
    const substitutions = ctx.machine.host.substitutions ?? new Map<string, AstNode>();
    return {
      Task(state) {
        if (!ctx.batch.isBatchTask(state)) return;
        // JSONPath tasks pass the SubmitJob request in `Parameters`, JSONata tasks in `Arguments`.
        const field = state.field('Arguments') !== undefined && state.field('Parameters') === undefined ? 'Arguments' : 'Parameters';
        const request = state.field(field);
        const strategy = getValue(request, 'RetryStrategy');
        // `Attempts: 1` is AWS Batch's way of saying "no retries".
        if (strategy !== undefined && numberish(getValue(strategy, 'Attempts')) !== 1) {
          // Fixed in the Parameters case only: a job definition is another resource.
          ctx.report({ node: state.key, messageId: 'parametersRetry', data: { field, name: state.name }, fix: migrateRetryStrategy(state, ctx.batch) });
        }
        const definition = ctx.template && referencedResource(getValue(request, 'JobDefinition'), ctx.template, substitutions);
        const attempts = numberish(getValue(getValue(getValue(definition?.node, 'Properties'), 'RetryStrategy'), 'Attempts'));
        if (definition && attempts !== undefined && attempts > 1) {
          ctx.report({
            node: state.key,
            messageId: 'definitionRetry',
            data: { name: state.name, definition: definition.logicalId, attempts },
          });
        }
      },
    };
  },
});

const JOB_DEFINITION = 'AWS::Batch::JobDefinition';

/**
 * The job definition resource a `JobDefinition` value refers to: `Ref`, `GetAtt`, `#{Id}`,
 * `${Id}` (also through a substitution), the logical id or name (with or without a revision),
 * or an ARN ending in the definition's name.
 */
function referencedResource(
  value: AstNode | undefined,
  template: TemplateInfo,
  substitutions: ReadonlyMap<string, AstNode>,
): TemplateResource | undefined {
  if (value === undefined) return undefined;
  const candidates = new Set<string>();
  const addCandidates = (node: AstNode, followSubstitutions: boolean) => {
    for (const text of collectStrings(node)) {
      candidates.add(text);
      candidates.add(text.split('.')[0]);
      candidates.add(text.replace(/:\d+$/, ''));
      for (const m of text.matchAll(/[#$]\{([\w:]+)(?:\.[\w.]+)?\}/g)) {
        candidates.add(m[1]);
        const substituted = substitutions.get(m[1]);
        if (followSubstitutions && substituted) addCandidates(substituted, false);
      }
      const arnName = /job-definition\/([^:/]+)(?::\d+)?$/.exec(text);
      if (arnName) candidates.add(arnName[1]);
    }
  };
  addCandidates(value, true);
  for (const resource of template.resources.values()) {
    if (resource.type !== JOB_DEFINITION) continue;
    const name = stringValue(getValue(getValue(resource.node, 'Properties'), 'JobDefinitionName'));
    if (candidates.has(resource.logicalId) || (name !== undefined && candidates.has(name))) return resource;
  }
  return undefined;
}

/** A number, or a string of digits (CloudFormation accepts both). */
function numberish(node: AstNode | undefined): number | undefined {
  const text = stringValue(node);
  return numberValue(node) ?? (text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined);
}
