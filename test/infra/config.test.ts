import { Match } from 'aws-cdk-lib/assertions';
import { DEFAULT_BILLING_RATES } from '#shared/billing/rates.ts';
import { describe, expect, it } from 'vitest';
import { CONTEXT_KEYS, ConfigError, bucketPrefixProblem, readConfig } from '#lib/config.ts';
import { MAX_BUCKET_PREFIX_LENGTH } from '#shared/customers/template-contract.ts';
import { evaluate } from './helpers/intrinsics.ts';
import { logicalIdOf, resourcesOfType, synthPortico } from './helpers/synth.ts';

const read = (values: Record<string, unknown>) => (key: string) => values[key];

describe('readConfig', () => {
  it('has the documented defaults', () => {
    expect(readConfig(read({}))).toEqual({
      stackName: 'Portico',
      environment: 'dev',
      costCenter: 'platform',
      project: 'portico',
      logRetentionDays: 30,
      logLevel: 'INFO',
      deletionProtection: true,
      mfa: 'OPTIONAL',
      throttleRateLimit: 1000,
      throttleBurstLimit: 2000,
      corsAllowOrigins: ['*'],
      bucketPrefix: undefined,
      noncurrentVersionDays: 30,
      apiGatewayCloudWatchRole: true,
      referenceDataPrefixes: [],
      activateCostTags: true,
      costCategory: false,
      billingRates: DEFAULT_BILLING_RATES,
    });
  });

  it('reads -c strings as the CLI passes them', () => {
    const config = readConfig(
      read({
        [CONTEXT_KEYS.deletionProtection]: 'false',
        [CONTEXT_KEYS.throttleRateLimit]: '10',
        [CONTEXT_KEYS.mfa]: 'required',
        [CONTEXT_KEYS.corsAllowOrigins]: 'https://a.example.com, https://b.example.com:8443',
      }),
    );
    expect(config).toMatchObject({
      deletionProtection: false,
      throttleRateLimit: 10,
      mfa: 'REQUIRED',
      corsAllowOrigins: ['https://a.example.com', 'https://b.example.com:8443'],
    });
  });

  it.each([
    [CONTEXT_KEYS.mfa, 'SMS'],
    [CONTEXT_KEYS.logRetentionDays, 31],
    [CONTEXT_KEYS.deletionProtection, 'yes'],
    [CONTEXT_KEYS.throttleBurstLimit, 0],
    [CONTEXT_KEYS.corsAllowOrigins, '*,https://a.example.com'],
    [CONTEXT_KEYS.corsAllowOrigins, 'a.example.com'],
    [CONTEXT_KEYS.bucketPrefix, 'Portico'],
    [CONTEXT_KEYS.stackName, '1stack'],
    [CONTEXT_KEYS.referenceDataPrefixes, 's3://shared-refs'],
    [CONTEXT_KEYS.referenceDataPrefixes, 's3://shared-refs/genomes/../'],
  ])('refuses %s = %j', (key, value) => {
    expect(() => readConfig(read({ [key]: value }))).toThrow(ConfigError);
  });

  it('lists every problem at once', () => {
    expect(() => readConfig(read({ [CONTEXT_KEYS.mfa]: 'x', [CONTEXT_KEYS.logRetentionDays]: 2 }))).toThrow(
      /portico:mfa[\s\S]*portico:logRetentionDays|portico:logRetentionDays[\s\S]*portico:mfa/,
    );
  });
});

describe('bucketPrefixProblem', () => {
  it.each(['portico', 'acme-portico-prod', 'a', 'p0-1', 'a'.repeat(MAX_BUCKET_PREFIX_LENGTH)])('accepts %j', (prefix) => {
    expect(bucketPrefixProblem(prefix)).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['uppercase', 'Portico'],
    ['starts with a digit', '1portico'],
    ['starts with -', '-portico'],
    ['ends with -', 'portico-'],
    ['dot', 'portico.prod'],
    ['underscore', 'portico_prod'],
    ['too long', 'a'.repeat(MAX_BUCKET_PREFIX_LENGTH + 1)],
    ['reserved xn--', 'xn--portico'],
  ])('refuses a prefix that %s', (_why, prefix) => {
    expect(bucketPrefixProblem(prefix)).toBeDefined();
  });
});

describe('a non-default deployment', () => {
  // Prepare / Act: every Portico context key changed at once.
  const synth = synthPortico({
    [CONTEXT_KEYS.stackName]: 'PorticoProd',
    [CONTEXT_KEYS.environment]: 'production',
    [CONTEXT_KEYS.costCenter]: 'cc-42',
    [CONTEXT_KEYS.project]: 'portico-eu',
    [CONTEXT_KEYS.logRetentionDays]: 90,
    [CONTEXT_KEYS.logLevel]: 'DEBUG',
    [CONTEXT_KEYS.deletionProtection]: false,
    [CONTEXT_KEYS.mfa]: 'REQUIRED',
    [CONTEXT_KEYS.throttleRateLimit]: 10,
    [CONTEXT_KEYS.throttleBurstLimit]: 20,
    [CONTEXT_KEYS.corsAllowOrigins]: 'https://portal.example.com,https://admin.example.com',
    [CONTEXT_KEYS.bucketPrefix]: 'acme-portico',
    [CONTEXT_KEYS.noncurrentVersionDays]: 45,
    [CONTEXT_KEYS.apiGatewayCloudWatchRole]: false,
    [CONTEXT_KEYS.referenceDataPrefixes]: 's3://shared-refs/genomes/,s3://shared-refs/controls/giab/',
  });
  const { stack, template, templateJson, customerTemplate } = synth;

  it('still leaves zero unacknowledged cdk-nag findings', () => {
    expect(synth.nag.findings.map((f) => `${f.ruleId} @ ${f.constructPath}`)).toEqual([]);
  });

  it('names the stack from context', () => {
    expect(stack.stackName).toBe('PorticoProd');
  });

  it('requires MFA and turns deletion protection off on tables and user pool', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON', DeletionProtection: 'INACTIVE' });
    for (const [, table] of resourcesOfType(templateJson, 'AWS::DynamoDB::GlobalTable')) {
      expect(table.Properties?.['Replicas']).toEqual([expect.objectContaining({ DeletionProtectionEnabled: false })]);
      expect(table.DeletionPolicy).toBe('Retain');
    }
  });

  it('throttles, logs and tags from context', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      MethodSettings: [Match.objectLike({ ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 })],
      Tags: Match.arrayWith([
        { Key: 'CostCenter', Value: 'cc-42' },
        { Key: 'Environment', Value: 'production' },
        { Key: 'Project', Value: 'portico-eu' },
      ]),
    });
    for (const [, group] of resourcesOfType(templateJson, 'AWS::Logs::LogGroup')) {
      expect(group.Properties?.['RetentionInDays']).toBe(90);
    }
    template.resourceCountIs('AWS::ApiGateway::Account', 0);
  });

  it('passes the settings to every function', () => {
    for (const [, fn] of resourcesOfType(templateJson, 'AWS::Lambda::Function')) {
      expect((fn.Properties?.['Environment'] as { Variables: object }).Variables).toMatchObject({
        PORTICO_ENVIRONMENT: 'production',
        BUCKET_PREFIX: 'acme-portico',
        CORS_ALLOW_ORIGIN: 'https://portal.example.com,https://admin.example.com',
        POWERTOOLS_LOG_LEVEL: 'DEBUG',
      });
    }
    const create = templateJson.Resources[logicalIdOf(stack, stack.functions['customers.create']!.function)];
    expect((create?.Properties?.['Environment'] as { Variables: object }).Variables).toMatchObject({ NONCURRENT_VERSION_DAYS: '45' });
    const submit = templateJson.Resources[logicalIdOf(stack, stack.functions['worksets.submit']!.function)];
    expect((submit?.Properties?.['Environment'] as { Variables: object }).Variables).toMatchObject({
      REFERENCE_DATA_PREFIXES: 's3://shared-refs/genomes/,s3://shared-refs/controls/giab/',
    });
  });

  it('uses the literal bucket prefix in the customer template and the IAM scopes', () => {
    const [, bucket] = resourcesOfType(synth.customerTemplateJson, 'AWS::S3::Bucket')[0]!;
    expect(evaluate(bucket.Properties?.['BucketName'], { refs: { CustomerId: 'acme-1a2b3c4d' } })).toBe('acme-portico-acme-1a2b3c4d');
    const role = templateJson.Resources[logicalIdOf(stack, stack.provisioning.customerStackRole)];
    expect(JSON.stringify(evaluate(role?.Properties?.['Policies']))).toContain('arn:aws:s3:::acme-portico-*');
  });

  it('allows both origins on preflight, gateway responses and customer buckets', () => {
    customerTemplate.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: ['https://portal.example.com', 'https://admin.example.com'] })] },
    });
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseParameters: Match.objectLike({
        'gatewayresponse.header.Access-Control-Allow-Origin': 'method.request.header.Origin',
        'gatewayresponse.header.Vary': "'Origin'",
      }),
    });
    const preflight = resourcesOfType(templateJson, 'AWS::ApiGateway::Method').find(([, m]) => m.Properties?.['HttpMethod'] === 'OPTIONS');
    expect(JSON.stringify(preflight?.[1].Properties?.['Integration'])).toContain('https://admin.example.com');
  });
});

describe('billing rates and alarm email', () => {
  it('reads billing rates as JSON text or an object, and refuses bad ones and bad emails', () => {
    expect(readConfig(read({ 'portico:billingRates': '{"run_usd": 2}' })).billingRates).toMatchObject({ run_usd: 2, storage_gb_month_usd: 0.023 });
    expect(readConfig(read({ 'portico:billingRates': { plan_monthly_usd: { standard: 49 } } })).billingRates.plan_monthly_usd).toEqual({ standard: 49 });
    expect(() => readConfig(read({ 'portico:billingRates': { run_usd: -1 } }))).toThrow(/portico:billingRates/);
    expect(readConfig(read({ 'portico:alarmEmail': 'ops@example.com' })).alarmEmail).toBe('ops@example.com');
    expect(() => readConfig(read({ 'portico:alarmEmail': 'not-an-email' }))).toThrow(/portico:alarmEmail/);
  });
});
