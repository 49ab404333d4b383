/**
 * Turns whatever invoked pre-batch into one Cirrus payload (or a pointer to one):
 * a payload itself, `{url}`, or an SQS/SNS event carrying exactly one of those.
 */
import { PayloadError } from './payload-location';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJsonString(text: unknown, what: string): unknown {
  if (typeof text !== 'string') throw new PayloadError(`${what} is not a string`);
  try {
    return JSON.parse(text);
  } catch {
    throw new PayloadError(`${what} is not valid JSON`);
  }
}

/** An SNS notification delivered through SQS keeps its envelope: unwrap it too. */
function unwrapSnsEnvelope(v: unknown): unknown {
  if (isObject(v) && v.Type === 'Notification' && typeof v.Message === 'string') {
    return parseJsonString(v.Message, 'SNS Message');
  }
  return v;
}

/**
 * Returns the payload or `{url}` object inside `event`. Several records are refused: one Lambda
 * invocation prepares exactly one Batch job.
 */
export function unwrapEvent(event: unknown): Json {
  if (event === null || event === undefined || (isObject(event) && Object.keys(event).length === 0)) {
    throw new PayloadError('empty event: expected a Cirrus payload, {url}, or an SQS/SNS record carrying one');
  }
  if (!isObject(event)) throw new PayloadError(`event must be a JSON object, got ${Array.isArray(event) ? 'an array' : typeof event}`);
  let inner: unknown = event;
  if (Array.isArray(event.Records)) {
    const records = event.Records as unknown[];
    if (records.length !== 1) throw new PayloadError(`expected exactly one record, got ${records.length}`);
    const rec = records[0];
    if (isObject(rec) && isObject(rec.Sns)) {
      inner = parseJsonString(rec.Sns.Message, 'SNS record Message');
    } else if (isObject(rec) && 'body' in rec) {
      inner = unwrapSnsEnvelope(parseJsonString(rec.body, 'SQS record body'));
    } else {
      throw new PayloadError('record is neither an SQS message (body) nor an SNS notification (Sns.Message)');
    }
  }
  if (!isObject(inner) || Object.keys(inner).length === 0) {
    throw new PayloadError('empty payload: expected a Cirrus payload or {url}');
  }
  return inner;
}
