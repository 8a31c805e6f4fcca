import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { afterEach, expect, it } from 'vitest';
import { localUsagePlanId, LocalUsagePlans } from '#local/gateway/usage-plans.ts';
import { LocalCloudFormation } from '#local/provisioner/local-cloudformation.ts';
import { customerApiKeyValue } from '#shared/customers/template-contract.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('gives the gateway back the API keys of the customer stacks a restarted local stack finds saved', () => {
  // Prepare
  const dataDir = mkdtempSync(join(tmpdir(), 'portico-stacks-'));
  dirs.push(dataDir);
  const value = customerApiKeyValue('acme-1a2b3c4d');
  const saved = {
    stackName: 'portico-customer-acme-1a2b3c4d',
    stackId: 'arn:aws:cloudformation:us-east-1:000000000000:stack/portico-customer-acme-1a2b3c4d/1',
    status: 'UPDATE_COMPLETE',
    parameters: { CustomerId: 'acme-1a2b3c4d', Plan: 'premium' },
    tags: {},
    token: 'update-1',
    templateUrl: 'http://template',
    createdAt: '2026-01-01T00:00:00.000Z',
    outputs: {},
    apiKey: { id: 'k1', value, usagePlanId: localUsagePlanId('premium') },
  };
  writeFileSync(join(dataDir, 'stacks.json'), JSON.stringify([saved]));
  const usagePlans = new LocalUsagePlans('local');
  // Act
  new LocalCloudFormation({
    port: 0,
    s3: new S3Client({ region: 'us-east-1' }),
    bucketPrefix: 'portico-local',
    corsOrigins: ['*'],
    usagePlans,
    accountId: '000000000000',
    region: 'us-east-1',
    dataDir,
    onEvent: async () => undefined,
  });
  // Assess
  expect(usagePlans.usagePlanOf(value)?.id).toBe(localUsagePlanId('premium'));
  expect(usagePlans.keyOf(value)?.id).toBe('k1');
});
