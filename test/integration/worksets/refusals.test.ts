import { describe, expect, it } from 'vitest';
import { admitWorkset, type AdmissionRefusal } from '#shared/workset-lifecycle/admission.ts';
import { monthResetsAt, refusalProblem } from '#shared/workset-lifecycle/refusals.ts';
import { newWorksetId } from '#shared/workset-lifecycle/workset-id.ts';
import { monthOf } from '#shared/usage/counters.ts';
import { activeCustomer, adminToken, api, type ApiResponse } from '../../support/local-stack.ts';
import { pairedSample, requestWith } from '../../unit/worksets/fixtures.ts';
import { setQuotas, setStoredBytes, submit, worksetTenant } from './workset-support.ts';

const GIB = 1024 ** 3;

function expectProblem(response: ApiResponse, status: number): void {
  expect([response.status, response.text]).toEqual([status, expect.any(String)]);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.body.status).toBe(status);
}

/** Worksets the customer has, straight from the API. */
async function worksetCount(customerId: string, token: string): Promise<number> {
  return (await api('GET', `/customers/${customerId}/worksets`, { token })).body.worksets.length;
}

describe('submission refusals', () => {
  it('refuses an inactive customer with 403 and its status, writing nothing', async () => {
    const { customer, member } = await worksetTenant();
    await api('POST', `/customers/${customer.customer_id}/deactivate`, { token: await adminToken() });

    const response = await submit(customer.customer_id, member.token);

    expectProblem(response, 403);
    expect(response.body.detail).toBe(`Customer ${customer.customer_id} is deactivated; changes are refused until it is active.`);
    expect(await worksetCount(customer.customer_id, member.token)).toBe(0);
  });

  it('admission itself refuses a customer deactivated after the guard let the request in (the status mirrored on its counter item)', async () => {
    const { customer } = await worksetTenant();
    await api('POST', `/customers/${customer.customer_id}/deactivate`, { token: await adminToken() });
    const limits = { limit: 10, mode: 'enforce' } as const;

    const result = await admitWorkset(customer.customer_id, newWorksetId(new Date()), { maxConcurrentWorksets: limits, maxRunsPerMonth: limits, maxStorageGb: limits });

    expect(result).toMatchObject({ admitted: false, refusal: { reason: 'inactive', status: 'INACTIVE' } });
    const problem = refusalProblem(customer.customer_id, (result as { refusal: AdmissionRefusal }).refusal);
    expect(problem.status).toBe(403);
    expect(problem.extensions).toEqual({ customer_status: 'INACTIVE' });
  });

  it('refuses the 11th concurrent workset with 429: "10 of 10 concurrent worksets in use"', async () => {
    const { customer, member } = await worksetTenant({ max_concurrent_worksets: 10 });
    for (let i = 0; i < 10; i++) expect((await submit(customer.customer_id, member.token)).status).toBe(201);

    const response = await submit(customer.customer_id, member.token);

    expectProblem(response, 429);
    expect(response.body).toMatchObject({ quota: 'max_concurrent_worksets', limit: 10, used: 10 });
    expect(response.body.detail).toContain('10 of 10 concurrent worksets in use');
  });

  it("refuses a month's runs past the limit with 429, the reset date and Retry-After", async () => {
    const { customer, member } = await worksetTenant();
    await setQuotas(customer.customer_id, { max_runs_per_month: { limit: 2 } });
    for (let i = 0; i < 2; i++) {
      const admitted = await submit(customer.customer_id, member.token);
      await api('POST', `/customers/${customer.customer_id}/worksets/${admitted.body.workset_id}/cancel`, { token: member.token });
    }

    const response = await submit(customer.customer_id, member.token);

    expectProblem(response, 429);
    const resetsAt = monthResetsAt(monthOf(new Date()));
    expect(response.body).toMatchObject({ quota: 'max_runs_per_month', limit: 2, used: 2, resets_at: resetsAt.toISOString() });
    expect(response.body.detail).toContain(`the count starts again on ${resetsAt.toISOString().slice(0, 10)}`);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(Math.abs(retryAfter - (resetsAt.getTime() - Date.now()) / 1000)).toBeLessThan(60);
  });

  it('refuses a customer at its storage limit with 429 naming used and limit in GB', async () => {
    const { customer, member } = await worksetTenant({ max_storage_gb: 2 });
    await setStoredBytes(customer.customer_id, 2.5 * GIB);

    const response = await submit(customer.customer_id, member.token);

    expectProblem(response, 429);
    expect(response.body).toMatchObject({ quota: 'max_storage_gb', limit: 2, used: 2.5 });
    expect(response.body.detail).toContain('2.5 GB of the 2 GB storage quota are in use');
  });

  it('refuses more samples than the per-workset limit with 422, counting samples (not lanes)', async () => {
    const { customer, member } = await worksetTenant();
    await setQuotas(customer.customer_id, { max_samples_per_workset: { limit: 2 } });
    const lanes = [pairedSample('a'), { ...pairedSample('a'), fastq_r1: 'l2/a_R1.fq.gz', fastq_r2: 'l2/a_R2.fq.gz' }, pairedSample('b')];

    const twoSamplesThreeLanes = await submit(customer.customer_id, member.token, requestWith({ samples: lanes }));
    const threeSamples = await submit(customer.customer_id, member.token, requestWith({ samples: [...lanes, pairedSample('c')] }));

    expect(twoSamplesThreeLanes.status).toBe(201);
    expectProblem(threeSamples, 422);
    expect(threeSamples.body).toMatchObject({ quota: 'max_samples_per_workset', limit: 2, used: 3 });
    expect(await worksetCount(customer.customer_id, member.token)).toBe(1);
  });

  it("refuses reads or an export URI in another customer's bucket with 403, taking no slot", async () => {
    const { customer, member } = await worksetTenant({ max_concurrent_worksets: 1 });
    const other = await activeCustomer();
    const foreign = `s3://${other.s3_bucket}/secret/x_R1.fq.gz`;

    const reads = await submit(customer.customer_id, member.token, requestWith({ samples: [{ ...pairedSample('x'), fastq_r1: foreign }] }));
    const exportTo = await submit(customer.customer_id, member.token, requestWith({ export_uri: `s3://${other.s3_bucket}/results/` }));

    expectProblem(reads, 403);
    expect(reads.body.errors[0]).toMatchObject({ field: 'samples.0.fastq_r1' });
    expectProblem(exportTo, 403);
    expect(exportTo.body.errors[0]).toMatchObject({ field: 'export_uri' });
    expect((await submit(customer.customer_id, member.token)).status).toBe(201);
  });

  it('refuses a malformed workset with 400 naming the field, writing nothing', async () => {
    const { customer, member } = await worksetTenant();

    const response = await submit(customer.customer_id, member.token, requestWith({ reference_genome: 'hg19' }));

    expectProblem(response, 400);
    expect(response.body.errors[0]).toMatchObject({ field: 'reference_genome' });
    expect(await worksetCount(customer.customer_id, member.token)).toBe(0);
  });
});

describe('a quota in warn mode', () => {
  it('admits past the limit and says so in the answer', async () => {
    const { customer, member } = await worksetTenant({ max_concurrent_worksets: 1 });
    await setQuotas(customer.customer_id, { max_concurrent_worksets: { mode: 'warn' } });

    const first = await submit(customer.customer_id, member.token);
    const second = await submit(customer.customer_id, member.token);

    expect(first.status).toBe(201);
    expect(first.body.quota_warnings).toBeUndefined();
    expect(second.status).toBe(201);
    expect(second.body.quota_warnings).toEqual([
      { quota: 'max_concurrent_worksets', limit: 1, used: 1, detail: '1 of 1 concurrent worksets were already in use' },
    ]);
  });
});

describe('Idempotency-Key on submission', () => {
  it('makes 10 parallel retries one workset holding one slot; the same key with another body is 422', async () => {
    const { customer, member } = await worksetTenant({ max_concurrent_worksets: 2 });
    const headers = { 'Idempotency-Key': `submit-${Date.now()}` };

    const answers = await Promise.all(Array.from({ length: 10 }, () => submit(customer.customer_id, member.token, requestWith(), headers)));
    const other = await submit(customer.customer_id, member.token, requestWith({ priority: 'low' }), headers);

    const ok = answers.filter((a) => a.status === 200 || a.status === 201);
    expect(answers.filter((a) => a.status >= 300).map((a) => a.text)).toEqual([]);
    expect(ok).toHaveLength(10);
    expect(new Set(ok.map((a) => a.body.workset_id)).size).toBe(1);
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1);
    expectProblem(other, 422);
    expect(await worksetCount(customer.customer_id, member.token)).toBe(1);
    // One slot taken: exactly one more fits.
    expect((await submit(customer.customer_id, member.token)).status).toBe(201);
    expect((await submit(customer.customer_id, member.token)).status).toBe(429);
  });
});
