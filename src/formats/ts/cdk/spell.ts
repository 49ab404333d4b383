/**
 * Fix values spelled as CDK TypeScript: plain data as literals, and the ASL retrier/catcher
 * objects the batch fixes add as `addRetry`/`addCatch` props (`IntervalSeconds: 3` →
 * `interval: Duration.seconds(3)`), with the module names this file imports.
 */
import { isIntrinsic, type FixValue } from '../../../engine/fix-ops';
import { CannotRender, type TextEdit } from '../../text-edit';
import type { CdkImports, CdkModule } from './imports';

/** `value` as a TypeScript literal, strings in `quote`. */
export function literal(value: FixValue, quote: string = "'"): string {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return quoted(value, quote);
  if (Array.isArray(value)) return `[${value.map((item: FixValue) => literal(item, quote)).join(', ')}]`;
  if (isIntrinsic(value)) throw new CannotRender('A CloudFormation intrinsic has no CDK spelling here.');
  const entries = Object.entries(value as { readonly [key: string]: FixValue });
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : quoted(k, quote)}: ${literal(v, quote)}`).join(', ')} }`;
}

export function quoted(text: string, quote: string): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').split(quote).join(`\\${quote}`);
  return `${quote}${escaped}${quote}`;
}

/** ASL retrier / catcher fields → CDK `RetryProps` / `CatchProps` names. */
const PROP_NAMES: Readonly<Record<string, string>> = {
  ErrorEquals: 'errors',
  IntervalSeconds: 'interval',
  MaxAttempts: 'maxAttempts',
  BackoffRate: 'backoffRate',
  MaxDelaySeconds: 'maxDelay',
  JitterStrategy: 'jitterStrategy',
  ResultPath: 'resultPath',
};

/** Props CDK takes as a `Duration`. */
export const DURATION_PROPS = new Set(['interval', 'maxDelay']);

export class CdkSpeller {
  /** Names the spelled code needs added to a named import, as edits (see `importEdits`). */
  private readonly added = new Map<string, TextEdit>();

  constructor(
    private readonly imports: CdkImports,
    readonly quote: string,
  ) {}

  /** How the file names a Step Functions export (`sfn.Parallel`), adding it to a named import when needed. */
  sfn(name: string): string {
    return this.spell('sfn', name);
  }

  /** `Duration.seconds(n)` as the file can write it. */
  seconds(value: FixValue): string {
    if (typeof value !== 'number') throw new CannotRender('A duration must be a number of seconds.');
    return `${this.spell('core', 'Duration')}.seconds(${value})`;
  }

  /** The edits adding the names the spelled code uses to the file's imports. */
  importEdits(): TextEdit[] {
    return [...this.added.values()];
  }

  private spell(module: CdkModule, name: string): string {
    const spelled = this.imports.spell(module, name);
    if (spelled) return spelled;
    const slot = this.imports.importSlot(module, name);
    if (slot === undefined) throw new CannotRender(`The file has no import to write "${name}" with.`);
    this.added.set(name, { range: [slot, slot], text: `, ${name}` });
    return name;
  }

  /** The value of prop `prop` (a CDK name) for `value`. */
  propValue(prop: string, value: FixValue): string {
    if (DURATION_PROPS.has(prop)) return this.seconds(value);
    if (prop === 'jitterStrategy' && typeof value === 'string') return `${this.sfn('JitterType')}.${value}`;
    return literal(value, this.quote);
  }

  /** An ASL retrier or catcher (without `Next`) as CDK props: `{ errors: [...], interval: … }`. */
  handlerProps(value: FixValue, skip: readonly string[] = []): string {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || isIntrinsic(value)) throw new CannotRender('A retrier or catcher must be an object.');
    const parts: string[] = [];
    for (const [key, field] of Object.entries(value as { readonly [key: string]: FixValue })) {
      if (skip.includes(key)) continue;
      const prop = PROP_NAMES[key];
      if (!prop) throw new CannotRender(`"${key}" has no CDK prop.`);
      parts.push(`${prop}: ${this.propValue(prop, field)}`);
    }
    return `{ ${parts.join(', ')} }`;
  }
}
