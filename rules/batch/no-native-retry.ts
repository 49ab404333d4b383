/**
 * Guards against AWS Batch retrying a job by itself: a retried job reuses the payload URLs
 * without pre-batch and post-batch running again. Retries belong on the batch group.
 */
import { defineRule } from '../../src/engine/define-rule';
import { collectStrings, getValue, numberValue, stringValue, type AstNode } from '../../src/model/ast';
import type { TemplateInfo, TemplateResource } from '../../src/model/types';

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
      parametersRetry: 'Unexpected "RetryStrategy" in the "Parameters" of Batch task "{{name}}". Retry the batch group instead, so pre-batch and post-batch run again.',
      definitionRetry: 'Unexpected AWS Batch retries for Batch task "{{name}}": job definition "{{definition}}" sets "RetryStrategy.Attempts" to {{attempts}}. Retry the batch group instead.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Task(state) {
        if (!ctx.batch.isBatchTask(state)) return;
        const parameters = state.field('Parameters');
        const strategy = getValue(parameters, 'RetryStrategy');
        // `Attempts: 1` is AWS Batch's way of saying "no retries".
        if (strategy !== undefined && numberValue(getValue(strategy, 'Attempts')) !== 1) {
          ctx.report({ node: state.key, messageId: 'parametersRetry', data: { name: state.name } });
        }
        const definition = ctx.template && referencedResource(getValue(parameters, 'JobDefinition'), ctx.template);
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
 * `${Id}`, the logical id itself, or an ARN ending in the definition's name.
 */
function referencedResource(value: AstNode | undefined, template: TemplateInfo): TemplateResource | undefined {
  if (value === undefined) return undefined;
  const candidates = new Set<string>();
  for (const text of collectStrings(value)) {
    candidates.add(text);
    for (const m of text.matchAll(/[#$]\{([\w:]+)(?:\.[\w.]+)?\}/g)) candidates.add(m[1]);
    candidates.add(text.split('.')[0]);
    const arnName = /job-definition\/([^:/]+)(?::\d+)?$/.exec(text);
    if (arnName) candidates.add(arnName[1]);
  }
  for (const resource of template.resources.values()) {
    if (resource.type !== JOB_DEFINITION) continue;
    const name = stringValue(getValue(getValue(resource.node, 'Properties'), 'JobDefinitionName'));
    if (candidates.has(resource.logicalId) || (name !== undefined && candidates.has(name))) return resource;
  }
  return undefined;
}

function numberish(node: AstNode | undefined): number | undefined {
  const text = stringValue(node);
  return numberValue(node) ?? (text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined);
}
