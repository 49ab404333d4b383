/**
 * Conformance with cfn-lint's rule E3601 (../shared/corpus/peers/cfn-lint): each case is a
 * minimal CloudFormation template around one `AWS::StepFunctions::StateMachine` whose definition
 * is a `Definition` object or a `DefinitionString`, with the exact ValidationErrors cfn-lint
 * expects; plus the template its suite keeps as good. wf-lint reads the templates as a user's.
 */
import type { Area } from './areas';
import { runCorpus, type KnownDifference } from './run-corpus';

const MESSAGE_AREAS: readonly (readonly [RegExp, Area])[] = [
  [/^'StartAt' is a required property/, 'parse'], // the linter reports a machine without StartAt itself
  [/^'(Type|Choices)' is a required property/, 'fields'],
  [/^Only one of \['Next', 'End'\] is a required property/, 'next-end'],
  [/does not match '\^arn:aws:|is not of type 'string'/, 'resource'],
  [/^'JSONata' was expected|\('(Parameters|Arguments)' was unexpected\)/, 'query-language'],
  [/^Only one of \['And'|^'(Next|Condition)' is a required property|\('And' was unexpected\)/, 'choice'],
  [/^Missing 'Next' target/, 'transition'],
];

function areaOf(message: string): Area {
  const found = MESSAGE_AREAS.find(([pattern]) => pattern.test(message));
  if (!found) throw new Error(`No area for cfn-lint message ${JSON.stringify(message)}.`);
  return found[1];
}

const KNOWN_DIFFERENCES: Readonly<Record<string, KnownDifference>> = {
  'cases/07-choices.json': {
    wfLint: 'rejects',
    rules: ['asl/valid-transition-target'],
    reason:
      'States "Public", "ValueIsZero" and "ValueInTwenties" go to "Next": "NextState", which the definition does not hold. AWS ' +
      'rejects that with "MISSING_TRANSITION_TARGET: Missing \'Next\' target" (the error cfn-lint itself reproduces for StartAt ' +
      'in cases 15-19); cfn-lint\'s E3601 only checks StartAt targets.',
  },
  'cases/09-invalid-string-definition.json': {
    wfLint: 'partly',
    areas: ['parse'],
    reason:
      'The definition is a JSON string under "Definition" holding "States" without "StartAt". wf-lint reads it (as it reads ' +
      '"DefinitionString") and reports the missing "StartAt"; a definition without it is not built into a machine, so the ' +
      'state "NoType" without "Type" that cfn-lint also pins is not reached.',
  },
  'cases/11-valid-string-json.json': {
    wfLint: 'accepts',
    reason:
      'cfn-lint flags "Resource": "${jobqueue}" because the template gives "DefinitionSubstitutions": "jobqueue", a string where ' +
      'CloudFormation wants a map. That is a CloudFormation property error outside the ASL definition (CloudFormation rejects it ' +
      'before Step Functions sees the definition); inside the definition "${jobqueue}" is a DefinitionSubstitutions placeholder, ' +
      'an unknown value that wf-lint never reports (issue 6, DESIGN §3).',
  },
};

runCorpus({
  corpus: 'cfn-lint',
  knownDifferences: KNOWN_DIFFERENCES,
  areasOf: (c) => c.pinned.map(areaOf),
});
