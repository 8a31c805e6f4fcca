import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { activeCustomer, addMember, adminToken, api, countCustomerItems, createTestUser, localS3, tenant, type TestUser } from '../../support/local-stack.ts';

const MIB = 1024 * 1024;


async function storedSize(bucket: string, key: string): Promise<number | undefined> {
  try {
    return (await localS3().send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ContentLength;
  } catch {
    return undefined;
  }
}

/** Storage as the statistics route reads it from the usage counter, once the S3 event has been counted. */
async function waitForStorageBytes(customerId: string, token: string, expected: number): Promise<void> {
  const deadline = Date.now() + 5000;
  let last = -1;
  while (Date.now() < deadline) {
    last = (await api('GET', `/customers/${customerId}/statistics`, { token })).body.storage.storage_bytes;
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`storage_bytes stayed ${last}, expected ${expected}`);
}

let customer: any;
let member: TestUser;
beforeAll(async () => {
  ({ customer, member } = await tenant());
});

describe('POST /customers/{customer_id}/uploads', () => {
  it('puts a 12 MiB file straight into the customer bucket through a presigned PUT, and counts it', async () => {
    const size = 12 * MIB;

    const ticket = await api('POST', `/customers/${customer.customer_id}/uploads`, {
      token: member.token,
      body: { filename: 'NA12878_R1.fastq.gz', size_bytes: size, content_type: 'application/gzip' },
    });

    expect(ticket.status).toBe(201);
    expect(ticket.body).toMatchObject({ multipart: false, method: 'PUT', bucket: customer.s3_bucket, filename: 'NA12878_R1.fastq.gz', state: 'PENDING' });
    expect(ticket.body.key).toMatch(/^uploads\/\d{4}\/\d{2}\/\d{2}\/up-[0-9a-f]{24}\/NA12878_R1\.fastq\.gz$/);
    expect(ticket.body.key).toContain(ticket.body.upload_id);
    const expiresIn = Date.parse(ticket.body.expires_at) - Date.now();
    expect(expiresIn).toBeGreaterThan(14 * 60 * 1000);
    expect(expiresIn).toBeLessThanOrEqual(15 * 60 * 1000);
    expect(new URL(ticket.body.url).searchParams.get('X-Amz-Expires')).toBe('900');

    const put = await fetch(ticket.body.url, { method: 'PUT', headers: ticket.body.headers, body: Buffer.alloc(size, 7) });

    expect(put.status).toBe(200);
    expect(await storedSize(customer.s3_bucket, ticket.body.key)).toBe(size);
    await waitForStorageBytes(customer.customer_id, member.token, size);
  });

  it('uploads a 20 MiB file through the multipart flow and completes it from the part ETags', async () => {
    const size = 20 * MIB;
    const ticket = await api('POST', `/customers/${customer.customer_id}/uploads`, { token: member.token, body: { filename: 'big_R2.fq.gz', size_bytes: size } });

    expect(ticket.status).toBe(201);
    expect(ticket.body.multipart).toBe(true);
    expect(ticket.body.part_size_bytes).toBe(5 * MIB);
    expect(ticket.body.parts.map((p: { part_number: number; size_bytes: number }) => [p.part_number, p.size_bytes])).toEqual([
      [1, 5 * MIB],
      [2, 5 * MIB],
      [3, 5 * MIB],
      [4, 5 * MIB],
    ]);

    const parts = [];
    for (const part of ticket.body.parts) {
      const response = await fetch(part.url, { method: 'PUT', body: Buffer.alloc(part.size_bytes, part.part_number) });
      expect(response.status).toBe(200);
      parts.push({ part_number: part.part_number, etag: response.headers.get('etag') as string });
    }
    const done = await api('POST', ticket.body.complete, { token: member.token, body: { parts } });

    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ upload_id: ticket.body.upload_id, state: 'COMPLETED', size_bytes: size });
    expect(await storedSize(customer.s3_bucket, ticket.body.key)).toBe(size);
    const again = await api('POST', ticket.body.complete, { token: member.token, body: { parts } });
    expect(again.status).toBe(200);
    expect(again.body.state).toBe('COMPLETED');
  });

  it('aborts a multipart upload; completing it afterwards is a 409', async () => {
    const ticket = await api('POST', `/customers/${customer.customer_id}/uploads`, { token: member.token, body: { filename: 'x_R1.fq', size_bytes: 17 * MIB } });

    const aborted = await api('POST', ticket.body.abort, { token: member.token });
    const complete = await api('POST', ticket.body.complete, { token: member.token, body: { parts: [{ part_number: 1, etag: '"x"' }] } });

    expect(aborted.status).toBe(200);
    expect(aborted.body.state).toBe('ABORTED');
    expect(complete.status).toBe(409);
  });

  it('answers 409 to complete or abort on a single-PUT upload and 404 on an unknown one', async () => {
    const ticket = await api('POST', `/customers/${customer.customer_id}/uploads`, { token: member.token, body: { filename: 's_R1.fq', size_bytes: 10 } });

    const complete = await api('POST', `/customers/${customer.customer_id}/uploads/${ticket.body.upload_id}/complete`, {
      token: member.token,
      body: { parts: [{ part_number: 1, etag: 'e' }] },
    });
    const unknown = await api('POST', `/customers/${customer.customer_id}/uploads/up-${'0'.repeat(24)}/abort`, { token: member.token });

    expect(complete.status).toBe(409);
    expect(unknown.status).toBe(404);
  });

  it('keeps only the sanitized last segment of the name', async () => {
    const ticket = await api('POST', `/customers/${customer.customer_id}/uploads`, {
      token: member.token,
      body: { filename: '../../etc/My Sample #1 R1.FASTQ.GZ', size_bytes: 100 },
    });

    expect(ticket.status).toBe(201);
    expect(ticket.body.filename).toBe('My_Sample_1_R1.fastq.gz');
    expect(ticket.body.key).not.toContain('..');
  });

  it('signs the checksum when sha256 is given, so S3 checks what arrives', async () => {
    const sha256 = 'a'.repeat(64);

    const ticket = await api('POST', `/customers/${customer.customer_id}/uploads`, { token: member.token, body: { filename: 's_R1.fq', size_bytes: 10, sha256 } });

    expect(ticket.body.headers['x-amz-checksum-sha256']).toBe(Buffer.from(sha256, 'hex').toString('base64'));
    expect(new URL(ticket.body.url).searchParams.get('X-Amz-SignedHeaders')).toContain('x-amz-checksum-sha256');
  });

  it('answers 429 with used and limit when the file would exceed the storage quota', async () => {
    const small = await activeCustomer({ max_storage_gb: 1 });
    const user = await createTestUser();
    await addMember(small.customer_id, user.email, 'member');
    const first = await api('POST', `/customers/${small.customer_id}/uploads`, { token: user.token, body: { filename: 'a_R1.fq', size_bytes: 3 * MIB } });
    await fetch(first.body.url, { method: 'PUT', headers: first.body.headers, body: Buffer.alloc(3 * MIB) });
    await waitForStorageBytes(small.customer_id, user.token, 3 * MIB);
    const before = await countCustomerItems('uploads', small.customer_id);

    const refused = await api('POST', `/customers/${small.customer_id}/uploads`, { token: user.token, body: { filename: 'b_R1.fq', size_bytes: 1024 ** 3 } });

    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body).toMatchObject({ quota: 'max_storage_gb', limit: 1, used_bytes: 3 * MIB, limit_bytes: 1024 ** 3, requested_bytes: 1024 ** 3, max_storage_gb: 1 });
    expect(await countCustomerItems('uploads', small.customer_id)).toBe(before);
  });

  it.each([
    [{ filename: 'reads.bam', size_bytes: 10 }, 'filename', /FASTQ file name/],
    [{ filename: '.fq', size_bytes: 10 }, 'filename', /FASTQ file name/],
    [{ filename: 'a_R1.fq', size_bytes: 0 }, 'size_bytes', /at least 1/],
    [{ filename: 'a_R1.fq', size_bytes: 1.5 }, 'size_bytes', /whole number/],
    [{ filename: 'a_R1.fq', size_bytes: 6 * 1024 ** 4 }, 'size_bytes', /5 TiB/],
    [{ filename: 'a_R1.fq', size_bytes: 10, sha256: 'abc' }, 'sha256', /64 hexadecimal/],
    [{ filename: 'a_R1.fq', size_bytes: 10, content_type: 'not a type' }, 'content_type', /MIME type/],
    [{ filename: 'a_R1.fq', size_bytes: 10, bucket: 'elsewhere' }, 'bucket', /not a known field/],
    [{ size_bytes: 10 }, 'filename', /is required/],
  ])('refuses %j with 400 naming the field and records nothing', async (body, field, message) => {
    const before = await countCustomerItems('uploads', customer.customer_id);

    const response = await api('POST', `/customers/${customer.customer_id}/uploads`, { token: member.token, body });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const error = response.body.errors.find((e: { field: string }) => e.field === field);
    expect(error.message).toMatch(message);
    expect(await countCustomerItems('uploads', customer.customer_id)).toBe(before);
  });

  it('lists the accepted extensions for a name that is not FASTQ', async () => {
    const response = await api('POST', `/customers/${customer.customer_id}/uploads`, { token: member.token, body: { filename: 'x.txt', size_bytes: 1 } });

    expect(response.body.errors[0].accepted).toEqual(['.fastq', '.fq', '.fastq.gz', '.fq.gz']);
  });

  it("gives no URL to another customer's member", async () => {
    const outsider = await tenant();

    const response = await api('POST', `/customers/${customer.customer_id}/uploads`, { token: outsider.member.token, body: { filename: 'a_R1.fq', size_bytes: 10 } });

    expect(response.status).toBe(403);
    expect(response.body.detail).toBe('You do not have access to this customer.');
    expect(response.text).not.toContain('X-Amz-Signature');
  });

  it('refuses uploads to a deactivated customer', async () => {
    const other = await tenant();
    await api('POST', `/customers/${other.customer.customer_id}/deactivate`, { token: await adminToken() });

    const response = await api('POST', `/customers/${other.customer.customer_id}/uploads`, { token: other.member.token, body: { filename: 'a_R1.fq', size_bytes: 10 } });

    expect(response.status).toBe(403);
    expect(response.body.customer_status).toBe('INACTIVE');
  });
});

describe('POST /customers/{customer_id}/uploads/{upload_id}/complete refuses bad parts', () => {
  it.each([
    [{}, 'parts', /is required/],
    [{ parts: [] }, 'parts', /at least one part/],
    [{ parts: [{ part_number: 2, etag: 'a' }, { part_number: 1, etag: 'b' }] }, 'parts', /ascending/],
    [{ parts: [{ part_number: 0, etag: 'a' }] }, 'parts.0.part_number', /at least 1/],
    [{ parts: [{ part_number: 1 }] }, 'parts.0.etag', /is required/],
    [{ parts: [{ part_number: 99, etag: 'a' }] }, 'parts', /beyond the 4 parts/],
  ])('%j answers 400 naming the field, and the upload stays PENDING', async (body, field, message) => {
    const ticket = await api('POST', `/customers/${customer.customer_id}/uploads`, { token: member.token, body: { filename: 'p_R1.fq', size_bytes: 20 * MIB } });

    const response = await api('POST', ticket.body.complete, { token: member.token, body });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body.errors[0].field).toBe(field);
    expect(response.body.errors[0].message).toMatch(message);
    const abort = await api('POST', ticket.body.abort, { token: member.token });
    expect(abort.body.state).toBe('ABORTED');
  });
});
