import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ENV } from '#shared/config/env-vars.ts';
import { eventFunctions } from '#shared/routes/event-functions.ts';
import { actionsOf, functionStatements, resourcesOf } from './helpers/iam.ts';
import { logicalIdOf, porticoSynth } from './helpers/synth.ts';

/**
 * The infrastructure of usage and billing (issue 9): the finance bucket, who
 * may reach it, the schedules of the daily and monthly jobs, and what the
 * storage reconciliation and the status may read.
 */
describe('usage and billing infrastructure', () => {
  const synth = porticoSynth();
  const { stack, templateJson } = synth;
  const template = Template.fromJSON(templateJson);
  const financeId = logicalIdOf(stack, stack.finance.bucket);

  it('keeps billing exports in a versioned, encrypted, private, TLS-only bucket with lifecycle rules and access logs, retained', () => {
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        LoggingConfiguration: { DestinationBucketName: { Ref: logicalIdOf(stack, stack.provisioning.accessLogBucket) }, LogFilePrefix: 'finance/' },
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            Match.objectLike({ Id: 'exports-to-infrequent-access', Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 90 }] }),
            Match.objectLike({ Id: 'expire-old-versions', NoncurrentVersionExpiration: { NoncurrentDays: 365 } }),
          ]),
        },
      }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: financeId },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('lets only the export functions write the finance bucket, and denies it to every function holding customer-bucket grants', () => {
    const exportRole = functionStatements(synth, stack.functions['billing.export']!);
    const onFinance = exportRole.filter((s) => JSON.stringify(s.Resource).includes(financeId));
    expect(onFinance.filter((s) => s.Effect !== 'Deny').flatMap(actionsOf).sort()).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(stack.functions['billing.export']!.function.node.tryFindChild('Resource')).toBeDefined();

    for (const id of ['uploads.create', 'uploads.complete', 'worksets.submit']) {
      const statements = functionStatements(synth, stack.functions[id]!);
      const deny = statements.find((s) => s.Effect === 'Deny');
      expect(deny).toBeDefined();
      expect(actionsOf(deny!)).toEqual(['s3:*']);
      expect(JSON.stringify(resourcesOf(deny!))).toContain(financeId);
    }
  });

  it('tells the export functions where the finance bucket is and the status where the dead-letter queues are', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^GET /billing/export'),
      Environment: { Variables: Match.objectLike({ [ENV.financeBucket]: { Ref: financeId } }) },
    });
    const status = template.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('^GET /admin/status') } });
    const variables = Object.values(status)[0]?.Properties.Environment.Variables as Record<string, unknown>;
    const queues = JSON.stringify(variables[ENV.deadLetterQueues]);
    expect(Object.keys(template.findResources('AWS::SQS::Queue')).every((id) => queues.includes(id))).toBe(true);
  });

  it('runs the daily sampling just after midnight UTC, the reconciliation at noon and the monthly export on the 1st', () => {
    const rule = (summary: string) => Object.values(template.findResources('AWS::Events::Rule', { Properties: { Description: summary } }))[0]?.Properties.ScheduleExpression;
    expect(rule(eventFunctions.sampleStorage.summary)).toBe('cron(5 0 * * ? *)');
    expect(rule(eventFunctions.reconcileStorage.summary)).toBe('cron(0 12 * * ? *)');
    expect(rule(eventFunctions.monthlyBillingExport.summary)).toBe('cron(0 3 1 * ? *)');
  });

  it('lets the reconciliation read CloudWatch metrics and nothing else of CloudWatch', () => {
    const fn = stack.scheduled.functions[eventFunctions.reconcileStorage.id]!;
    const cloudwatch = functionStatements(synth, fn).flatMap(actionsOf).filter((a) => a.startsWith('cloudwatch:'));
    expect(cloudwatch.sort()).toEqual(['cloudwatch:GetMetricData', 'cloudwatch:ListMetrics']);
  });
});

describe('platform alarms', () => {
  const synth = porticoSynth();
  const { stack, templateJson } = synth;
  const template = Template.fromJSON(templateJson);
  const topic = logicalIdOf(stack, stack.alarms.topic);
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties as Record<string, any>);

  it('alarms on every dead-letter queue and every function, to one encrypted topic', () => {
    expect(Object.keys(templateJson.Resources).length).toBeLessThanOrEqual(500);
    const queues = Object.keys(template.findResources('AWS::SQS::Queue'));
    const functions = Object.keys(template.findResources('AWS::Lambda::Function'));
    const onQueue = alarms.filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible');
    const onFunction = alarms.filter((a) => a.Metrics?.some((m: any) => m.MetricStat?.Metric?.MetricName === 'Errors'));
    expect(onQueue.map((a) => a.Dimensions[0].Value['Fn::GetAtt'][0]).sort()).toEqual(queues.sort());
    // Every function of the stack in exactly one alarm, at most ten per alarm (CloudWatch's limit), summed.
    const watched = onFunction.flatMap((a) => a.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Metric.Dimensions[0].Value.Ref));
    expect(watched.sort()).toEqual(functions.filter((id) => !id.startsWith('LogRetention') && !id.startsWith('BucketNotificationsHandler')).sort());
    for (const alarm of onFunction) {
      expect(alarm.Metrics.filter((m: any) => m.MetricStat).length).toBeLessThanOrEqual(10);
      expect(alarm.Metrics.find((m: any) => m.Expression)).toMatchObject({ Expression: 'SUM(METRICS())', ReturnData: true });
    }
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([{ Ref: topic }]);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });

  it('alarms on API 5xx answers and on customers stuck in PROVISIONING through three sweeps', () => {
    expect(alarms.find((a) => a.MetricName === '5XXError')).toMatchObject({ Namespace: 'AWS/ApiGateway', Statistic: 'Sum', Threshold: 5, Period: 300 });
    expect(alarms.find((a) => a.MetricName === 'CustomersStaleInProvisioning')).toMatchObject({
      Namespace: 'Portico',
      Dimensions: [{ Name: 'service', Value: 'customers' }],
      Statistic: 'Maximum',
      Threshold: 1,
      EvaluationPeriods: 4,
      DatapointsToAlarm: 3,
      TreatMissingData: 'notBreaching',
    });
  });
});
