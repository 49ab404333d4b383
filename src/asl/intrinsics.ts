/**
 * ASL intrinsic functions (`States.Format('{}', $.x)`): a small recursive-descent parser that
 * checks the call syntax, the function names, their argument counts and the types of literal
 * arguments, as AWS does when a definition is created. Arguments that are paths are checked
 * as full paths (`paths.ts`); their runtime values are unknown here.
 * AWS reference: https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
import { checkPath, type PathProblem } from './paths';

type ArgType = 'any' | 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'json';

interface Signature {
  /** Types of the fixed leading arguments. */
  readonly args: readonly ArgType[];
  /** How many of `args` may be left out at the end (`States.MathRandom`'s seed). */
  readonly optional?: number;
  /** Further arguments of this type may follow (`States.Format`, `States.Array`). */
  readonly rest?: ArgType;
  /** What the call returns: decides whether `ErrorPath`/`CausePath` may use it. */
  readonly returns: 'string' | 'other';
  /** Allowed literal values of an argument, by index (`States.Hash`'s algorithm). */
  readonly literals?: Readonly<Record<number, readonly unknown[]>>;
}

const HASH_ALGORITHMS = ['MD5', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'];

export const INTRINSIC_FUNCTIONS: Readonly<Record<string, Signature>> = {
  'States.Format': { args: ['string'], rest: 'any', returns: 'string' },
  'States.StringToJson': { args: ['string'], returns: 'other' },
  'States.JsonToString': { args: ['json'], returns: 'string' },
  'States.Array': { args: [], rest: 'any', returns: 'other' },
  'States.ArrayPartition': { args: ['array', 'integer'], returns: 'other' },
  'States.ArrayContains': { args: ['array', 'any'], returns: 'other' },
  'States.ArrayRange': { args: ['integer', 'integer', 'integer'], returns: 'other' },
  'States.ArrayGetItem': { args: ['array', 'integer'], returns: 'string' },
  'States.ArrayLength': { args: ['array'], returns: 'other' },
  'States.ArrayUnique': { args: ['array'], returns: 'other' },
  'States.Base64Encode': { args: ['string'], returns: 'string' },
  'States.Base64Decode': { args: ['string'], returns: 'string' },
  'States.Hash': { args: ['any', 'string'], returns: 'string', literals: { 1: HASH_ALGORITHMS } },
  // AWS supports only a shallow merge: the third argument must be false.
  'States.JsonMerge': { args: ['json', 'json', 'boolean'], returns: 'other', literals: { 2: [false] } },
  'States.MathRandom': { args: ['integer', 'integer', 'integer'], optional: 1, returns: 'other' },
  'States.MathAdd': { args: ['number', 'number'], returns: 'other' },
  'States.StringSplit': { args: ['string', 'string'], returns: 'other' },
  'States.UUID': { args: [], returns: 'string' },
};

/** A parsed argument: a literal (with its JSON type), a path, or a nested call. */
type Argument =
  | { readonly kind: 'literal'; readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'null'; readonly value: unknown; readonly offset: number }
  | { readonly kind: 'path'; readonly offset: number }
  | { readonly kind: 'call'; readonly name: string; readonly offset: number };

export interface IntrinsicCall {
  readonly name: string;
  /** True when the outer function returns a string (what `ErrorPath`/`CausePath` accept). */
  readonly returnsString: boolean;
}

class IntrinsicError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** True when `text` is written as an intrinsic call: how AWS tells it from a path. */
export function looksLikeIntrinsic(text: string): boolean {
  return /^States\.[A-Za-z0-9]*\s*\(/.test(text);
}

/**
 * Parses `text` as one intrinsic call (trailing whitespace allowed, as AWS allows it).
 * Returns the call, or the problem with its offset into `text`.
 */
export function parseIntrinsic(text: string): { call: IntrinsicCall } | { problem: PathProblem } {
  try {
    const parser = new Parser(text);
    const call = parser.call();
    parser.skipSpace();
    if (parser.pos < text.length) throw new IntrinsicError(`Unexpected "${text.slice(parser.pos, parser.pos + 10)}" after the intrinsic function call`, parser.pos);
    return { call: { name: call.name, returnsString: INTRINSIC_FUNCTIONS[call.name]!.returns === 'string' } };
  } catch (error) {
    if (error instanceof IntrinsicError) return { problem: { message: error.message, offset: error.offset } };
    throw error;
  }
}

class Parser {
  pos = 0;

  constructor(private readonly text: string) {}

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  call(): { name: string; offset: number } {
    const offset = this.pos;
    const name = /^States\.[A-Za-z0-9]+/.exec(this.text.slice(this.pos))?.[0];
    if (!name) throw new IntrinsicError('Expected an intrinsic function such as "States.Format(...)"', offset);
    const signature = INTRINSIC_FUNCTIONS[name];
    if (!signature) throw new IntrinsicError(`Unknown intrinsic function "${name}"`, offset);
    this.pos += name.length;
    this.skipSpace();
    if (this.text[this.pos] !== '(') throw new IntrinsicError(`Expected "(" after "${name}"`, this.pos);
    this.pos++;
    const args: Argument[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ')') this.pos++;
    else {
      for (;;) {
        this.skipSpace();
        args.push(this.argument());
        this.skipSpace();
        const c = this.text[this.pos];
        this.pos++;
        if (c === ')') break;
        if (c !== ',') throw new IntrinsicError(c === undefined ? `Unclosed "(" of "${name}"` : `Expected "," or ")" in "${name}", found "${c}"`, this.pos - 1);
      }
    }
    checkArguments(name, signature, args, offset);
    return { name, offset };
  }

  private argument(): Argument {
    const offset = this.pos;
    const rest = this.text.slice(this.pos);
    if (rest.startsWith("'")) return { kind: 'literal', type: 'string', value: this.stringLiteral(), offset };
    if (rest.startsWith('$')) {
      const end = this.pathEnd();
      const path = this.text.slice(this.pos, end);
      const problem = checkPath(path, 'path');
      if (problem) throw new IntrinsicError(problem.message, offset + problem.offset);
      this.pos = end;
      return { kind: 'path', offset };
    }
    if (rest.startsWith('States.')) return { kind: 'call', ...this.call() };
    const number = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(rest)?.[0];
    if (number) {
      this.pos += number.length;
      return { kind: 'literal', type: /^-?\d+$/.test(number) ? 'integer' : 'number', value: Number(number), offset };
    }
    const word = /^(true|false|null)\b/.exec(rest)?.[0];
    if (word) {
      this.pos += word.length;
      return { kind: 'literal', type: word === 'null' ? 'null' : 'boolean', value: word === 'null' ? null : word === 'true', offset };
    }
    throw new IntrinsicError(`Invalid argument "${rest.slice(0, 20)}"; expected a string in single quotes, a number, true, false, null, a path or an intrinsic function`, offset);
  }

  /** Reads `'...'` where `\` escapes the next character (AWS: `\'`, `\{`, `\}`, `\\`). */
  private stringLiteral(): string {
    const start = this.pos;
    let value = '';
    this.pos++;
    while (this.pos < this.text.length && this.text[this.pos] !== "'") {
      if (this.text[this.pos] === '\\') this.pos++;
      value += this.text[this.pos] ?? '';
      this.pos++;
    }
    if (this.pos >= this.text.length) throw new IntrinsicError('Unterminated string literal', start);
    this.pos++;
    return value;
  }

  /**
   * The end of a path argument: the first `,`, `)` or whitespace outside brackets, parentheses
   * and quotes, so arguments missing their comma are reported as such.
   */
  private pathEnd(): number {
    let depth = 0;
    let p = this.pos;
    while (p < this.text.length) {
      const c = this.text[p];
      if (c === "'" || c === '"') {
        const close = this.text.indexOf(c, p + 1);
        p = close < 0 ? this.text.length : close + 1;
        continue;
      }
      if (c === '\\') p++;
      else if (c === '[' || c === '(') depth++;
      else if (c === ']' || c === ')') {
        if (depth === 0) return p;
        depth--;
      } else if ((c === ',' || /\s/.test(c!)) && depth === 0) return p;
      p++;
    }
    return p;
  }
}

function checkArguments(name: string, signature: Signature, args: readonly Argument[], offset: number): void {
  const max = signature.rest ? Infinity : signature.args.length;
  const min = signature.args.length - (signature.optional ?? 0);
  if (args.length < min || args.length > max) {
    const expected = max === Infinity ? `at least ${min}` : min === max ? String(min) : `${min} or ${max}`;
    throw new IntrinsicError(`"${name}" takes ${expected} argument${/(^| )1$/.test(expected) ? '' : 's'}, but ${args.length} ${args.length === 1 ? 'is' : 'are'} given`, offset);
  }
  args.forEach((arg, i) => {
    if (arg.kind !== 'literal') return;
    const expected = signature.args[i] ?? signature.rest ?? 'any';
    if (!literalFits(arg.type, expected)) throw new IntrinsicError(`Argument ${i + 1} of "${name}" must be ${article(expected)}, not ${article(arg.type)}`, arg.offset);
    const allowed = signature.literals?.[i];
    if (allowed && !allowed.includes(arg.value)) {
      throw new IntrinsicError(`Argument ${i + 1} of "${name}" must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`, arg.offset);
    }
  });
}

function literalFits(actual: string, expected: ArgType): boolean {
  switch (expected) {
    case 'any':
    case 'json':
      return true;
    case 'number':
      return actual === 'integer' || actual === 'number';
    case 'array':
      // Only a path or a call yields an array: no literal is one.
      return false;
    default:
      return actual === expected;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
