/**
 * Guards against a Batch job that cannot find its payload: the job reads the input from `url`
 * and must write its output to `url_out`, where post-batch looks for it.
 */
import { addPayloadUrl } from '../../fixes/add-payload-urls';
import { defineRule } from '../../src/engine/define-rule';
import { getProperty, getValue, stringValue } from '../../src/model/ast';
import { queryLanguage } from '../../src/model/describe';
import { isPath } from '../../src/model/paths';

const URLS = [
  { key: 'url', path: '$.url' },
  { key: 'url_out', path: '$.url_out' },
] as const;

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Batch jobs to receive the payload locations "url" and "url_out"',
      recommended: true,
      defaultSeverity: 'error',
    },
    fixable: 'code',
    messages: {
      missingUrl: 'Missing "{{key}}.$": "{{path}}" in the job "Parameters" of Batch task "{{name}}".',
      missingUrlJsonata: 'Missing "{{key}}" in the job "Parameters" of the "Arguments" of Batch task "{{name}}".',
      wrongUrl: 'Expected job parameter "{{key}}.$" of Batch task "{{name}}" to be "{{path}}" but got "{{value}}".',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Task(state) {
        if (!ctx.batch.isBatchTask(state)) return;
        const jsonata = queryLanguage(state) === 'JSONata';
        const request = state.field(jsonata ? 'Arguments' : 'Parameters');
        const job = getValue(request, 'Parameters');
        // Job parameters built at run time (`Parameters.$`, or a JSONata expression) are unknown, so not judged.
        if (getValue(request, 'Parameters.$') !== undefined) return;
        if (jsonata && (stringValue(request) !== undefined || stringValue(job) !== undefined)) return;
        for (const { key, path } of URLS) {
          if (jsonata) {
            if (getProperty(job, key) === undefined) ctx.report({ node: state.key, messageId: 'missingUrlJsonata', data: { key, name: state.name } });
            continue;
          }
          const value = getValue(job, `${key}.$`);
          if (value === undefined) {
            ctx.report({ node: state.key, messageId: 'missingUrl', data: { key, path, name: state.name }, fix: addPayloadUrl(state, key, ctx.batch) });
          } else if (!isPath(stringValue(value), path)) {
            ctx.report({ node: state.key, messageId: 'wrongUrl', data: { key, path, name: state.name, value: value.kind === 'scalar' ? String(value.value) : `(${value.kind})` }, fix: addPayloadUrl(state, key, ctx.batch) });
          }
        }
      },
    };
  },
});
