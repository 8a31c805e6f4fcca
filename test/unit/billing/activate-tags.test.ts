import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CostExplorerClient, UpdateCostAllocationTagsStatusCommand } from '@aws-sdk/client-cost-explorer';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '#functions/cost-allocation/activate-tags.ts';
import { lambdaContext } from '#local/gateway/lambda-event.ts';
import { COST_ALLOCATION_TAG_KEYS } from '#shared/billing/cost-allocation-tags.ts';
import { logger } from '#shared/observability/logger.ts';

/**
 * The activation custom resource end to end: Cost Explorer is mocked at the SDK boundary
 * (it has no local engine) and every test asserts the exact request; the answer goes to
 * a real HTTP server standing in for CloudFormation's presigned ResponseURL.
 */
const costExplorer = mockClient(CostExplorerClient);

interface Delivered {
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Record<string, unknown>;
}
let server: Server;
let responseUrl: string;
let delivered: Delivered[] = [];
let answerStatus = 200;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      delivered.push({ method: req.method ?? '', headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
      res.writeHead(answerStatus).end(answerStatus === 200 ? '' : '<Error><Code>AccessDenied</Code></Error>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  responseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cloudformation-response?X-Amz-Signature=abc`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  costExplorer.reset();
  delivered = [];
  answerStatus = 200;
});
afterEach(() => vi.restoreAllMocks());

function event(requestType: 'Create' | 'Update' | 'Delete', properties: Record<string, unknown> = {}): CloudFormationCustomResourceEvent {
  const common = {
    ServiceToken: 'arn:aws:lambda:eu-west-1:123456789012:function:Portico-CostAllocationTagActivation',
    ResponseURL: responseUrl,
    StackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/Portico/6f1e',
    RequestId: 'c2a5f1d0-request',
    LogicalResourceId: 'CostAllocationTagActivation954B14A1',
    ResourceType: 'Custom::CostAllocationTags',
    ResourceProperties: {
      ServiceToken: 'arn:aws:lambda:eu-west-1:123456789012:function:Portico-CostAllocationTagActivation',
      TagKeys: [...COST_ALLOCATION_TAG_KEYS],
      DeployRun: '2026-11-23T16:40:18.190Z',
      ...properties,
    },
  };
  if (requestType === 'Create') return { ...common, RequestType: 'Create' };
  const physical = { PhysicalResourceId: 'portico-cost-allocation-tags' };
  if (requestType === 'Update') return { ...common, ...physical, RequestType: 'Update', OldResourceProperties: common.ResourceProperties };
  return { ...common, ...physical, RequestType: 'Delete' };
}

const invoke = (e: CloudFormationCustomResourceEvent) => handler(e, lambdaContext('billing.activateCostTags', 30));
const EXPECTED_REQUEST = {
  CostAllocationTagsStatus: COST_ALLOCATION_TAG_KEYS.map((TagKey) => ({ TagKey, Status: 'Active' })),
};
const IDS = {
  StackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/Portico/6f1e',
  RequestId: 'c2a5f1d0-request',
  LogicalResourceId: 'CostAllocationTagActivation954B14A1',
  PhysicalResourceId: 'portico-cost-allocation-tags',
};

describe('tag activation custom resource', () => {
  it.each(['Create', 'Update'] as const)('on %s, activates the five keys and answers SUCCESS with the activated keys', async (type) => {
    costExplorer.on(UpdateCostAllocationTagsStatusCommand).resolves({ Errors: [] });

    await invoke(event(type));

    expect(costExplorer.commandCalls(UpdateCostAllocationTagsStatusCommand).map((c) => c.args[0].input)).toEqual([EXPECTED_REQUEST]);
    expect(costExplorer.calls()).toHaveLength(1);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.method).toBe('PUT');
    expect(delivered[0]?.headers['content-type'] ?? '').toBe('');
    expect(delivered[0]?.body).toEqual({
      ...IDS,
      Status: 'SUCCESS',
      Data: { ActivatedTags: 'Customer,CostCenter,BillingAccount,Environment,Project', PendingTags: '' },
    });
  });

  it('succeeds with the keys billing has not seen yet as PendingTags, and logs them', async () => {
    const warn = vi.spyOn(logger, 'warn');
    costExplorer.on(UpdateCostAllocationTagsStatusCommand).resolves({
      Errors: [
        { TagKey: 'Customer', Code: 'TagKeyNotFound', Message: 'The tag key Customer was not found' },
        { TagKey: 'BillingAccount', Code: 'TagKeyNotFound', Message: 'The tag key BillingAccount was not found' },
      ],
    });

    await invoke(event('Create'));

    expect(costExplorer.commandCalls(UpdateCostAllocationTagsStatusCommand).map((c) => c.args[0].input)).toEqual([EXPECTED_REQUEST]);
    expect(delivered.map((d) => d.body)).toEqual([
      { ...IDS, Status: 'SUCCESS', Data: { ActivatedTags: 'CostCenter,Environment,Project', PendingTags: 'Customer,BillingAccount' } },
    ]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('pending'), {
      pending_tags: [
        { tagKey: 'Customer', code: 'TagKeyNotFound', message: 'The tag key Customer was not found' },
        { tagKey: 'BillingAccount', code: 'TagKeyNotFound', message: 'The tag key BillingAccount was not found' },
      ],
      activated_tags: ['CostCenter', 'Environment', 'Project'],
    });
  });

  it('fails with the payer-account explanation when Cost Explorer denies access', async () => {
    costExplorer
      .on(UpdateCostAllocationTagsStatusCommand)
      .rejects(Object.assign(new Error('User is not authorized to perform: ce:UpdateCostAllocationTagsStatus'), {
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 400 },
      }));

    await invoke(event('Create'));

    expect(costExplorer.commandCalls(UpdateCostAllocationTagsStatusCommand).map((c) => c.args[0].input)).toEqual([EXPECTED_REQUEST]);
    const [answer] = delivered.map((d) => d.body);
    expect(answer).toMatchObject({ ...IDS, Status: 'FAILED' });
    expect(answer?.['Data']).toBeUndefined();
    expect(String(answer?.['Reason'])).toMatch(
      /^Cost Explorer refused to activate the cost-allocation tags \(AccessDeniedException: User is not authorized.*payer \(management\) account.*portico:activateCostTags=false/,
    );
  });

  it('succeeds with every key pending when Cost Explorer stays throttled (the next deploy tries again)', async () => {
    costExplorer
      .on(UpdateCostAllocationTagsStatusCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'LimitExceededException', $metadata: { httpStatusCode: 400 } }));

    await invoke(event('Update'));

    expect(delivered.map((d) => d.body)).toEqual([
      { ...IDS, Status: 'SUCCESS', Data: { ActivatedTags: '', PendingTags: 'Customer,CostCenter,BillingAccount,Environment,Project' } },
    ]);
  });

  it('fails on any other error, with its name and message', async () => {
    costExplorer
      .on(UpdateCostAllocationTagsStatusCommand)
      .rejects(Object.assign(new Error('1 validation error detected'), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } }));

    await invoke(event('Create'));

    expect(delivered.map((d) => d.body)).toEqual([
      { ...IDS, Status: 'FAILED', Reason: 'Cost Explorer refused UpdateCostAllocationTagsStatus: ValidationException: 1 validation error detected' },
    ]);
  });

  it('does nothing on Delete (deactivating would take the tags out of finance reports) and answers SUCCESS', async () => {
    await invoke(event('Delete'));

    expect(costExplorer.calls()).toHaveLength(0);
    expect(delivered.map((d) => d.body)).toEqual([{ ...IDS, Status: 'SUCCESS' }]);
  });

  it('fails without calling Cost Explorer when TagKeys is not a list of keys', async () => {
    await invoke(event('Create', { TagKeys: 'Customer' }));
    await invoke(event('Create', { TagKeys: [] }));

    expect(costExplorer.calls()).toHaveLength(0);
    expect(delivered.map((d) => d.body)).toEqual([
      { ...IDS, Status: 'FAILED', Reason: 'TagKeys must list 1 to 20 tag keys' },
      { ...IDS, Status: 'FAILED', Reason: 'TagKeys must list 1 to 20 tag keys' },
    ]);
  });

  it('throws when CloudFormation does not take the answer, so Lambda retries the invocation', async () => {
    costExplorer.on(UpdateCostAllocationTagsStatusCommand).resolves({});
    answerStatus = 403;

    await expect(invoke(event('Create'))).rejects.toThrow(/CloudFormation response not accepted: HTTP 403/);
    expect(delivered).toHaveLength(1);
  });
});
