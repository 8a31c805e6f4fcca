import { GetObjectCommand } from '@aws-sdk/client-s3';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamo } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/runtime.ts';
import { counterKey, runsAttribute } from '#shared/usage/counters.ts';
import { monthKey } from '#shared/usage/monthly.ts';
import { BILLING_RATES_IN_TESTS as RATES } from '../../setup/local-stack.ts';
import { activeCustomer, adminToken, api, armS3Fault, customerWithMember, localS3, localStack, runScheduledFunction } from '../../support/local-stack.ts';

const GIB = 1024 ** 3;
const period = new Date().toISOString().slice(0, 7);
const daysIn = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).getUTCDate();

/** Writes a month of usage as the metering would have: samples, compute time, requests, runs. */
async function recordMonth(customerId: string, usage: { byteDays: number; computeSeconds: number; apiRequests: number; runs: number }): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: tableName('usage'),
      Key: monthKey(customerId, period),
      UpdateExpression: 'ADD storage_byte_days :b, compute_seconds :c, api_requests :a',
      ExpressionAttributeValues: { ':b': usage.byteDays, ':c': usage.computeSeconds, ':a': usage.apiRequests },
    }),
  );
  await dynamo.send(
    new UpdateCommand({
      TableName: tableName('usage'),
      Key: counterKey(customerId),
      UpdateExpression: 'ADD #runs :r',
      ExpressionAttributeNames: { '#runs': runsAttribute(period) },
      ExpressionAttributeValues: { ':r': usage.runs },
    }),
  );
}

async function exportAnswer(query: string, accept?: string): Promise<Response> {
  return fetch(`${localStack().api_url}/billing/export${query}`, {
    headers: { authorization: `Bearer ${await adminToken()}`, ...(accept ? { accept } : {}) },
    redirect: 'manual',
  });
}

/** CSV text → rows keyed by the header (RFC 4180 quoting). */
function parseCsv(text: string): Record<string, string>[] {
  const lines: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\n') {
      row.push(field.replace(/\r$/, ''));
      lines.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  const [header, ...rest] = lines;
  return rest.map((values) => Object.fromEntries((header ?? []).map((name, i) => [name, values[i] ?? ''])));
}

describe('billing export', () => {
  it('answers 303 to a CSV in the finance bucket whose rows equal the month recorded, priced at the configured rates', async () => {
    const quiet = await activeCustomer({ customer_name: '=HYPERLINK("http://evil"), Inc' });
    const busy = await activeCustomer({ plan: 'enterprise' });
    await recordMonth(busy.customer_id, { byteDays: 10 * GIB * daysIn(period), computeSeconds: 5400, apiRequests: 2000, runs: 3 });

    const answer = await exportAnswer(`?period=${period}`);
    expect(answer.status).toBe(303);
    const body = (await answer.json()) as { rows: number; key: string; download_url: string; format: string };
    expect(answer.headers.get('location')).toBe(body.download_url);
    expect(body).toMatchObject({ format: 'text/csv; charset=utf-8', key: expect.stringMatching(new RegExp(`^exports/${period}/.+\\.csv$`)) });

    const file = await fetch(body.download_url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await file.text();
    expect(text.split('\r\n')[0]).toBe('customer_id,customer_name,billing_account_id,cost_center,plan,storage_gb_month,runs,compute_hours,api_requests,estimated_cost_usd');
    const rows = parseCsv(text);
    expect(rows).toHaveLength(body.rows);
    const storage = 10;
    expect(rows.find((r) => r.customer_id === busy.customer_id)).toEqual({
      customer_id: busy.customer_id,
      customer_name: busy.customer_name,
      billing_account_id: busy.billing_account_id,
      cost_center: busy.cost_center,
      plan: 'enterprise',
      storage_gb_month: String(storage),
      runs: '3',
      compute_hours: '1.5',
      api_requests: '2000',
      estimated_cost_usd: String(Math.round((storage * RATES.storage_gb_month_usd + 3 * RATES.run_usd + 1.5 * RATES.compute_hour_usd + 2 * RATES.api_1000_requests_usd) * 100) / 100),
    });
    // A name that would be a spreadsheet formula is defused; commas and quotes survive the round trip.
    expect(rows.find((r) => r.customer_id === quiet.customer_id)).toMatchObject({
      customer_name: `'=HYPERLINK("http://evil"), Inc`,
      plan: 'standard',
      storage_gb_month: '0',
      runs: '0',
      estimated_cost_usd: String(RATES.plan_monthly_usd.standard),
    });
  });

  it('answers JSON lines on Accept: application/x-ndjson, 406 for a format it does not have', async () => {
    const customer = await activeCustomer();
    const answer = await exportAnswer(`?period=${period}`, 'application/x-ndjson');
    expect(answer.status).toBe(303);
    const file = await fetch(answer.headers.get('location') ?? '');
    expect(file.headers.get('content-type')).toBe('application/x-ndjson');
    const rows = (await file.text()).trim().split('\n').map((line) => JSON.parse(line));
    expect(rows.find((r) => r.customer_id === customer.customer_id)).toMatchObject({ customer_id: customer.customer_id, runs: 0, api_requests: 0 });

    const refused = await exportAnswer(`?period=${period}`, 'application/xml');
    expect(refused.status).toBe(406);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(await refused.json()).toMatchObject({ available: ['text/csv; charset=utf-8', 'application/x-ndjson'] });
  });

  it('takes the format as a query parameter too (what OpenAPI tools can send), which wins over Accept', async () => {
    const ndjson = await exportAnswer(`?period=${period}&format=ndjson`, 'text/csv');
    expect(ndjson.status).toBe(303);
    expect((await fetch(ndjson.headers.get('location') ?? '')).headers.get('content-type')).toBe('application/x-ndjson');
    const csv = await exportAnswer(`?period=${period}&format=csv`, 'application/xml');
    expect(csv.status).toBe(303);
    expect((await fetch(csv.headers.get('location') ?? '')).headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const unknown = await exportAnswer(`?period=${period}&format=xlsx`);
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ errors: [{ field: 'format', message: 'must be one of: csv, ndjson' }] });
  });

  it('refuses bad periods with problem+json and anyone but a platform admin', async () => {
    for (const query of ['', '?period=2026-13', '?period=2026-1', '?period=9999-01', '?period=2026-01&x=1']) {
      const answer = await exportAnswer(query);
      expect({ query, status: answer.status }).toEqual({ query, status: 400 });
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
    }
    const { member } = await customerWithMember();
    const denied = await api('GET', `/billing/export?period=${period}`, { token: member.token });
    expect(denied.status).toBe(403);
  });

  it("writes last month's export to the finance bucket on schedule, with the customers billed that month", async () => {
    const customer = await activeCustomer();
    const last = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    // Active since last month: billed for it.
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName('customers'),
        Key: { customer_id: customer.customer_id },
        UpdateExpression: 'SET activated_at = :at',
        ExpressionAttributeValues: { ':at': `${last}-15T00:00:00.000Z` },
      }),
    );
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName('usage'),
        Key: monthKey(customer.customer_id, last),
        UpdateExpression: 'ADD compute_seconds :c, api_requests :a',
        ExpressionAttributeValues: { ':c': 7200, ':a': 10 },
      }),
    );

    await runScheduledFunction('billing.monthlyExport');

    const object = await localS3().send(new GetObjectCommand({ Bucket: localStack().platform_buckets.finance, Key: `billing/${last}.csv` }));
    expect(object.ContentType).toBe('text/csv; charset=utf-8');
    const rows = parseCsv((await object.Body?.transformToString()) ?? '');
    expect(rows.find((r) => r.customer_id === customer.customer_id)).toMatchObject({ compute_hours: '2', api_requests: '10', runs: '0' });
  });
});

describe('billing export when S3 fails', () => {
  it('answers 503 problem+json with Retry-After, and the same request succeeds once S3 is back', async () => {
    await activeCustomer();
    // The S3 client makes two attempts (shared/clients/timeouts.ts): both answer SlowDown.
    await armS3Fault(localStack().platform_buckets.finance, `exports/${period}/`, 2);
    const failed = await exportAnswer(`?period=${period}`);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(failed.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await exportAnswer(`?period=${period}`)).status).toBe(303);
  });
});
