import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ENV } from '#shared/config/env-vars.ts';
import { eventFunctions } from '#shared/routes/event-functions.ts';
import { evaluate } from './helpers/intrinsics.ts';
import { logicalIdOf, porticoSynth } from './helpers/synth.ts';
import { CUSTOMER_STACK_S3_ACTIONS } from '#lib/constructs/provisioning.ts';

describe('customer stack status events', () => {
  const synth = porticoSynth();
  const { stack, template, templateJson } = synth;
  const ruleId = logicalIdOf(stack, stack.provisioning.stackStatusRule);
  const rule = templateJson.Resources[ruleId]?.Properties ?? {};
  const dlqId = logicalIdOf(stack, stack.provisioning.deadLetterQueue);
  const fnId = logicalIdOf(stack, stack.stackStatusFunction.function);

  it('matches CloudFormation status changes of portico-customer-* stacks of this account and region only', () => {
    // Act
    const pattern = evaluate(rule['EventPattern']);
    // Assess
    expect(pattern).toEqual({
      source: ['aws.cloudformation'],
      'detail-type': ['CloudFormation Stack Status Change'],
      detail: { 'stack-id': [{ prefix: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/portico-customer-' }] },
    });
  });

  it('delivers to the stack-status function with retries and a dead-letter queue', () => {
    expect(rule['Targets']).toEqual([
      {
        Id: expect.any(String),
        Arn: { 'Fn::GetAtt': [fnId, 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [dlqId, 'Arn'] } },
        RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 6 * 3600 },
      },
    ]);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
      SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
    });
  });

  it('has an encrypted, TLS-only dead-letter queue that only this rule may write to', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: dlqId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Action: 'sqs:SendMessage',
            Principal: { Service: 'events.amazonaws.com' },
            Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } },
          }),
        ]),
      },
    });
  });
});

describe('the reconciliation sweep of customers stuck in a stack operation', () => {
  const synth = porticoSynth();
  const { stack, templateJson } = synth;
  const id = eventFunctions.reconcileCustomers.id;
  const fnId = logicalIdOf(stack, stack.scheduled.functions[id]!.function);
  const rule = templateJson.Resources[logicalIdOf(stack, stack.scheduled.rules[id]!)]?.Properties ?? {};

  it('runs every 5 minutes; a run not delivered before the next one is due goes to the dead-letter queue', () => {
    expect(rule['ScheduleExpression']).toBe('rate(5 minutes)');
    expect(rule['Targets']).toEqual([
      {
        Id: expect.any(String),
        Arn: { 'Fn::GetAtt': [fnId, 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalIdOf(stack, stack.scheduled.deadLetterQueue), 'Arn'] } },
        RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 5 * 60 },
      },
    ]);
  });

  it('has the time to reconcile a full batch, and what it needs to send CreateStack again', () => {
    const fn = templateJson.Resources[fnId]?.Properties ?? {};
    const variables = (fn['Environment'] as { Variables: Record<string, unknown> }).Variables;
    expect(fn['Timeout']).toBe(60);
    expect(Object.keys(variables)).toEqual(expect.arrayContaining([ENV.customerTemplateUrl, ENV.customerStackRoleArn, ENV.noncurrentVersionDays]));
  });
});

describe('customer bucket access logs', () => {
  const synth = porticoSynth();
  const { stack, template } = synth;
  const logBucketId = logicalIdOf(stack, stack.provisioning.accessLogBucket);

  it('live in a private, encrypted, TLS-only, retained bucket with an expiry', () => {
    template.hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike({
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: Match.objectLike({ BlockPublicAcls: true, RestrictPublicBuckets: true }),
        LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 365 })]) },
      }),
      DeletionPolicy: 'Retain',
    });
  });

  it('accept log delivery from this account\'s <prefix>-* buckets only', () => {
    const policy = Object.values(synth.templateJson.Resources).find(
      (r) => r.Type === 'AWS::S3::BucketPolicy' && JSON.stringify(r.Properties?.['Bucket']) === JSON.stringify({ Ref: logBucketId }),
    );
    const statements = evaluate((policy?.Properties?.['PolicyDocument'] as { Statement: unknown[] }).Statement) as Record<string, unknown>[];
    expect(statements).toEqual(
      expect.arrayContaining([
        {
          Sid: 'CustomerBucketServerAccessLogs',
          Effect: 'Allow',
          Principal: { Service: 'logging.s3.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: `<${logBucketId}.Arn>/*`,
          Condition: {
            ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::portico-123456789012-*' },
            StringEquals: { 'aws:SourceAccount': '123456789012' },
          },
        },
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      ]),
    );
  });

  it('are exported under the name the customer template imports', () => {
    template.hasOutput('*', { Value: { Ref: logBucketId }, Export: { Name: `${stack.stackName}-CustomerAccessLogBucket` } });
  });
});

describe('storage usage from S3 object events', () => {
  const { template, templateJson, customerTemplate, stack } = porticoSynth();

  it('turns on EventBridge notifications on every customer bucket', () => {
    customerTemplate.hasResourceProperties('AWS::S3::Bucket', {
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
    });
  });

  it('routes Object Created / Object Deleted of customer buckets to the usage function, with a DLQ', () => {
    const rules = Object.values(templateJson.Resources).filter(
      (r) => r.Type === 'AWS::Events::Rule' && JSON.stringify(r.Properties?.['EventPattern'] ?? {}).includes('aws.s3'),
    );
    expect(rules).toHaveLength(1);
    const pattern = rules[0]?.Properties?.['EventPattern'] as Record<string, any>;
    expect(pattern['source']).toEqual(['aws.s3']);
    expect(pattern['detail-type']).toEqual(['Object Created', 'Object Deleted']);
    expect(JSON.stringify(pattern['detail'])).toContain('"prefix"');
    const target = (rules[0]?.Properties?.['Targets'] as Record<string, any>[])[0];
    expect(target?.['DeadLetterConfig']).toBeDefined();
    expect(target?.['RetryPolicy']).toEqual({ MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 21600 });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ USAGE_TABLE: Match.anyValue() }) },
    });
    expect(stack.usageTracking.usageFunction).toBeDefined();
  });

  it('lets CloudFormation configure bucket notifications for customer stacks', () => {
    expect(CUSTOMER_STACK_S3_ACTIONS).toContain('s3:PutBucketNotification');
  });
});
