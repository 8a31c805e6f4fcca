import { statSync } from 'node:fs';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localStack } from '../../support/local-stack.ts';
import { CliHarness, unique } from './cli-harness.ts';

const MIB = 1024 * 1024;

function localS3(): S3Client {
  return new S3Client({
    endpoint: localStack().s3_endpoint,
    region: localStack().region,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
}

// The "done when", through the CLI: login, onboard with --wait, list, upload 20 MiB.
describe('portico, from login to an uploaded file', () => {
  const cli = new CliHarness();
  const name = unique('Acme Genomics');
  const email = `admin-${name.split(' ')[2]}@acme.example`;
  let customerId = '';

  beforeAll(() => cli.signedInAsAdmin());
  afterAll(() => cli.remove());

  it('caches the tokens owner-only: credentials.json 0600 in a 0700 folder', () => {
    expect(statSync(`${cli.configDir}/credentials.json`).mode & 0o777).toBe(0o600);
    expect(statSync(cli.configDir).mode & 0o777).toBe(0o700);
    expect(Object.keys(cli.credentials().apis)).toEqual([localStack().api_url]);
  });

  it('customers create --wait shows the status on stderr and ends ACTIVE', async () => {
    const created = await cli.run(['customers', 'create', '--name', name, '--email', email, '--billing-account', 'BA-12345', '--cost-center', 'CC-GENOMICS', '--wait']);

    expect(created.code).toBe(0);
    expect(created.stderr).toMatch(/PROVISIONING/);
    expect(created.stderr).toMatch(/is ACTIVE: bucket \S+/);
    customerId = /customer_id\s*│\s*(\S+)/.exec(created.stdout)?.[1] ?? '';
    expect(customerId).toMatch(/^acme-genomics-[0-9a-z-]+-[0-9a-f]{8}$/);
    expect(created.stdout).toMatch(/status\s*│\s*ACTIVE/);
  });

  it('customers create --wait waits through a 503 while polling', async () => {
    let refused = 0;
    // The first read of the new customer answers 503, as an unavailable DynamoDB would.
    const flaky = async (input: string | URL | Request, init?: RequestInit) => {
      const request = new Request(input, init);
      if (request.method === 'GET' && /\/customers\/[^/]+$/.test(new URL(request.url).pathname) && refused === 0) {
        refused += 1;
        const problem = { type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'DynamoDB timed out; retry.' };
        return new Response(JSON.stringify(problem), { status: 503, headers: { 'content-type': 'application/problem+json', 'retry-after': '1' } });
      }
      return fetch(request);
    };

    const created = await cli.run(['customers', 'create', '--name', unique('Flaky Genomics'), '--email', email, '--billing-account', 'BA-1', '--cost-center', 'CC-1', '--wait', '--json'], { fetch: flaky });

    expect(refused).toBe(1);
    expect(created.code).toBe(0);
    expect((JSON.parse(created.stdout) as { status: string }).status).toBe('ACTIVE');
  });

  it('customers list shows it, as a table and as JSON', async () => {
    const table = await cli.run(['customers', 'list']);
    const json = await cli.run(['customers', 'list', '--json']);

    expect(table.code).toBe(0);
    expect(table.stdout).toContain(customerId);
    expect(table.stdout).toContain(name);
    expect(json.code).toBe(0);
    const listed = JSON.parse(json.stdout) as { customers: { customer_id: string; status: string }[] };
    expect(listed.customers.find((c) => c.customer_id === customerId)?.status).toBe('ACTIVE');
  });

  it('uploads put of a 20 MiB file shows progress and lands the object', async () => {
    const file = cli.file('NA12878_R1.fastq.gz', Buffer.alloc(20 * MIB, 7));

    const put = await cli.run(['uploads', 'put', file, '--customer', customerId, '--json']);

    expect(put.stderr).toMatch(/NA12878_R1\.fastq\.gz \[[#-]+\] 100% \| 20\.0 MiB of 20\.0 MiB/);
    expect(put.code).toBe(0);
    const upload = JSON.parse(put.stdout) as { bucket: string; key: string; state: string; size_bytes: number; multipart: boolean };
    expect(upload).toMatchObject({ state: 'COMPLETED', size_bytes: 20 * MIB, multipart: true });
    const head = await localS3().send(new HeadObjectCommand({ Bucket: upload.bucket, Key: upload.key }));
    expect(head.ContentLength).toBe(20 * MIB);
  });
});
