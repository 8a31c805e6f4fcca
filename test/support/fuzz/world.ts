import { routeTable, type RouteId } from '#shared/routes/index.ts';
import { requestSchemas } from '#shared/routes/request-schemas.ts';
import type { FuzzStack, Identity } from './fuzz-stack.ts';
import type { FuzzWorld } from './scenarios.ts';

const MULTIPART_BYTES = 20 * 1024 * 1024;

const worksetBody = (n: number) => ({
  reference_genome: 'GRCh38',
  samples: [{ sample_id: `S${n}`, fastq_r1: `reads/S${n}_R1.fastq.gz`, fastq_r2: `reads/S${n}_R2.fastq.gz` }],
});

/**
 * Sets up what the scenarios name: tenants A and B with members, worksets and
 * multipart uploads, customers whose lifecycle the fuzzer drives, other
 * listings' real page tokens and the plans' current limits. Then every
 * identity calls each of its customers once, so the month's usage item
 * (api_requests) exists before any count is taken.
 */
export async function buildWorld(stack: FuzzStack): Promise<FuzzWorld> {
  const adminToken = await stack.adminToken();
  const admin: Identity = { email: stack.info.admin.email, userId: '', token: adminToken };
  // Enterprise: the highest request rate (rate limits are per plan), so throttling seldom interrupts.
  const overrides = { plan: 'enterprise', max_runs_per_month: 1_000_000 };
  const customer = () => stack.activeCustomer(adminToken, overrides);
  const [[a, b, updated, suspended, offboarded], [aAdmin, aMember, roleChanging, removable, bMember, stranger]] = await Promise.all([
    Promise.all([customer(), customer(), customer(), customer(), customer()]),
    Promise.all([stack.user(), stack.user(), stack.user(), stack.user(), stack.user(), stack.user()]),
  ]);
  const add = (customerId: string, user: Identity, role: string) => stack.call('POST', `/customers/${customerId}/users`, adminToken, { email: user.email, role }, 201);
  await Promise.all([
    add(a.customer_id, aAdmin, 'admin'),
    add(a.customer_id, aMember, 'member'),
    add(a.customer_id, roleChanging, 'member'),
    add(a.customer_id, removable, 'member'),
    add(b.customer_id, bMember, 'admin'),
  ]);
  const submit = (customerId: string, token: string, n: number) => stack.call('POST', `/customers/${customerId}/worksets`, token, worksetBody(n), 201);
  const upload = (customerId: string, token: string) =>
    stack.call('POST', `/customers/${customerId}/uploads`, token, { filename: 'reads/big_R1.fastq.gz', size_bytes: MULTIPART_BYTES }, 201);
  const [w1, w2, w3, u1, u2, bw1, , bu1] = await Promise.all([
    submit(a.customer_id, aMember.token, 1),
    submit(a.customer_id, aMember.token, 2),
    submit(a.customer_id, aMember.token, 3),
    upload(a.customer_id, aMember.token),
    upload(a.customer_id, aMember.token),
    submit(b.customer_id, bMember.token, 1),
    submit(b.customer_id, bMember.token, 2),
    upload(b.customer_id, bMember.token),
  ]);
  const plans = (await stack.call('GET', '/plans', aMember.token, undefined, 200)) as { plans: { plan_id: string; quotas: Record<string, number> }[] };

  const world: FuzzWorld = {
    stack,
    admin,
    stranger,
    a: {
      customerId: a.customer_id,
      admin: aAdmin,
      member: aMember,
      roleChanging,
      removable,
      worksetId: w1.workset_id,
      cancellableWorksetId: w2.workset_id,
      movingWorksetId: w3.workset_id,
      uploadId: u1.upload_id,
      abortableUploadId: u2.upload_id,
    },
    b: { customerId: b.customer_id, member: bMember, worksetId: bw1.workset_id, uploadId: bu1.upload_id },
    updated: updated.customer_id,
    suspended: suspended.customer_id,
    offboarded: offboarded.customer_id,
    foreignTokens: await foreignTokens(stack, adminToken, b.customer_id),
    plans: Object.fromEntries(plans.plans.map((p) => [p.plan_id, planLimits(p.quotas)])),
  };
  await Promise.all(
    [aAdmin, aMember, roleChanging, removable].map((user) => stack.call('GET', `/customers/${a.customer_id}/usage`, user.token, undefined, 200)),
  );
  await stack.call('GET', `/customers/${b.customer_id}/usage`, bMember.token, undefined, 200);
  await stack.settle();
  return world;
}

/** A plan's limits as PUT /plans takes them, from GET /plans (a quota is a number or `{ limit }`). */
function planLimits(quotas: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(quotas).map(([name, q]) => [name, typeof q === 'number' ? q : ((q as { limit: number }).limit)]));
}

/**
 * For every listing (a query with `next_token`), a real token of another
 * listing: customer-scoped ones from customer B's, the customer list's from
 * its ACTIVE-only listing.
 */
async function foreignTokens(stack: FuzzStack, adminToken: string, otherCustomer: string): Promise<Partial<Record<RouteId, string[]>>> {
  const listings = routeTable.filter((route) => {
    const query = requestSchemas[route.id as RouteId].query as { shape?: Record<string, unknown> } | null;
    return route.method === 'GET' && query?.shape !== undefined && 'next_token' in query.shape;
  });
  const tokens = await Promise.all(
    listings.map(async (route) => {
      const target = route.path.includes('{customer_id}') ? `${route.path.replace('{customer_id}', otherCustomer)}?limit=1` : `${route.path}?limit=1&status=ACTIVE`;
      const page = await stack.call('GET', target, adminToken, undefined, 200);
      if (typeof page.next_token !== 'string') throw new Error(`${target} has no second page to take a token from`);
      return [route.id, [page.next_token as string]] as const;
    }),
  );
  return Object.fromEntries(tokens);
}
