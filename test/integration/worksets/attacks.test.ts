import { describe, expect, it } from 'vitest';
import { readCounters } from '#shared/usage/counters.ts';
import { getWorkset as readRecord } from '#shared/workset-lifecycle/repository.ts';
import { adminToken, api, createTestUser, deliverS3ObjectEvent, type ApiResponse } from '../../support/local-stack.ts';
import { pairedSample, requestWith } from '../../unit/worksets/fixtures.ts';
import { byStatus, sentinelEvent, setQuotas, stoppedHandOver, submit, worksetTenant, writeSentinel } from './workset-support.ts';

/**
 * What an outsider (or an outage) would try on the workset and quota routes:
 * foreign buckets anywhere a location can hide, other tenants' ids and page
 * tokens, odd input on every route, out-of-order sentinels, and races for the
 * last slot. Each asserts the correct behaviour.
 */

function no500(responses: readonly ApiResponse[]): void {
  const server = responses.filter((r) => r.status >= 500);
  expect(server.map((r) => `${r.status} ${r.text}`)).toEqual([]);
}

describe('cross-tenant locations', () => {
  it("refuses a sample's PATH_TO_CONCORDANCE_DATA_DIR in another customer's bucket (JSON sheet_columns) with 403, taking no slot", async () => {
    const { customer, member } = await worksetTenant({ max_concurrent_worksets: 1 });
    const { customer: victim } = await worksetTenant();
    const body = requestWith({
      samples: [{ ...pairedSample('s1'), sheet_columns: { PATH_TO_CONCORDANCE_DATA_DIR: `s3://${victim.s3_bucket}/private/truth/` } }],
    });

    const response = await submit(customer.customer_id, member.token, body);

    expect(response.status).toBe(403);
    expect(response.body.errors[0]).toMatchObject({ field: 'samples.0.sheet_columns.PATH_TO_CONCORDANCE_DATA_DIR' });
  });

  it("refuses a sample sheet whose STAGE_TARGET / PATH_TO_CONCORDANCE_DATA_DIR name another customer's bucket", async () => {
    const { customer, member } = await worksetTenant();
    const { customer: victim } = await worksetTenant();
    const sample_sheet = [
      'SAMPLE_ID\tR1_FQ\tR2_FQ\tPATH_TO_CONCORDANCE_DATA_DIR\tSTAGE_TARGET',
      `s1\ts1_R1.fq.gz\ts1_R2.fq.gz\ts3://${victim.s3_bucket}/truth/\ts3://${victim.s3_bucket}/staged/`,
      '',
    ].join('\n');

    const response = await submit(customer.customer_id, member.token, { sample_sheet, reference_genome: 'hg38' });

    expect(response.status).toBe(403);
  });

  it("POST /worksets/generate-yaml refuses another customer's bucket in sheet_columns, as it does for reads", async () => {
    const { member } = await worksetTenant();
    const { customer: victim } = await worksetTenant();
    const body = requestWith({
      samples: [{ ...pairedSample('s1'), sheet_columns: { PATH_TO_CONCORDANCE_DATA_DIR: `s3://${victim.s3_bucket}/private/truth/` } }],
    });

    const response = await api('POST', '/worksets/generate-yaml', { token: member.token, body });

    expect(response.status).toBe(403);
  });

  it('refuses export_uri and read tricks: lookalike buckets, dot segments, case, trailing dots (never 201, never 500)', async () => {
    const { customer, member } = await worksetTenant();
    const own = customer.s3_bucket as string;
    const exports = [
      `s3://${own}.evil/results/`,
      `s3://${own}-evil/results/`,
      `s3://${own.toUpperCase()}/results/`,
      `s3://${own}./results/`,
      `s3://${own}/../other/`,
      `s3://${own}/a/./b/`,
      `s3://${own}//results/`,
      `s3://${own}%2fevil/results/`,
      `s3://evil@${own}/results/`,
      `S3://${own}/results/`,
      ` s3://${own}/results/`,
      `s3://${own}`,
      `s3://${own}/`,
    ];
    const reads = [
      `s3://${own}.evil/x_R1.fq.gz`,
      `s3://${own}/../x_R1.fq.gz`,
      `../x_R1.fq.gz`,
      `/x_R1.fq.gz`,
      `S3://${own}.evil/x_R1.fq.gz`,
      `s3:///${own}/x_R1.fq.gz`,
    ];
    const answers = await Promise.all([
      ...exports.map((export_uri) => submit(customer.customer_id, member.token, requestWith({ export_uri }))),
      ...reads.map((fastq_r1) => submit(customer.customer_id, member.token, requestWith({ samples: [{ ...pairedSample('x'), fastq_r1 }] }))),
    ]);

    no500(answers);
    const admitted = answers.flatMap((a, i) => (a.status === 201 ? [[...exports, ...reads][i]] : []));
    expect(admitted).toEqual([]);
  });
});

describe('cross-tenant workset ids', () => {
  it("another customer's workset id answers 404 on the caller's own customer, and 403 on the other customer's path", async () => {
    const { customer: a, member: memberA } = await worksetTenant();
    const { customer: b, member: memberB } = await worksetTenant();
    const idB = (await submit(b.customer_id, memberB.token)).body.workset_id as string;

    const viaOwn = await Promise.all([
      api('GET', `/customers/${a.customer_id}/worksets/${idB}`, { token: memberA.token }),
      api('POST', `/customers/${a.customer_id}/worksets/${idB}/cancel`, { token: memberA.token }),
    ]);
    const viaOther = await Promise.all([
      api('GET', `/customers/${b.customer_id}/worksets/${idB}`, { token: memberA.token }),
      api('POST', `/customers/${b.customer_id}/worksets/${idB}/cancel`, { token: memberA.token }),
      api('GET', `/customers/${b.customer_id}/worksets`, { token: memberA.token }),
      api('GET', `/customers/${b.customer_id}/quotas`, { token: memberA.token }),
      submit(b.customer_id, memberA.token),
    ]);

    expect(viaOwn.map((r) => r.status)).toEqual([404, 404]);
    expect(viaOther.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    expect((await api('GET', `/customers/${b.customer_id}/worksets/${idB}`, { token: memberB.token })).body.state).toBe('ready');
  });

  it("a page token of another customer's listing is a 400", async () => {
    const { customer: a, member: memberA } = await worksetTenant();
    const { customer: b, member: memberB } = await worksetTenant();
    await Promise.all([submit(b.customer_id, memberB.token), submit(b.customer_id, memberB.token)]);
    const pageB = await api('GET', `/customers/${b.customer_id}/worksets?limit=1`, { token: memberB.token });
    expect(pageB.body.next_token).toBeDefined();

    const replayed = await api('GET', `/customers/${a.customer_id}/worksets?next_token=${pageB.body.next_token}`, { token: memberA.token });

    expect(replayed.status).toBe(400);
  });
});

describe('odd input never answers 500', () => {
  it('GET /worksets with odd query parameters answers 400 (or 200), never 500', async () => {
    const { customer, member } = await worksetTenant();
    await submit(customer.customer_id, member.token);
    const token = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
    const queries = [
      'state=',
      'state=PENDING',
      'state=deleted',
      'limit=0',
      'limit=-1',
      'limit=1.5',
      'limit=abc',
      'limit=',
      'limit=101',
      'limit=1e2',
      'next_token=garbage',
      'next_token=',
      'next_token=%00',
      `next_token=${token({ customer_id: customer.customer_id, workset_id: 'é'.repeat(1024) })}`,
      `next_token=${token({ customer_id: customer.customer_id, workset_id: 'x'.repeat(1024) })}`,
      `state=ready&next_token=${token({ customer_id: customer.customer_id, workset_id: 'é'.repeat(1024), customer_state: `${customer.customer_id}#ready` })}`,
      `next_token=${token({ customer_id: customer.customer_id, workset_id: 1 })}`,
      'unknown=1',
      'state=ready&state=pending',
    ];

    const answers = await Promise.all(queries.map((q) => api('GET', `/customers/${customer.customer_id}/worksets?${q}`, { token: member.token })));

    const byQuery = Object.fromEntries(queries.map((q, i) => [q.slice(0, 60), answers[i]?.status]));
    expect(Object.entries(byQuery).filter(([, s]) => (s ?? 500) >= 500)).toEqual([]);
  });

  it('odd bodies on submit, PUT state, PATCH quotas and PUT plans answer 4xx, never 500', async () => {
    const { customer, member } = await worksetTenant();
    const service = await createTestUser({ groups: ['platform-service'] });
    const admin = await adminToken();
    const id = (await submit(customer.customer_id, member.token)).body.workset_id as string;
    const statePath = `/customers/${customer.customer_id}/worksets/${id}/state`;
    const raw = (method: string, path: string, token: string, rawBody: string, contentType = 'application/json') =>
      api(method, path, { token, rawBody, headers: { 'Content-Type': contentType } });
    const answers = await Promise.all([
      raw('POST', `/customers/${customer.customer_id}/worksets`, member.token, 'null'),
      raw('POST', `/customers/${customer.customer_id}/worksets`, member.token, '[]'),
      raw('POST', `/customers/${customer.customer_id}/worksets`, member.token, '"x"'),
      raw('POST', `/customers/${customer.customer_id}/worksets`, member.token, '1e999'),
      raw('POST', `/customers/${customer.customer_id}/worksets`, member.token, '{"samples":'),
      raw('POST', `/customers/${customer.customer_id}/worksets`, member.token, '{}', 'text/plain'),
      raw('POST', `/customers/${customer.customer_id}/worksets`, member.token, JSON.stringify(requestWith({ samples: [{ ...pairedSample('s'), coverage: 1e308 }] }))),
      raw('POST', `/customers/${customer.customer_id}/worksets`, member.token, JSON.stringify(requestWith({ workset_name: 'a'.repeat(5000) }))),
      raw('POST', `/customers/${customer.customer_id}/worksets`, member.token, JSON.stringify({ ...requestWith(), __proto__: { x: 1 } })),
      raw('POST', `/customers/${customer.customer_id}/worksets`, member.token, '{"__proto__":{"samples":[]},"reference_genome":"hg38"}'),
      raw('PUT', statePath, service.token, 'null'),
      raw('PUT', statePath, service.token, '{}'),
      raw('PUT', statePath, service.token, '{"state":"pending"}'),
      raw('PUT', statePath, service.token, '{"state":"retrying"}'),
      raw('PUT', statePath, service.token, '{"state":"ready","reason":"   "}'),
      raw('PUT', statePath, service.token, `{"state":"locked","reason":"${'r'.repeat(501)}"}`),
      raw('PUT', statePath, service.token, '{"state":"__proto__"}'),
      raw('PUT', statePath, service.token, '{"state":"toString"}'),
      raw('PUT', `/customers/${customer.customer_id}/worksets/ws-000000000-00000000/state`, service.token, '{"state":"ready"}'),
      raw('PUT', `/customers/${customer.customer_id}/worksets/WS-000000000-00000000/state`, service.token, '{"state":"ready"}'),
      raw('PATCH', `/customers/${customer.customer_id}/quotas`, admin, 'null'),
      raw('PATCH', `/customers/${customer.customer_id}/quotas`, admin, '{"max_concurrent_worksets":null}'),
      raw('PATCH', `/customers/${customer.customer_id}/quotas`, admin, '{"max_concurrent_worksets":{"limit":1.5}}'),
      raw('PATCH', `/customers/${customer.customer_id}/quotas`, admin, '{"max_concurrent_worksets":{"limit":1e999}}'),
      raw('PATCH', `/customers/${customer.customer_id}/quotas`, admin, '{"max_concurrent_worksets":{"mode":"WARN"}}'),
      raw('PATCH', `/customers/${customer.customer_id}/quotas`, admin, '{"__proto__":{"limit":1}}'),
      raw('PUT', '/plans/free', admin, 'null'),
      raw('PUT', '/plans/free', admin, '{"quotas":{}}'),
      raw('PUT', '/plans/__proto__', admin, '{"quotas":{}}'),
      raw('PUT', '/plans/toString', admin, '{"quotas":{}}'),
      raw('PUT', '/plans/FREE', admin, '{"quotas":{}}'),
      api('GET', '/plans?x=1', { token: member.token }),
      raw('PUT', '/plans/%ED%A0%80', admin, '{"quotas":{}}'),
      raw('PUT', '/plans/%FF', admin, '{"quotas":{}}'),
      raw('PUT', `/plans/${'p'.repeat(3000)}`, admin, '{"quotas":{}}'),
    ]);

    no500(answers);
    expect(answers.every((a) => a.status >= 200 && a.status < 500)).toBe(true);
  });

  it('PUT .../state retrying for a deactivated customer does not claim that no slot is free (403/409, not 429)', async () => {
    const { customer, member } = await worksetTenant({ max_concurrent_worksets: 5 });
    const service = await createTestUser({ groups: ['platform-service'] });
    const id = (await submit(customer.customer_id, member.token)).body.workset_id as string;
    await writeSentinel(customer.s3_bucket, id, 'daylily.error');
    const deadline = Date.now() + 10_000;
    while ((await api('GET', `/customers/${customer.customer_id}/worksets/${id}`, { token: member.token })).body.state !== 'error') {
      if (Date.now() > deadline) throw new Error('not error');
      await new Promise((r) => setTimeout(r, 50));
    }
    await api('POST', `/customers/${customer.customer_id}/deactivate`, { token: await adminToken() });

    const retry = await api('PUT', `/customers/${customer.customer_id}/worksets/${id}/state`, { token: service.token, body: { state: 'retrying' } });

    expect(retry.status).not.toBe(429);
    expect([403, 409]).toContain(retry.status);
  });
});

describe('warn mode', () => {
  it('a retrying move is admitted past a concurrency limit in warn mode, as submissions are', async () => {
    const { customer, member } = await worksetTenant({ max_concurrent_worksets: 1 });
    const service = await createTestUser({ groups: ['platform-service'] });
    await setQuotas(customer.customer_id, { max_concurrent_worksets: { mode: 'warn' } });
    const a = (await submit(customer.customer_id, member.token)).body.workset_id as string;
    await api('PUT', `/customers/${customer.customer_id}/worksets/${a}/state`, { token: service.token, body: { state: 'error' } });
    const b = await submit(customer.customer_id, member.token);
    const c = await submit(customer.customer_id, member.token);
    expect([b.status, c.status]).toEqual([201, 201]);

    const retry = await api('PUT', `/customers/${customer.customer_id}/worksets/${a}/state`, { token: service.token, body: { state: 'retrying' } });

    expect(retry.status).toBe(200);
  });
});

describe('sentinels', () => {
  it('a daylily.complete delivered before the late daylily.ready event of a stopped hand-over still ends complete and frees the slot', async () => {
    const { customer, member } = await worksetTenant({ max_concurrent_worksets: 1 });
    const record = await stoppedHandOver(customer, new Date());

    // The runner saw daylily.ready and finished; EventBridge delivered complete first and ready late (out of order / retried).
    const complete = await deliverS3ObjectEvent(sentinelEvent(customer.s3_bucket, record.workset_id, 'daylily.complete'));
    const ready = await deliverS3ObjectEvent(sentinelEvent(customer.s3_bucket, record.workset_id, 'daylily.ready'));

    const after = await readRecord(customer.customer_id, record.workset_id);
    expect({ complete, ready, state: after?.state }).toMatchObject({ state: 'complete' });
    expect((await readCounters(customer.customer_id, true)).holders[record.workset_id]).toBeUndefined();
    expect((await submit(customer.customer_id, member.token)).status).toBe(201);
  });

  it('ignores sentinel-looking keys in other folders, nested paths, lookalike buckets and other customers', async () => {
    const { customer, member } = await worksetTenant();
    const { customer: other } = await worksetTenant();
    const id = (await submit(customer.customer_id, member.token)).body.workset_id as string;
    const event = (bucket: string, key: string) => ({
      source: 'aws.s3',
      'detail-type': 'Object Created',
      time: new Date().toISOString(),
      detail: { bucket: { name: bucket }, object: { key, size: 1, sequencer: '0' } },
    });
    const keys = [
      `worksets/${id}/results/daylily.complete`,
      `worksets/${id}/sample_data/daylily.complete`,
      `uploads/worksets/${id}/daylily.complete`,
      `worksets/${id}//daylily.complete`,
      `worksets/${id}/daylily.complete/`,
      `worksets/${id}/DAYLILY.COMPLETE`,
      `worksets/${id}/daylily.complete.tmp`,
      `worksets%2F${id}%2Fdaylily.complete`,
    ];
    for (const key of keys) await deliverS3ObjectEvent(event(customer.s3_bucket, key));
    await deliverS3ObjectEvent(event(other.s3_bucket, `worksets/${id}/daylily.complete`));
    await deliverS3ObjectEvent(event(`${customer.s3_bucket}.evil`, `worksets/${id}/daylily.complete`));
    await deliverS3ObjectEvent(event(`x${customer.s3_bucket}`, `worksets/${id}/daylily.complete`));

    expect((await api('GET', `/customers/${customer.customer_id}/worksets/${id}`, { token: member.token })).body.state).toBe('ready');
  });
});

describe('concurrency never overshoots', () => {
  it('monthly runs: 30 parallel submissions at a limit of 7 runs (concurrency 100) admit exactly 7', async () => {
    const { customer, member } = await worksetTenant({ max_concurrent_worksets: 100 });
    await setQuotas(customer.customer_id, { max_runs_per_month: { limit: 7 } });

    const answers = byStatus(await Promise.all(Array.from({ length: 30 }, () => submit(customer.customer_id, member.token))));

    expect(answers[201]?.length).toBe(7);
    expect(answers[429]?.length).toBe(23);
  });

  it('a retrying move and submissions racing for the last slot: exactly one gets it', async () => {
    const { customer, member } = await worksetTenant({ max_concurrent_worksets: 2 });
    const service = await createTestUser({ groups: ['platform-service'] });
    const a = (await submit(customer.customer_id, member.token)).body.workset_id as string;
    await submit(customer.customer_id, member.token);
    await api('PUT', `/customers/${customer.customer_id}/worksets/${a}/state`, { token: service.token, body: { state: 'error' } });

    const [retry, ...subs] = await Promise.all([
      api('PUT', `/customers/${customer.customer_id}/worksets/${a}/state`, { token: service.token, body: { state: 'retrying' } }),
      ...Array.from({ length: 10 }, () => submit(customer.customer_id, member.token)),
    ]);

    const winners = [retry, ...subs].filter((r) => r?.status === 200 || r?.status === 201);
    expect(winners).toHaveLength(1);
    expect(Object.keys((await readCounters(customer.customer_id, true)).holders)).toHaveLength(2);
  });

  it('parallel cancels and state moves of one workset release its slot once', async () => {
    const { customer, member } = await worksetTenant({ max_concurrent_worksets: 2 });
    const service = await createTestUser({ groups: ['platform-service'] });
    const a = (await submit(customer.customer_id, member.token)).body.workset_id as string;
    await submit(customer.customer_id, member.token);

    const answers = await Promise.all([
      ...Array.from({ length: 5 }, () => api('POST', `/customers/${customer.customer_id}/worksets/${a}/cancel`, { token: member.token })),
      ...Array.from({ length: 5 }, () => api('PUT', `/customers/${customer.customer_id}/worksets/${a}/state`, { token: service.token, body: { state: 'complete' } })),
      ...Array.from({ length: 5 }, () => api('PUT', `/customers/${customer.customer_id}/worksets/${a}/state`, { token: service.token, body: { state: 'failed' } })),
    ]);

    no500(answers);
    const refill = byStatus(await Promise.all(Array.from({ length: 5 }, () => submit(customer.customer_id, member.token))));
    expect(refill[201]?.length).toBe(1);
  });
});
