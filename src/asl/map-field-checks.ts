/**
 * The inner fields of a Map state: its processor (`ItemProcessor` or legacy `Iterator`) and
 * `ProcessorConfig`, and the distributed-mode `ItemReader`, `ItemBatcher` and `ResultWriter`.
 * AWS: https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html and its pages on
 * ItemProcessor, ItemReader, ItemBatcher and ResultWriter. Whether an inline Map may carry the
 * distributed fields is not checked: AWS's documents do not say it rejects them.
 */
import { getProperty, getValue, stringValue, type AstNode, type ObjectNode } from '../model/ast';
import type { State } from '../model/types';
import { declaredLanguage } from './declared-language';
import { checkScopeObject, exclusiveIn, missingIn, numberFinding, type Finding } from './state-field-checks';
import { describeValue, isDeployTimeValue } from './state-field-values';

const MODES = ['INLINE', 'DISTRIBUTED'];
const COUNT = { integer: true, min: 0 } as const;
const POSITIVE = { integer: true, min: 1 } as const;
const EXECUTION_TYPES = ['STANDARD', 'EXPRESS'];

/** Findings about a Map state's processor and distributed-mode fields. */
export function checkMapFields(state: State): Finding[] {
  if (state.type !== 'Map') return [];
  const jsonata = declaredLanguage(state) !== 'JSONPath';
  const out: Finding[] = [];
  if (!state.fieldProperty('ItemProcessor') && !state.fieldProperty('Iterator')) {
    out.push({ kind: 'missing', node: state.key, field: 'ItemProcessor', where: `Map state "${state.name}"` });
  }
  const processorName = state.fieldProperty('ItemProcessor') ? 'ItemProcessor' : 'Iterator';
  const processor = objectField(state, processorName);
  if (processor) {
    out.push(...checkScopeObject(processor, `the "${processorName}" of Map state "${state.name}"`, state.fieldProperty(processorName)!.key, true));
    out.push(...checkProcessorConfig(processor, state));
  }
  const reader = objectField(state, 'ItemReader');
  if (reader) {
    out.push(...missingIn(reader, ['Resource'], `the "ItemReader" of Map state "${state.name}"`, state.fieldProperty('ItemReader')?.key));
    const config = getValue(reader, 'ReaderConfig');
    if (config?.kind === 'object') out.push(...exclusiveIn(config, [['MaxItems', 'MaxItemsPath']]), ...numberFinding(config, 'MaxItems', COUNT, jsonata));
  }
  const batcher = objectField(state, 'ItemBatcher');
  if (batcher) {
    out.push(...exclusiveIn(batcher, [['MaxItemsPerBatch', 'MaxItemsPerBatchPath'], ['MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath']]));
    out.push(...numberFinding(batcher, 'MaxItemsPerBatch', POSITIVE, jsonata), ...numberFinding(batcher, 'MaxInputBytesPerBatch', POSITIVE, jsonata));
  }
  const writerConfig = getProperty(objectField(state, 'ResultWriter'), 'WriterConfig');
  if (writerConfig?.value.kind === 'object') {
    out.push(...missingIn(writerConfig.value, ['OutputType'], `the "WriterConfig" of Map state "${state.name}"`, writerConfig.key));
  }
  return out;
}

function checkProcessorConfig(processor: ObjectNode, state: State): Finding[] {
  const property = getProperty(processor, 'ProcessorConfig');
  const config = property?.value;
  if (property === undefined || config === undefined || isDeployTimeValue(config)) return [];
  if (config.kind !== 'object') return [{ kind: 'value', node: config, field: 'ProcessorConfig', expected: 'an object', actual: describeValue(config) }];
  const out: Finding[] = [];
  const mode = checkEnum(config, 'Mode', MODES, out);
  checkEnum(config, 'ExecutionType', EXECUTION_TYPES, out);
  // AWS: "ExecutionType" is required when "Mode" is DISTRIBUTED.
  if (mode === 'DISTRIBUTED' && !getProperty(config, 'ExecutionType')) {
    out.push(...missingIn(config, ['ExecutionType'], `the distributed "ProcessorConfig" of Map state "${state.name}"`, property.key));
  }
  return out;
}

/** The value of `field` when it is one of `allowed`; pushes a finding when it is not. */
function checkEnum(node: ObjectNode, field: string, allowed: readonly string[], out: Finding[]): string | undefined {
  const value = getValue(node, field);
  if (value === undefined || isDeployTimeValue(value)) return undefined;
  const text = stringValue(value);
  if (text !== undefined && allowed.includes(text)) return text;
  out.push({ kind: 'value', node: value, field, expected: allowed.map((a) => `"${a}"`).join(' or '), actual: describeValue(value) });
  return undefined;
}

function objectField(state: State, field: string): ObjectNode | undefined {
  const value: AstNode | undefined = state.field(field);
  return value?.kind === 'object' && !isDeployTimeValue(value) ? value : undefined;
}
