import rule from '../../../rules/batch/require-sync';
import { RuleTester, machine, yaml } from '../../harness';

const batch = (resource: string) => ({
  StartAt: 'Run',
  States: {
    Run: { Type: 'Task', Resource: resource, Parameters: { JobName: 'j', JobQueue: 'q', JobDefinition: 'd' }, End: true },
  },
});

new RuleTester().run('batch/require-sync', rule, {
  valid: [
    { name: 'submitJob.sync', code: machine(batch('arn:aws:states:::batch:submitJob.sync')) },
    { name: 'templated partition with .sync', code: machine(batch('arn:${AWS::Partition}:states:::batch:submitJob.sync')) },
    { name: 'opaque Resource is unknown, not guessed', code: machine(batch('${batch_arn}')) },
    { name: 'a Lambda task is not a Batch task', code: machine(batch('arn:aws:states:::lambda:invoke')) },
  ],
  invalid: [
    {
      name: 'submitJob without .sync',
      code: machine(batch('arn:aws:states:::batch:submitJob')),
      errors: [{ messageId: 'missingSync', path: ['States', 'Run'] }],
    },
    {
      name: 'CloudFormation partition without .sync, in YAML with !Sub',
      code: yaml`
        StartAt: Submit
        States:
          Submit:   # fire and forget
            Type: Task
            Resource: !Sub arn:\${AWS::Partition}:states:::batch:submitJob
            End: true`,
      errors: [{ messageId: 'missingSync', line: 3, column: 3, message: '"Submit"' }],
    },
  ],
});
