import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_ID_PATTERN } from '#shared/customers/customer-id.ts';
import {
  activeCustomer,
  adminToken,
  api,
  cloudFormationRequests,
  countCustomersLike,
  customerBody,
  injectStackFault,
  localS3,
  localStack,
  waitForCustomerStatus,
  waitForStackStatus,
} from '../../support/local-stack.ts';

const bucketExists = (bucket: string) =>
  localS3()
    .send(new HeadBucketCommand({ Bucket: bucket }))
    .then(
      () => true,
      () => false,
    );

describe('POST /customers', () => {
  it('answers 202 with the Daylily fields, then the customer turns ACTIVE with its bucket', async () => {
    const token = await adminToken();
    const body = customerBody({ customer_name: 'Acme Genomics' });

    const created = await api('POST', '/customers', { token, body });

    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({
      customer_name: 'Acme Genomics',
      email: body.email,
      max_concurrent_worksets: 10,
      max_storage_gb: 5000,
      billing_account_id: 'BA-12345',
      cost_center: 'CC-GENOMICS',
      status: 'PROVISIONING',
      // The body's quota fields override the plan's; the rest come from the default plan.
      plan: 'standard',
      quota_overrides: { max_concurrent_worksets: 10, max_storage_gb: 5000 },
      max_runs_per_month: 100,
      max_samples_per_workset: 100,
      requests_per_second: 20,
      burst: 40,
    });
    const id: string = created.body.customer_id;
    expect(id).toMatch(/^acme-genomics-[0-9a-f]{8}$/);
    expect(created.body.s3_bucket).toBe(`${localStack().bucket_prefix}-${id}`);
    expect(created.headers.get('location')).toBe(`/customers/${id}`);
    expect(created.body).not.toHaveProperty('stack_operation_token');
    expect(created.body).not.toHaveProperty('record_type');

    const active = await waitForCustomerStatus(id, 'ACTIVE');
    expect(active.activated_at).toEqual(expect.any(String));
    expect(await bucketExists(created.body.s3_bucket)).toBe(true);
  });

  it('sends CloudFormation exactly one CreateStack with the template, parameters, tags, role and token', async () => {
    const customer = await activeCustomer({ customer_name: 'Stack Request Check', cost_center: 'CC-42', billing_account_id: 'BA-9' });

    const creates = (await cloudFormationRequests()).filter(
      (r) => r.action === 'CreateStack' && r.params.StackName === `portico-customer-${customer.customer_id}`,
    );

    expect(creates).toHaveLength(1);
    expect(creates[0]?.params).toEqual({
      Action: 'CreateStack',
      Version: '2010-05-15',
      StackName: `portico-customer-${customer.customer_id}`,
      TemplateURL: `${localStack().cloudformation_endpoint}/templates/customer.template.json`,
      'Parameters.member.1.ParameterKey': 'CustomerId',
      'Parameters.member.1.ParameterValue': customer.customer_id,
      'Parameters.member.2.ParameterKey': 'CostCenter',
      'Parameters.member.2.ParameterValue': 'CC-42',
      'Parameters.member.3.ParameterKey': 'BillingAccount',
      'Parameters.member.3.ParameterValue': 'BA-9',
      'Parameters.member.4.ParameterKey': 'Environment',
      'Parameters.member.4.ParameterValue': 'local',
      'Parameters.member.5.ParameterKey': 'NoncurrentVersionExpirationDays',
      'Parameters.member.5.ParameterValue': '30',
      'Parameters.member.6.ParameterKey': 'Plan',
      'Parameters.member.6.ParameterValue': customer.plan,
      'Tags.member.1.Key': 'Customer',
      'Tags.member.1.Value': customer.customer_id,
      'Tags.member.2.Key': 'CostCenter',
      'Tags.member.2.Value': 'CC-42',
      'Tags.member.3.Key': 'BillingAccount',
      'Tags.member.3.Value': 'BA-9',
      'Tags.member.4.Key': 'Environment',
      'Tags.member.4.Value': 'local',
      'Tags.member.5.Key': 'ManagedBy',
      'Tags.member.5.Value': 'portico',
      RoleARN: 'arn:aws:iam::000000000000:role/portico-local-customer-stacks',
      ClientRequestToken: `create-${customer.customer_id}-1`,
      // A failed create rolls back (the default OnFailure) and takes the bucket it made with it.
      RetainExceptOnCreate: 'true',
    });
  });

  it.each([
    ['punctuation and spaces', 'Dr. Smith & Sons, Ltd. (UK)!!', /^dr-smith-sons-ltd-uk-[0-9a-f]{8}$/],
    ['non-ASCII letters', 'Génomique Côte-d’Azur Ñandú', /^genomique-cote-d-azu-[0-9a-f]{8}$/],
    ['no ASCII letters at all', '株式会社ゲノム', /^customer-[0-9a-f]{8}$/],
    ['a long name cut at 20 characters', 'International Consortium For Human Genomes', /^international-consor-[0-9a-f]{8}$/],
  ])('derives a valid id and bucket from a name with %s', async (_case, name, expected) => {
    const customer = await activeCustomer({ customer_name: name });

    expect(customer.customer_id).toMatch(expected);
    expect(customer.customer_id).toMatch(CUSTOMER_ID_PATTERN);
    expect(customer.customer_name).toBe(name);
    expect(await bucketExists(customer.s3_bucket)).toBe(true);
  });
});

describe('Idempotency-Key on POST /customers', () => {
  it('returns the same customer for a retry and creates nothing more', async () => {
    const token = await adminToken();
    const body = customerBody();
    const headers = { 'Idempotency-Key': `retry-${Date.now()}` };

    const first = await api('POST', '/customers', { token, body, headers });
    const retry = await api('POST', '/customers', { token, body: { ...body }, headers });

    expect(first.status).toBe(202);
    expect(retry.status).toBe(202);
    expect(retry.body.customer_id).toBe(first.body.customer_id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await countCustomersLike(body)).toBe(1);
    const creates = (await cloudFormationRequests()).filter((r) => r.params.StackName === first.body.stack_name);
    // A replay while PROVISIONING re-sends the same request: same token, so one stack.
    expect(new Set(creates.map((r) => r.params.ClientRequestToken))).toEqual(new Set([`create-${first.body.customer_id}-1`]));
  });

  it('treats the same body with keys in another order as the same request', async () => {
    const token = await adminToken();
    const body = customerBody();
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const headers = { 'Idempotency-Key': `order-${Date.now()}` };

    const first = await api('POST', '/customers', { token, body, headers });
    const retry = await api('POST', '/customers', { token, body: reordered, headers });

    expect(retry.body.customer_id).toBe(first.body.customer_id);
  });

  it('answers 422 when the key is reused with a different body, and creates nothing', async () => {
    const token = await adminToken();
    const headers = { 'Idempotency-Key': `conflict-${Date.now()}` };
    await api('POST', '/customers', { token, body: customerBody(), headers });
    const other = customerBody({ max_storage_gb: 1 });

    const reused = await api('POST', '/customers', { token, body: other, headers });

    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toBe('application/problem+json');
    expect(reused.body.detail).toMatch(/Idempotency-Key was already used with a different request body/);
    expect(await countCustomersLike(other)).toBe(0);
  });

  it('answers 400 for a malformed key', async () => {
    const token = await adminToken();
    const body = customerBody();

    const response = await api('POST', '/customers', { token, body, headers: { 'Idempotency-Key': 'has spaces' } });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'Idempotency-Key', message: 'must be 1-255 visible ASCII characters' }]);
    expect(await countCustomersLike(body)).toBe(0);
  });
});

describe('provisioning failures', () => {
  it('marks a customer PROVISION_FAILED with the reason, and POST /provision retries it to ACTIVE', async () => {
    const token = await adminToken();
    const slug = `fails-once-${Date.now().toString(36)}`;
    await injectStackFault(slug, 'create', 'Resource limit exceeded for AWS::S3::Bucket');

    const created = await api('POST', '/customers', { token, body: customerBody({ customer_name: slug }) });
    const id: string = created.body.customer_id;
    const failed = await waitForCustomerStatus(id, 'PROVISION_FAILED');

    // The first failure status of the stack, as CloudFormation words it at stack level.
    expect(failed.status_reason).toBe(
      'Stack ROLLBACK_IN_PROGRESS: The following resource(s) failed to create: [Bucket83908E77]. Rollback requested by user.',
    );

    await waitForStackStatus(created.body.stack_name, 'ROLLBACK_COMPLETE');
    const retried = await api('POST', `/customers/${id}/provision`, { token });
    expect(retried.status).toBe(202);
    expect(retried.body.status).toBe('PROVISIONING');
    expect(retried.body).not.toHaveProperty('status_reason');
    const active = await waitForCustomerStatus(id, 'ACTIVE');
    expect(active.status).toBe('ACTIVE');

    const calls = (await cloudFormationRequests()).filter((r) => r.params.StackName === `portico-customer-${id}` && r.action !== 'DescribeStacks');
    expect(calls.map((r) => [r.action, r.params.ClientRequestToken])).toEqual([
      ['CreateStack', `create-${id}-1`],
      ['DeleteStack', `cleanup-${id}-2`],
      ['CreateStack', `create-${id}-2`],
    ]);
  });

  it('answers 409 to a provisioning retry of an ACTIVE customer', async () => {
    const customer = await activeCustomer();

    const response = await api('POST', `/customers/${customer.customer_id}/provision`, { token: await adminToken() });

    expect(response.status).toBe(409);
    expect(response.body.current_status).toBe('ACTIVE');
  });
});
