export { RuleTester, machine, yaml, json, file, lintWith } from './rule-tester';
export type { InvalidCase, ValidCase, ExpectedError } from './rule-tester';
export * from './batch-machines';
