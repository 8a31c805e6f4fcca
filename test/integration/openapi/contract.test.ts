import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPorticoClient, PorticoProblem, unwrap, type PorticoClient } from '#client/index.ts';
import { OPENAPI_FILE } from '#shared/openapi/write-document.ts';
import { routeTable, type RouteDefinition } from '#shared/routes/index.ts';
import { ContractChecker } from '../../support/openapi/contract.ts';
import {
  adminToken,
  customerBody,
  customerWithMember,
  injectStackFault,
  localStack,
  waitForCustomerStatus,
  waitForStackStatus,
} from '../../support/local-stack.ts';
import { requestWith } from '../../unit/worksets/fixtures.ts';
import { worksetTenant } from '../worksets/workset-support.ts';

/**
 * The contract of the routes whose success the fuzz suite cannot reach (see
 * SUCCEEDS_ELSEWHERE there), called through the typed client, every real
 * answer validated against the document the stack serves. The fuzz suite
 * checks every other route's answers the same way.
 */
let contract: ContractChecker;
let admin: PorticoClient;
/** Every answer the typed client received, with the route it was for. */
const answers: { route: RouteDefinition; response: Response; text: string }[] = [];

/** The route a request was for, matched on the route table. */
function routeOf(request: Request): RouteDefinition {
  const path = new URL(request.url).pathname;
  const route = routeTable.find((r) => r.method === request.method && new RegExp(`^${r.path.replace(/\{[a-z_]+\}/g, '[^/]+')}$`).test(path));
  if (!route) throw new Error(`no route for ${request.method} ${path}`);
  return route;
}

function clientFor(token: string): PorticoClient {
  return createPorticoClient({
    baseUrl: localStack().api_url,
    token: () => token,
    fetch: async (request) => {
      const route = routeOf(request);
      const response = await fetch(request);
      answers.push({ route, response, text: await response.clone().text() });
      return response;
    },
  });
}

/** Every answer the client received for the route, checked against the document. */
function violationsOf(id: string): string[] {
  const seen = answers.filter((a) => a.route.id === id);
  expect(seen.length).toBeGreaterThan(0);
  return seen.flatMap(({ route, response, text }) => contract.violations(route, { status: response.status, headers: response.headers, text }));
}

beforeAll(async () => {
  const served = await fetch(`${localStack().api_url}/openapi.json`);
  contract = new ContractChecker((await served.json()) as Record<string, unknown>);
  admin = clientFor(await adminToken());
});

describe('GET /openapi.json', () => {
  it('serves the prebuilt document, as JSON, cacheable', async () => {
    const served = await fetch(`${localStack().api_url}/openapi.json`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/json');
    expect(served.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await served.json()).toEqual(JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')));
  });
});

describe('POST /customers/{customer_id}/provision', () => {
  it('answers the documented 202 for a retried failed create, and the documented problem for an ACTIVE customer', async () => {
    const slug = `ctr${randomUUID().slice(0, 8)}`;
    await injectStackFault(slug, 'create', 'Access denied');
    const created = unwrap(await admin.POST('/customers', { body: customerBody({ customer_name: slug }) as never }));
    await waitForCustomerStatus(created.customer_id, 'PROVISION_FAILED');
    await waitForStackStatus(created.stack_name, 'ROLLBACK_COMPLETE');

    const retried = unwrap(await admin.POST('/customers/{customer_id}/provision', { params: { path: { customer_id: created.customer_id } } }));
    expect(retried.status).toBe('PROVISIONING');
    await waitForCustomerStatus(created.customer_id, 'ACTIVE');
    const refused = await admin.POST('/customers/{customer_id}/provision', { params: { path: { customer_id: created.customer_id } } });
    expect(() => unwrap(refused)).toThrow(PorticoProblem);
    expect(refused.response.status).toBe(409);

    expect(violationsOf('customers.provision')).toEqual([]);
    expect(violationsOf('customers.create')).toEqual([]);
  });
});

describe('POST /customers/{customer_id}/uploads/{upload_id}/complete', () => {
  it('answers the documented 200 with the completed upload', async () => {
    const { customer, member } = await customerWithMember();
    const api = clientFor(member.token);
    const path = { customer_id: customer.customer_id as string };
    const ticket = unwrap(await api.POST('/customers/{customer_id}/uploads', { params: { path }, body: { filename: `c_${randomUUID().slice(0, 6)}_R1.fastq.gz`, size_bytes: 16 * 1024 * 1024 + 1 } }));
    expect(ticket.multipart).toBe(true);
    const parts = [];
    for (const part of ticket.multipart ? ticket.parts : []) {
      const put = await fetch(part.url, { method: 'PUT', body: Buffer.alloc(part.size_bytes, 7) });
      parts.push({ part_number: part.part_number, etag: put.headers.get('etag') as string });
    }

    const completed = unwrap(await api.POST('/customers/{customer_id}/uploads/{upload_id}/complete', { params: { path: { ...path, upload_id: ticket.upload_id } }, body: { parts } }));

    expect(completed.state).toBe('COMPLETED');
    expect(violationsOf('uploads.complete')).toEqual([]);
    expect(violationsOf('uploads.create')).toEqual([]);
  });
});

describe('PUT /customers/{customer_id}/worksets/{workset_id}/state', () => {
  it('answers the documented 200 with the moved workset, and the documented 409 for a move the state machine refuses', async () => {
    const { customer, member } = await worksetTenant();
    const path = { customer_id: customer.customer_id as string };
    const submitted = unwrap(await clientFor(member.token).POST('/customers/{customer_id}/worksets', { params: { path }, body: requestWith() as never }));
    const state = { params: { path: { ...path, workset_id: submitted.workset_id } } };

    const moved = unwrap(await admin.PUT('/customers/{customer_id}/worksets/{workset_id}/state', { ...state, body: { state: 'in_progress', reason: 'picked up' } }));
    const refused = await admin.PUT('/customers/{customer_id}/worksets/{workset_id}/state', { ...state, body: { state: 'ready', reason: 'back' } });

    expect(moved.state).toBe('in_progress');
    expect(refused.response.status).toBe(409);
    expect(violationsOf('worksets.setState')).toEqual([]);
    expect(violationsOf('worksets.submit')).toEqual([]);
  });
});
