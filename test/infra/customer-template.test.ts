import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { BUDGET_PARAMETERS } from '#shared/billing/customer-budget.ts';
import { newCustomerId } from '#shared/customers/customer-id.ts';
import {
  BUCKET_LIFECYCLE,
  CUSTOMER_TAG_KEYS,
  MANAGED_BY,
  TEMPLATE_OUTPUTS,
  TEMPLATE_PARAMETERS,
} from '#shared/customers/template-contract.ts';
import { evaluate } from './helpers/intrinsics.ts';
import { porticoSynth, resourcesOfType } from './helpers/synth.ts';

describe('customer template', () => {
  const synth = porticoSynth();
  const { customerTemplate, customerTemplateJson } = synth;
  const [bucketId, bucket] = resourcesOfType(customerTemplateJson, 'AWS::S3::Bucket')[0] ?? [];
  const properties = bucket?.Properties ?? {};
  const parameters = customerTemplateJson.Parameters ?? {};

  it('holds one bucket and its policy, the API key of its rate limits in a usage plan, and the optional budget, nothing else', () => {
    expect(Object.values(customerTemplateJson.Resources).map((r) => r.Type).sort()).toEqual([
      'AWS::ApiGateway::ApiKey',
      'AWS::ApiGateway::UsagePlanKey',
      'AWS::Budgets::Budget',
      'AWS::S3::Bucket',
      'AWS::S3::BucketPolicy',
    ]);
  });

  it('declares exactly the contract parameters, and the optional budget parameters (test/infra/cost-allocation.test.ts)', () => {
    expect(Object.keys(parameters).sort()).toEqual([...Object.values(TEMPLATE_PARAMETERS), ...Object.values(BUDGET_PARAMETERS)].sort());
    customerTemplate.hasParameter(TEMPLATE_PARAMETERS.noncurrentVersionDays, {
      Type: 'Number',
      Default: BUCKET_LIFECYCLE.defaultNoncurrentVersionDays,
      MinValue: 1,
    });
    for (const name of [TEMPLATE_PARAMETERS.costCenter, TEMPLATE_PARAMETERS.billingAccount, TEMPLATE_PARAMETERS.environment]) {
      customerTemplate.hasParameter(name, { Type: 'String', MinLength: 1, MaxLength: 256 });
    }
  });

  describe('CustomerId AllowedPattern', () => {
    const customerId = parameters[TEMPLATE_PARAMETERS.customerId] as { AllowedPattern: string; MaxLength: number; MinLength: number };
    const pattern = new RegExp(customerId.AllowedPattern);
    const accepts = (id: string): boolean => pattern.test(id) && id.length >= customerId.MinLength && id.length <= customerId.MaxLength;

    it.each(['acme-1a2b3c4d', 'a-00000000', 'acme-genomics-deadbeef', '0lab-12345678', 'abcdefghijklmnopqrst-abcdef01', 'a1-b2-c3-ffffffff'])(
      'accepts %s',
      (id) => expect(accepts(id)).toBe(true),
    );

    it.each([
      ['empty slug', '-1a2b3c4d'],
      ['slug starting with -', '-acme-1a2b3c4d'],
      ['slug ending with -', 'acme--1a2b3c4d'],
      ['uppercase', 'Acme-1a2b3c4d'],
      ['uppercase hex', 'acme-1A2B3C4D'],
      ['7 hex digits', 'acme-1a2b3c4'],
      ['9 hex digits', 'acme-1a2b3c4d5'],
      ['non-hex suffix', 'acme-1a2b3c4g'],
      ['slug of 21 characters', 'abcdefghijklmnopqrstu-abcdef01'],
      ['underscore', 'ac_me-1a2b3c4d'],
      ['no suffix', 'acme'],
      ['trailing newline', 'acme-1a2b3c4d\n'],
    ])('refuses %s (%j)', (_why, id) => expect(accepts(id)).toBe(false));

    it('accepts every id the application mints', () => {
      for (const name of ['Acme Genomics', 'X', 'A very long customer name indeed, Inc.', '***', 'lab 42 -- north']) {
        const id = newCustomerId(name);
        expect({ id, accepted: accepts(id) }).toEqual({ id, accepted: true });
      }
    });
  });

  it('names the bucket <prefix>-<CustomerId> (prefix portico-<account> by default)', () => {
    expect(evaluate(properties['BucketName'], { refs: { CustomerId: 'acme-1a2b3c4d' } })).toBe('portico-123456789012-acme-1a2b3c4d');
  });

  it('is versioned, SSE-encrypted, fully private and bucket-owner-enforced', () => {
    customerTemplate.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
  });

  it('refuses any request without TLS', () => {
    customerTemplate.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('applies the lifecycle rules with the contract numbers', () => {
    const rules = (properties['LifecycleConfiguration'] as { Rules: Record<string, unknown>[] }).Rules;
    expect(rules).toHaveLength(4);
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Status: 'Enabled', Prefix: BUCKET_LIFECYCLE.worksetsPrefix, ExpirationInDays: 90 }),
        expect.objectContaining({
          Status: 'Enabled',
          Prefix: BUCKET_LIFECYCLE.resultsPrefix,
          Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }],
        }),
        expect.objectContaining({
          Status: 'Enabled',
          NoncurrentVersionExpiration: { NoncurrentDays: { Ref: TEMPLATE_PARAMETERS.noncurrentVersionDays } },
        }),
        expect.objectContaining({ Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } }),
      ]),
    );
    expect([BUCKET_LIFECYCLE.worksetsExpireAfterDays, BUCKET_LIFECYCLE.resultsInfrequentAccessAfterDays, BUCKET_LIFECYCLE.abortIncompleteUploadsAfterDays]).toEqual([90, 30, 7]);
    // Rules without a prefix apply to the whole bucket.
    expect(rules.filter((r) => r['NoncurrentVersionExpiration'] || r['AbortIncompleteMultipartUpload']).every((r) => r['Prefix'] === undefined)).toBe(true);
  });

  it('allows browser uploads (PUT/POST/GET/HEAD) from the configured origins and exposes ETag', () => {
    customerTemplate.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({
            AllowedMethods: Match.arrayEquals(['PUT', 'POST', 'GET', 'HEAD']),
            AllowedOrigins: ['*'],
            AllowedHeaders: ['*'],
            ExposedHeaders: ['ETag'],
          }),
        ],
      },
    });
  });

  it('logs server access to the platform log bucket, under the customer id', () => {
    const logging = properties['LoggingConfiguration'];
    expect(evaluate(logging, { refs: { CustomerId: 'acme-1a2b3c4d' } })).toEqual({
      DestinationBucketName: `<import:${synth.stack.stackName}-CustomerAccessLogBucket>`,
      LogFilePrefix: 'acme-1a2b3c4d/',
    });
  });

  it('retains the bucket and its policy on delete and on replacement', () => {
    // The API key is deleted with the stack (test/infra/rate-limits.test.ts).
    for (const resource of Object.values(customerTemplateJson.Resources).filter((r) => r.Type.startsWith('AWS::S3::'))) {
      expect({ type: resource.Type, d: resource.DeletionPolicy, u: resource.UpdateReplacePolicy }).toEqual({
        type: resource.Type,
        d: 'Retain',
        u: 'Retain',
      });
    }
  });

  it('tags the bucket from the parameters (Customer, CostCenter, BillingAccount, Environment), ManagedBy and the platform Project', () => {
    const tags = Object.fromEntries((properties['Tags'] as { Key: string; Value: unknown }[]).map((t) => [t.Key, t.Value]));
    expect(Object.keys(tags).sort()).toEqual([...CUSTOMER_TAG_KEYS, 'Project'].sort());
    expect(tags).toEqual({
      Customer: { Ref: TEMPLATE_PARAMETERS.customerId },
      CostCenter: { Ref: TEMPLATE_PARAMETERS.costCenter },
      BillingAccount: { Ref: TEMPLATE_PARAMETERS.billingAccount },
      Environment: { Ref: TEMPLATE_PARAMETERS.environment },
      ManagedBy: MANAGED_BY,
      Project: synth.config.project,
    });
  });

  it("carries the platform's Project (the service) but never its CostCenter (who pays is the customer)", () => {
    const json = JSON.stringify(customerTemplateJson);
    expect(json).toContain('{"Key":"Project","Value":"portico"}');
    expect(json).not.toContain(`"${synth.config.costCenter}"`);
  });

  it('outputs the bucket name and ARN', () => {
    customerTemplate.hasOutput(TEMPLATE_OUTPUTS.bucketName, { Value: { Ref: bucketId } });
    customerTemplate.hasOutput(TEMPLATE_OUTPUTS.bucketArn, { Value: { 'Fn::GetAtt': [bucketId, 'Arn'] } });
  });

  it('is published as an asset whose URL the provisioning functions receive', () => {
    const url = String(evaluate(synth.stack.resolve(synth.stack.provisioning.templateUrl)));
    expect(url).toMatch(/\/[0-9a-f]{64}\.json$/);
    const assembly = synth.app.synth();
    const manifest = readFileSync(join(assembly.directory, `${synth.stack.artifactId}.assets.json`), 'utf8');
    expect(manifest).toContain(synth.stack.provisioning.customerStack.templateFile);
    expect(manifest).toContain(url.split('/').pop());
  });
});
