import { describe, expect, it } from 'vitest';
import { activeCustomer, adminToken, api } from '../../support/local-stack.ts';
import { pairedSample, requestWith } from '../../unit/worksets/fixtures.ts';
import { worksetTenant } from './workset-support.ts';

const readsIn = (bucket: string) => requestWith({ samples: [{ ...pairedSample('s1'), fastq_r1: `s3://${bucket}/runs/s1_R1.fq.gz`, fastq_r2: `s3://${bucket}/runs/s1_R2.fq.gz` }] });

describe("POST /worksets/generate-yaml and customers' buckets", () => {
  it("refuses another customer's bucket with 403 naming each field, and allows the caller's own, a platform admin, and buckets Portico does not own", async () => {
    const { customer, member } = await worksetTenant();
    const other = await activeCustomer();

    const own = await api('POST', '/worksets/generate-yaml', { token: member.token, body: readsIn(customer.s3_bucket) });
    const foreign = await api('POST', '/worksets/generate-yaml', {
      token: member.token,
      body: { ...readsIn(other.s3_bucket), export_uri: `s3://${other.s3_bucket}/out/` },
    });
    const asAdmin = await api('POST', '/worksets/generate-yaml', { token: await adminToken(), body: readsIn(other.s3_bucket) });
    const external = await api('POST', '/worksets/generate-yaml', { token: member.token, body: readsIn('acme-sequencing-core') });

    expect(own.status).toBe(200);
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('content-type')).toBe('application/problem+json');
    expect(foreign.body.errors.map((e: { field: string }) => e.field)).toEqual(['samples.0.fastq_r1', 'samples.0.fastq_r2', 'export_uri']);
    expect(asAdmin.status).toBe(200);
    expect(external.status).toBe(200);
  });
});
