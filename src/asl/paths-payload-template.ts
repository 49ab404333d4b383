/**
 * The value of a `"key.$"` field (and of `ErrorPath`/`CausePath`): a path or an intrinsic
 * function call. AWS tells the two apart by the first characters, so a value that is
 * neither is reported as what it most looks like.
 */
import { parseIntrinsic } from './intrinsics';
import { checkPath, type PathContext, type PathProblem } from './paths';

export interface TemplateOptions {
  /** The context paths are checked in (`path` for payload templates). */
  readonly pathContext: PathContext;
  /** `ErrorPath`/`CausePath`: an intrinsic must return a string. */
  readonly stringOnly?: boolean;
}

/** The problem with `text` as a payload-template value, or undefined when AWS accepts it. */
export function checkPayloadTemplate(text: string, options: TemplateOptions): PathProblem | undefined {
  if (/^\s/.test(text)) return { message: 'Unexpected whitespace before the path or intrinsic function', offset: 0 };
  // "States.X $.a)" is a call gone wrong, not a path: let the call parser say what is missing.
  if (text.startsWith('States.')) {
    const parsed = parseIntrinsic(text);
    if ('problem' in parsed) return parsed.problem;
    if (options.stringOnly && !parsed.call.returnsString) {
      return { message: `"${parsed.call.name}" does not return a string; only States.Format, States.JsonToString, States.ArrayGetItem, States.Base64Encode, States.Base64Decode, States.Hash and States.UUID may be used here`, offset: 0 };
    }
    return undefined;
  }
  // AWS accepts trailing whitespace after a payload template (never leading whitespace).
  return checkPath(text.trimEnd(), options.pathContext);
}
