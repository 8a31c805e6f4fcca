import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCustomer, localStack } from '../../support/local-stack.ts';
import { CliHarness } from './cli-harness.ts';

const MIB = 1024 * 1024;

const localS3 = () =>
  new S3Client({ endpoint: localStack().s3_endpoint, region: localStack().region, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });

/** A fetch that records the presigned part PUTs (by part number and answer) and fails the ones `fail` picks, once each. */
function partRecorder(fail: (partNumber: number) => boolean = () => false) {
  const sent: { part: number; status: number }[] = [];
  const failed = new Set<number>();
  const fetcher: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const part = Number(url.searchParams.get('partNumber'));
    if (init?.method !== 'PUT' || !part) return globalThis.fetch(input, init);
    if (fail(part) && !failed.has(part)) {
      failed.add(part);
      sent.push({ part, status: 500 });
      return new Response('<Error><Code>InternalError</Code></Error>', { status: 500 });
    }
    const response = await globalThis.fetch(input, init);
    sent.push({ part, status: response.status });
    return response;
  };
  return { fetcher, sent, succeeded: () => sent.filter((s) => s.status === 200).map((s) => s.part).sort((a, b) => a - b) };
}

describe('portico uploads put, interrupted', () => {
  const cli = new CliHarness();
  let customerId = '';

  beforeAll(async () => {
    customerId = (await activeCustomer()).customer_id;
    await cli.signedInAsAdmin();
  });
  afterAll(() => cli.remove());

  const stateFiles = () => {
    try {
      return readdirSync(join(cli.configDir, 'uploads'));
    } catch {
      return [];
    }
  };

  it('sends only the missing parts when run again, and the object lands whole', async () => {
    const file = cli.file('resume_R1.fastq.gz', Buffer.alloc(20 * MIB, 3));
    const first = partRecorder((part) => part === 3);

    const interrupted = await cli.run(['uploads', 'put', file, '--customer', customerId, '--concurrency', '1'], { fetch: first.fetcher });

    expect(interrupted.code).toBe(1);
    expect(interrupted.stderr).toContain('Error: The upload stopped at part 3: HTTP 500');
    expect(interrupted.stderr).toContain('2 of 4 parts are sent: run the same command again to send the rest');
    expect(first.succeeded()).toEqual([1, 2]);
    expect(stateFiles()).toHaveLength(1);

    const second = partRecorder();
    const resumed = await cli.run(['uploads', 'put', file, '--customer', customerId, '--json'], { fetch: second.fetcher });

    expect(resumed.stderr).toContain('2 of 4 parts already sent');
    expect(resumed.code).toBe(0);
    expect(second.sent.map((s) => s.part).sort((a, b) => a - b)).toEqual([3, 4]);
    const upload = JSON.parse(resumed.stdout) as { bucket: string; key: string; state: string };
    expect(upload.state).toBe('COMPLETED');
    expect((await localS3().send(new HeadObjectCommand({ Bucket: upload.bucket, Key: upload.key }))).ContentLength).toBe(20 * MIB);
    expect(stateFiles()).toEqual([]);
  });

  it('starts afresh when the interrupted upload expired', async () => {
    const file = cli.file('expired_R1.fastq.gz', Buffer.alloc(17 * MIB, 4));
    const first = partRecorder((part) => part === 2);
    expect((await cli.run(['uploads', 'put', file, '--customer', customerId, '--concurrency', '1'], { fetch: first.fetcher })).code).toBe(1);
    const [stateFile] = stateFiles();
    const path = join(cli.configDir, 'uploads', stateFile as string);
    const state = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...state, upload: { ...state.upload, expires_at: new Date(Date.now() - 1000).toISOString() } }));

    const second = partRecorder();
    const again = await cli.run(['uploads', 'put', file, '--customer', customerId, '--json'], { fetch: second.fetcher });

    expect(again.stderr).toContain(`The interrupted upload ${state.upload.upload_id} expired; aborting it and starting afresh.`);
    expect(again.code).toBe(0);
    expect(second.sent.map((s) => s.part).sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
    expect(JSON.parse(again.stdout).upload_id).not.toBe(state.upload.upload_id);
  });

  it('aborts the interrupted upload of a file that changed since, so it holds no quota, and uploads the file as it is now', async () => {
    const file = cli.file('changed_R1.fastq.gz', Buffer.alloc(17 * MIB, 5));
    const first = partRecorder((part) => part === 2);
    expect((await cli.run(['uploads', 'put', file, '--customer', customerId, '--concurrency', '1'], { fetch: first.fetcher })).code).toBe(1);
    const [stateFile] = stateFiles();
    const old = JSON.parse(readFileSync(join(cli.configDir, 'uploads', stateFile as string), 'utf8'));
    writeFileSync(file, Buffer.alloc(17 * MIB + 1, 6));

    const again = await cli.run(['uploads', 'put', file, '--customer', customerId, '--json'], { fetch: partRecorder().fetcher });

    expect(again.stderr).toContain(`The interrupted upload ${old.upload.upload_id} was for the file as it was before it changed; aborting it and starting afresh.`);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ size_bytes: 17 * MIB + 1, state: 'COMPLETED' });
    expect(stateFiles()).toEqual([]);
    const usage = JSON.parse((await cli.run(['usage', 'show', '--customer', customerId, '--json'])).stdout);
    expect(usage.reserved_bytes).toBe(0);
  });
});
