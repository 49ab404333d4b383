/**
 * JSONata expressions in `{% ... %}` strings. The `jsonata` package is loaded on the first
 * expression met, so machines without JSONata never pay for it.
 */

/** What jsonata reports about an expression that does not parse. */
export interface JsonataProblem {
  readonly message: string;
  /** Offset into the expression (the text between `{%` and `%}`), when jsonata gives one. */
  readonly offset: number | undefined;
}

const WRAPPED = /^\{%([\s\S]*)%\}$/;

/** The expression inside a `{% ... %}` string (AWS requires the braces to wrap the whole value), else undefined. */
export function jsonataExpression(text: string): string | undefined {
  return WRAPPED.exec(text)?.[1];
}

type JsonataModule = (expression: string) => unknown;
let compile: JsonataModule | undefined;

/** The syntax problem of `expression`, or undefined when jsonata parses it. */
export function checkJsonata(expression: string): JsonataProblem | undefined {
  if (expression.trim() === '') return { message: 'The JSONata expression is empty', offset: undefined };
  compile ??= require('jsonata') as JsonataModule;
  try {
    compile(expression);
    return undefined;
  } catch (error) {
    const e = error as { message?: string; position?: number; token?: unknown };
    const message = (e.message ?? String(error)).replace(/\.$/, '');
    // jsonata's position is the offset just past the offending token ("(end)" at the end).
    // The token is a string, or the value of a literal (`2` in "1 2").
    const width = e.token === undefined || e.token === '(end)' ? 0 : String(e.token).length;
    const offset = typeof e.position === 'number' ? Math.min(expression.length, Math.max(0, e.position - width)) : undefined;
    return { message, offset };
  }
}
