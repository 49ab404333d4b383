/** Types for `asl-validator` (the package ships none). */
declare module 'asl-validator' {
  interface AslValidatorOptions {
    /** Validate JSONPath/JSONata expressions (default true). */
    checkPaths?: boolean;
    /** Validate `Resource` ARN syntax (default true). */
    checkArn?: boolean;
  }
  interface AslValidationError {
    'Error code': string;
    Message: string;
  }
  interface AslValidationResult {
    isValid: boolean;
    errors: AslValidationError[];
    errorsText(separator?: string): string;
  }
  /** Note: fills in `QueryLanguage` on every state of `definition` (pass a copy). */
  function aslValidator(definition: unknown, options?: AslValidatorOptions): AslValidationResult;
  export = aslValidator;
}
