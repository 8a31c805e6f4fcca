import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { activeCustomer, addMember, api, countCustomerItems, createTestUser, localS3, localStack, type TestUser } from '../../support/local-stack.ts';

/**
 * Uploads reserve their bytes against the storage quota in the same
 * conditional write that checks it (issue 7, item 7). Before, 20 parallel
 * 600 MiB uploads against a 1 GiB quota were all authorised.
 */
const MIB = 1024 * 1024;

const documents = () =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: localStack().dynamodb_endpoint, region: localStack().region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );

async function counter(customerId: string): Promise<{ storage_bytes: number; reserved_bytes: number }> {
  const { Item } = await documents().send(
    new GetCommand({ TableName: localStack().tables.usage, Key: { customer_id: customerId, record: 'counters' }, ConsistentRead: true }),
  );
  return { storage_bytes: Number(Item?.storage_bytes ?? 0), reserved_bytes: Number(Item?.reserved_bytes ?? 0) };
}

async function waitForCounter(customerId: string, expected: { storage_bytes: number; reserved_bytes: number }): Promise<void> {
  const deadline = Date.now() + 5000;
  let last = await counter(customerId);
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    last = await counter(customerId);
  }
  expect(last).toEqual(expected);
}

async function smallCustomer(gb: number): Promise<{ customerId: string; bucket: string; user: TestUser }> {
  const customer = await activeCustomer({ max_storage_gb: gb });
  const user = await createTestUser();
  await addMember(customer.customer_id, user.email, 'member');
  return { customerId: customer.customer_id, bucket: customer.s3_bucket, user };
}

const upload = (customerId: string, user: TestUser, size: number, filename = 'r_R1.fastq.gz') =>
  api('POST', `/customers/${customerId}/uploads`, { token: user.token, body: { filename, size_bytes: size } });

describe('storage reservations', () => {
  it('admits exactly what fits when 20 uploads of 600 MiB race for a 1 GiB quota', async () => {
    const { customerId, user } = await smallCustomer(1);

    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => upload(customerId, user, 600 * MIB, `race${i}_R1.fq.gz`)));

    const admitted = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status === 429);
    expect(admitted).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const answer of refused) {
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(answer.body).toMatchObject({ quota: 'max_storage_gb', limit: 1, used: 0, used_bytes: 0, reserved_bytes: 600 * MIB, limit_bytes: 1024 * MIB, requested_bytes: 600 * MIB });
    }
    expect(await counter(customerId)).toEqual({ storage_bytes: 0, reserved_bytes: 600 * MIB });
    expect(admitted[0]?.body.reserved_bytes).toBe(600 * MIB);
  });

  it('releases the reservation on abort, so the next upload fits', async () => {
    const { customerId, user } = await smallCustomer(1);
    const first = await upload(customerId, user, 600 * MIB);
    expect((await upload(customerId, user, 600 * MIB)).status).toBe(429);

    const aborted = await api('POST', first.body.abort, { token: user.token });

    expect(aborted.body).toMatchObject({ state: 'ABORTED', reserved_bytes: 0 });
    expect(await counter(customerId)).toEqual({ storage_bytes: 0, reserved_bytes: 0 });
    expect((await upload(customerId, user, 600 * MIB)).status).toBe(201);
  });

  it('turns the reservation into storage when the object arrives, once', async () => {
    const { customerId, user } = await smallCustomer(1);
    const ticket = await upload(customerId, user, 3 * MIB);
    expect(await counter(customerId)).toEqual({ storage_bytes: 0, reserved_bytes: 3 * MIB });

    const put = await fetch(ticket.body.url, { method: 'PUT', headers: ticket.body.headers, body: Buffer.alloc(3 * MIB, 1) });

    expect(put.status).toBe(200);
    await waitForCounter(customerId, { storage_bytes: 3 * MIB, reserved_bytes: 0 });
    const statistics = await api('GET', `/customers/${customerId}/statistics`, { token: user.token });
    expect(statistics.body.storage).toMatchObject({ storage_bytes: 3 * MIB, reserved_bytes: 0 });
  });

  it('refuses a part carrying more bytes than its URL signed', async () => {
    const { customerId, bucket, user } = await smallCustomer(1);
    const ticket = await upload(customerId, user, 20 * MIB);
    const part = ticket.body.parts[0];
    expect(new URL(part.url).searchParams.get('X-Amz-SignedHeaders')).toContain('content-length');

    const tooBig = await fetch(part.url, { method: 'PUT', body: Buffer.alloc(part.size_bytes + MIB) });

    expect(tooBig.status).toBe(403);
    await api('POST', ticket.body.abort, { token: user.token });
    expect(await localS3().send(new HeadObjectCommand({ Bucket: bucket, Key: ticket.body.key })).catch(() => 'absent')).toBe('absent');
  });

  it('deletes a completed object of the wrong size, answers 422 and releases the reservation', async () => {
    const { customerId, bucket, user } = await smallCustomer(1);
    const ticket = await upload(customerId, user, 20 * MIB);
    const parts = [];
    for (const part of ticket.body.parts.slice(0, 3)) {
      const response = await fetch(part.url, { method: 'PUT', headers: part.headers, body: Buffer.alloc(part.size_bytes, 2) });
      expect(response.status).toBe(200);
      parts.push({ part_number: part.part_number, etag: response.headers.get('etag') as string });
    }

    // Three of the four parts: a 15 MiB object where 20 MiB were declared.
    const done = await api('POST', ticket.body.complete, { token: user.token, body: { parts } });

    expect(done.status).toBe(422);
    expect(done.headers.get('content-type')).toBe('application/problem+json');
    expect(done.body.detail).toBe(`The completed object has ${15 * MIB} bytes, not the ${20 * MIB} declared. The object was deleted; start a new upload.`);
    expect(await localS3().send(new HeadObjectCommand({ Bucket: bucket, Key: ticket.body.key })).catch(() => 'absent')).toBe('absent');
    await waitForCounter(customerId, { storage_bytes: 0, reserved_bytes: 0 });
  });

  it('releases what an unfinished upload reserved once its URLs have long expired, and aborts its multipart upload', async () => {
    const { customerId, user } = await smallCustomer(1);
    const single = await upload(customerId, user, 300 * MIB);
    const multi = await upload(customerId, user, 300 * MIB);
    const longAgo = new Date(Date.now() - 3 * 60 * 60 * 1000).toISOString();
    for (const ticket of [single, multi]) {
      await documents().send(
        new UpdateCommand({
          TableName: localStack().tables.uploads,
          Key: { customer_id: customerId, upload_id: ticket.body.upload_id },
          UpdateExpression: 'SET url_expires_at = :t',
          ExpressionAttributeValues: { ':t': longAgo },
        }),
      );
    }
    const before = await countCustomerItems('uploads', customerId);

    const sweep = await fetch(`${localStack().control_url}/schedules/uploads.expire/run`, { method: 'POST' });
    const again = await fetch(`${localStack().control_url}/schedules/uploads.expire/run`, { method: 'POST' });

    expect(sweep.status).toBe(200);
    expect(((await sweep.json()) as { result: { released: number } }).result.released).toBeGreaterThanOrEqual(2);
    expect(again.status).toBe(200);
    expect(await counter(customerId)).toEqual({ storage_bytes: 0, reserved_bytes: 0 });
    const state = async (id: string) =>
      (await documents().send(new GetCommand({ TableName: localStack().tables.uploads, Key: { customer_id: customerId, upload_id: id } }))).Item;
    expect(await state(single.body.upload_id)).toMatchObject({ state: 'EXPIRED', reserved_bytes: 0 });
    expect(await state(multi.body.upload_id)).toMatchObject({ state: 'EXPIRED', reserved_bytes: 0 });
    expect(await countCustomerItems('uploads', customerId)).toBe(before);
    // The multipart upload is gone in S3: completing it now fails.
    const lateComplete = await api('POST', multi.body.complete, { token: user.token, body: { parts: [{ part_number: 1, etag: '"x"' }] } });
    expect(lateComplete.status).toBe(409);
  });
});
