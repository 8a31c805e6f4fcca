import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readInfoFile, readStageSamples, STAGE_COLUMNS } from '#shared/worksets/index.ts';
import { adminToken, api, armS3Fault, createTestUser, deliverS3ObjectEvent } from '../../support/local-stack.ts';
import { pairedSample, requestWith } from '../../unit/worksets/fixtures.ts';
import { sheetText, stageRow } from '../../unit/worksets/sheet-fixtures.ts';
import { readObject, sentinelEvent, submit, waitForWorksetState, worksetTenant, writeSentinel } from './workset-support.ts';

const GERMLINE_DY_R =
  'produce_snv_concordances produce_alignstats -p -k -j 200 --config aligners=["bwa2a"] dedupers=["dppl"] snv_callers=["deep19"]';

describe('the workset folder handed to the runner', () => {
  it('holds the five files in the runner format, daylily.ready last, and the workset is ready', async () => {
    const { customer, member } = await worksetTenant();
    const bucket = customer.s3_bucket;
    const body = requestWith({
      workset_name: 'Trio 7',
      samples: [pairedSample('NA12878'), { ...pairedSample('NA12878'), fastq_r1: 'lane2/NA12878_R1.fq.gz', fastq_r2: 'lane2/NA12878_R2.fq.gz' }, pairedSample('NA12891', 0.01)],
      reference_genome: 'GRCh38',
      priority: 'high',
    });

    const response = await submit(customer.customer_id, member.token, body);

    expect(response.status).toBe(201);
    const id = response.body.workset_id as string;
    expect(id).toMatch(/^ws-[0-9a-z]{9}-[0-9a-f]{8}$/);
    expect(response.headers.get('location')).toBe(`/customers/${customer.customer_id}/worksets/${id}`);
    expect(response.body).toMatchObject({
      state: 'ready',
      workset_name: 'Trio 7',
      pipeline: 'germline_wgs_snv',
      reference_genome: 'hg38',
      priority: 'urgent',
      sample_count: 2,
      bucket,
      prefix: `worksets/${id}/`,
      export_uri: `s3://${bucket}/worksets/${id}/results/`,
      submitted_by: member.userId,
    });
    expect(response.body.history.map((h: { state: string }) => h.state)).toEqual(['pending', 'ready']);

    const folder = `worksets/${id}/`;
    const runFile = parse(await readObject(bucket, `${folder}daylily_work.yaml`));
    expect(runFile).toEqual({
      'day-clone': ` -d ${id} -t main  `,
      'dy-r': `${GERMLINE_DY_R}\n`,
      export_uri: `s3://${bucket}/worksets/${id}/results/`,
      notes: 'Portico workset Trio 7',
    });

    const info = readInfoFile(await readObject(bucket, `${folder}daylily_info.yaml`));
    expect(info).toEqual({
      workset_id: id,
      workset_name: 'Trio 7',
      customer_id: customer.customer_id,
      submitted_at: response.body.submitted_at,
      pipeline: 'germline_wgs_snv',
      reference_genome: 'hg38',
      priority: 'urgent',
      sample_count: 2,
      sample_ids: ['NA12878', 'NA12891'],
      bucket,
      prefix: folder,
      export_uri: `s3://${bucket}/worksets/${id}/results/`,
    });

    const sheet = readStageSamples(await readObject(bucket, `${folder}stage_samples.tsv`));
    expect(sheet.columns).toEqual([...STAGE_COLUMNS]);
    expect(sheet.rows).toHaveLength(3);
    expect(sheet.rows[0]).toEqual({
      RUN_ID: id,
      SAMPLE_ID: 'NA12878',
      EXPERIMENTID: 'NA12878',
      SAMPLE_TYPE: expect.any(String),
      LIB_PREP: expect.any(String),
      SEQ_VENDOR: expect.any(String),
      SEQ_PLATFORM: expect.any(String),
      LANE: '1',
      SEQBC_ID: expect.any(String),
      PATH_TO_CONCORDANCE_DATA_DIR: expect.any(String),
      R1_FQ: `s3://${bucket}/NA12878_R1.fq.gz`,
      R2_FQ: `s3://${bucket}/NA12878_R2.fq.gz`,
      STAGE_DIRECTIVE: expect.any(String),
      STAGE_TARGET: expect.any(String),
      SUBSAMPLE_PCT: expect.any(String),
      IS_POS_CTRL: expect.any(String),
      IS_NEG_CTRL: expect.any(String),
      N_X: expect.any(String),
      N_Y: expect.any(String),
      EXTERNAL_SAMPLE_ID: 'NA12878',
    });
    expect(sheet.rows[1]).toMatchObject({ SAMPLE_ID: 'NA12878', LANE: '2', R1_FQ: `s3://${bucket}/lane2/NA12878_R1.fq.gz` });
    expect(sheet.rows[2]).toMatchObject({ SAMPLE_ID: 'NA12891', LANE: '1' });

    expect(await readObject(bucket, `${folder}sample_data/.hold`)).toBe('');
    expect(await readObject(bucket, `${folder}daylily.ready`)).toBe(`${response.body.submitted_at}\n`);
  });

  it("writes a submitted sample sheet's unknown columns verbatim after the runner's 20", async () => {
    const { customer, member } = await worksetTenant();
    const bucket = customer.s3_bucket;
    const header = [...STAGE_COLUMNS, 'LAB_NOTE'];
    const reads = (sample: string, lane: number) => ({
      R1_FQ: `s3://${bucket}/runs/${sample}_L${lane}_R1.fastq.gz`,
      R2_FQ: `s3://${bucket}/runs/${sample}_L${lane}_R2.fastq.gz`,
    });
    const sample_sheet = sheetText([
      header,
      [...stageRow('S1', 1, reads('S1', 1)), 'first lane'],
      [...stageRow('S1', 2, reads('S1', 2)), 'second lane'],
    ]);

    const response = await submit(customer.customer_id, member.token, { sample_sheet, reference_genome: 'hg38' });

    expect(response.status).toBe(201);
    const sheet = readStageSamples(await readObject(bucket, `worksets/${response.body.workset_id}/stage_samples.tsv`));
    expect(sheet.columns).toEqual(header);
    expect(sheet.rows.map((r) => [r.SAMPLE_ID, r.LANE, r.LAB_NOTE, r.SEQ_PLATFORM])).toEqual([
      ['S1', '1', 'first lane', 'NOVASEQX'],
      ['S1', '2', 'second lane', 'NOVASEQX'],
    ]);
  });
});

describe('a hand-over S3 refuses', () => {
  it('answers 503 with Retry-After, ends the workset failed with the reason, releases its slot, and a retry is admitted', async () => {
    const { customer, member } = await worksetTenant({ max_concurrent_worksets: 1 });
    // Every attempt the SDK makes (S3 clients try twice) at the four files written side by side before daylily.ready.
    await armS3Fault(customer.s3_bucket, 'worksets/', 8);

    const refused = await submit(customer.customer_id, member.token);

    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const listed = await api('GET', `/customers/${customer.customer_id}/worksets`, { token: member.token });
    expect(listed.body.worksets).toHaveLength(1);
    expect(listed.body.worksets[0]).toMatchObject({
      state: 'failed',
      state_reason: "The workset's files could not be written to its folder (SlowDown); nothing was handed to the runner.",
    });
    const retried = await submit(customer.customer_id, member.token);
    expect(retried.status).toBe(201);
    expect(retried.body.state).toBe('ready');
  });
});

describe('sentinels move the workset', () => {
  it('follows lock, in_progress and complete; an older sentinel arriving late and a duplicate change nothing', async () => {
    const { customer, member } = await worksetTenant();
    const id = (await submit(customer.customer_id, member.token)).body.workset_id as string;

    await writeSentinel(customer.s3_bucket, id, 'daylily.lock');
    await waitForWorksetState(customer.customer_id, id, member.token, 'locked');
    await writeSentinel(customer.s3_bucket, id, 'daylily.in_progress');
    await waitForWorksetState(customer.customer_id, id, member.token, 'in_progress');
    await writeSentinel(customer.s3_bucket, id, 'daylily.complete');
    const complete = await waitForWorksetState(customer.customer_id, id, member.token, 'complete');
    // Late and repeated deliveries, delivered synchronously so their answers can be read.
    const late = await deliverS3ObjectEvent(sentinelEvent(customer.s3_bucket, id, 'daylily.lock'));
    const repeated = await deliverS3ObjectEvent(sentinelEvent(customer.s3_bucket, id, 'daylily.complete'));
    const error = await deliverS3ObjectEvent(sentinelEvent(customer.s3_bucket, id, 'daylily.error'));

    expect(late).toContain('ignored: complete is as far as locked');
    expect(repeated).toContain('ignored: complete is as far as complete');
    expect(error).toContain('ignored: complete is as far as error');
    const after = await api('GET', `/customers/${customer.customer_id}/worksets/${id}`, { token: member.token });
    expect(after.body.state).toBe('complete');
    expect(after.body.history).toEqual(complete.history);
    expect(after.body.history.map((h: { state: string; by: string }) => `${h.state}:${h.by}`)).toEqual([
      `pending:${member.userId}`,
      'ready:system:handoff',
      'locked:runner',
      'in_progress:runner',
      'complete:runner',
    ]);
  });

  it('an error sentinel ends the attempt and releases the slot; an operator retry takes one again', async () => {
    const { customer, member } = await worksetTenant({ max_concurrent_worksets: 1 });
    const service = await createTestUser({ groups: ['platform-service'] });
    const id = (await submit(customer.customer_id, member.token)).body.workset_id as string;

    await writeSentinel(customer.s3_bucket, id, 'daylily.error', 'bwa2a ran out of memory\n');
    const failed = await waitForWorksetState(customer.customer_id, id, member.token, 'error');
    expect(failed.state_reason).toBe('The runner wrote daylily.error.');
    const other = await submit(customer.customer_id, member.token);
    expect(other.status).toBe(201);

    const noSlot = await api('PUT', `/customers/${customer.customer_id}/worksets/${id}/state`, { token: service.token, body: { state: 'retrying' } });
    expect(noSlot.status).toBe(429);
    expect(noSlot.body).toMatchObject({ quota: 'max_concurrent_worksets', limit: 1 });

    await api('POST', `/customers/${customer.customer_id}/worksets/${other.body.workset_id}/cancel`, { token: member.token });
    const retried = await api('PUT', `/customers/${customer.customer_id}/worksets/${id}/state`, {
      token: service.token,
      body: { state: 'retrying', reason: 'more memory' },
    });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ state: 'retrying', state_reason: 'more memory' });
    expect((await submit(customer.customer_id, member.token)).status).toBe(429);
  });
});

describe('PUT /customers/{customer_id}/worksets/{workset_id}/state', () => {
  it('lets the platform-service group and platform admins move a workset, and refuses members and customer admins', async () => {
    const { customer, member } = await worksetTenant();
    const service = await createTestUser({ groups: ['platform-service'] });
    const id = (await submit(customer.customer_id, member.token)).body.workset_id as string;
    const path = `/customers/${customer.customer_id}/worksets/${id}/state`;

    const asMember = await api('PUT', path, { token: member.token, body: { state: 'in_progress' } });
    const asService = await api('PUT', path, { token: service.token, body: { state: 'in_progress' } });
    const asAdmin = await api('PUT', path, { token: await adminToken(), body: { state: 'complete' } });

    expect(asMember.status).toBe(403);
    expect(asMember.body.detail).toBe('This action requires a platform service account.');
    expect(asService.status).toBe(200);
    expect(asService.body.history.at(-1)).toMatchObject({ state: 'in_progress', by: service.userId });
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body.state).toBe('complete');
  });

  it('answers 409 naming the allowed states for a transition the machine does not allow, 404 for an unknown workset, 400 for an unknown state', async () => {
    const { customer, member } = await worksetTenant();
    const service = await createTestUser({ groups: ['platform-service'] });
    const id = (await submit(customer.customer_id, member.token)).body.workset_id as string;
    const completed = await api('PUT', `/customers/${customer.customer_id}/worksets/${id}/state`, { token: service.token, body: { state: 'complete' } });

    const backwards = await api('PUT', `/customers/${customer.customer_id}/worksets/${id}/state`, { token: service.token, body: { state: 'in_progress' } });
    const unknown = await api('PUT', `/customers/${customer.customer_id}/worksets/ws-000000000-00000000/state`, { token: service.token, body: { state: 'complete' } });
    const badState = await api('PUT', `/customers/${customer.customer_id}/worksets/${id}/state`, { token: service.token, body: { state: 'deleted' } });

    expect(backwards.status).toBe(409);
    expect(backwards.headers.get('content-type')).toBe('application/problem+json');
    expect(backwards.body).toMatchObject({
      current_state: 'complete',
      allowed_states: ['archived'],
      detail: `Workset ${id} is complete; it cannot become in_progress (from complete it can only become archived).`,
    });
    expect(unknown.status).toBe(404);
    expect(badState.status).toBe(400);
    expect(badState.body.errors[0].field).toBe('state');
    // Neither refusal wrote anything.
    expect((await api('GET', `/customers/${customer.customer_id}/worksets/${id}`, { token: member.token })).body.history).toEqual(completed.body.history);
  });

  it('of 10 parallel moves to complete, one applies and the slot is released once', async () => {
    const { customer, member } = await worksetTenant({ max_concurrent_worksets: 2 });
    const service = await createTestUser({ groups: ['platform-service'] });
    const [a, b] = await Promise.all([submit(customer.customer_id, member.token), submit(customer.customer_id, member.token)]);
    const path = `/customers/${customer.customer_id}/worksets/${a?.body.workset_id}/state`;

    const moves = await Promise.all(Array.from({ length: 10 }, () => api('PUT', path, { token: service.token, body: { state: 'complete' } })));

    expect(moves.every((m) => m.status === 200 || m.status === 409)).toBe(true);
    const final = await api('GET', `/customers/${customer.customer_id}/worksets/${a?.body.workset_id}`, { token: member.token });
    expect(final.body.history.filter((h: { state: string }) => h.state === 'complete')).toHaveLength(1);
    // One slot was free again, not two: b still holds the other.
    expect(b?.status).toBe(201);
    const refill = await Promise.all([submit(customer.customer_id, member.token), submit(customer.customer_id, member.token)]);
    expect(refill.map((r) => r.status).sort()).toEqual([201, 429]);
  });
});

describe('POST /customers/{customer_id}/worksets/{workset_id}/cancel', () => {
  it('cancels, releases the slot, writes daylily.ignore, and a repeat answers the same; a finished workset cannot be canceled', async () => {
    const { customer, member } = await worksetTenant({ max_concurrent_worksets: 1 });
    const id = (await submit(customer.customer_id, member.token)).body.workset_id as string;
    const path = `/customers/${customer.customer_id}/worksets/${id}/cancel`;

    const canceled = await api('POST', path, { token: member.token });
    const again = await api('POST', path, { token: member.token });

    expect(canceled.status).toBe(200);
    expect(canceled.body).toMatchObject({ state: 'canceled', state_reason: 'Canceled by a member of the customer.' });
    expect(again.status).toBe(200);
    expect(again.body.history).toEqual(canceled.body.history);
    expect(await readObject(customer.s3_bucket, `worksets/${id}/daylily.ignore`)).toContain(`canceled by ${member.userId}`);
    const next = await submit(customer.customer_id, member.token);
    expect(next.status).toBe(201);

    await writeSentinel(customer.s3_bucket, next.body.workset_id, 'daylily.complete');
    await waitForWorksetState(customer.customer_id, next.body.workset_id, member.token, 'complete');
    const late = await api('POST', `/customers/${customer.customer_id}/worksets/${next.body.workset_id}/cancel`, { token: member.token });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ current_state: 'complete', allowed_states: ['archived'] });
  });

  it("an operator's daylily.ignore makes a ready workset ignored and frees its slot", async () => {
    const { customer, member } = await worksetTenant({ max_concurrent_worksets: 1 });
    const id = (await submit(customer.customer_id, member.token)).body.workset_id as string;

    await writeSentinel(customer.s3_bucket, id, 'daylily.ignore', 'skip: wrong sheet\n');
    await waitForWorksetState(customer.customer_id, id, member.token, 'ignored');

    expect((await submit(customer.customer_id, member.token)).status).toBe(201);
  });
});

describe('GET /customers/{customer_id}/worksets', () => {
  it('lists newest first, filters by state and pages', async () => {
    const { customer, member } = await worksetTenant();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await submit(customer.customer_id, member.token)).body.workset_id);
    await api('POST', `/customers/${customer.customer_id}/worksets/${ids[1]}/cancel`, { token: member.token });
    const base = `/customers/${customer.customer_id}/worksets`;

    const all = await api('GET', base, { token: member.token });
    const firstPage = await api('GET', `${base}?limit=2`, { token: member.token });
    const secondPage = await api('GET', `${base}?limit=2&next_token=${encodeURIComponent(firstPage.body.next_token)}`, { token: member.token });
    const canceled = await api('GET', `${base}?state=canceled`, { token: member.token });
    const badState = await api('GET', `${base}?state=deleted`, { token: member.token });

    expect(all.body.worksets.map((w: { workset_id: string }) => w.workset_id)).toEqual([...ids].reverse());
    expect(firstPage.body.worksets.map((w: { workset_id: string }) => w.workset_id)).toEqual([ids[2], ids[1]]);
    expect(secondPage.body.worksets.map((w: { workset_id: string }) => w.workset_id)).toEqual([ids[0]]);
    expect(secondPage.body.next_token).toBeUndefined();
    expect(canceled.body.worksets.map((w: { workset_id: string }) => w.workset_id)).toEqual([ids[1]]);
    expect(badState.status).toBe(400);
  });
});
