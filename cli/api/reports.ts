/**
 * Typed views of usage, the billing export and the platform status (bodies
 * typed by client/schema.ts).
 */
import { unwrap, type PorticoClient, type components } from '#client/index.ts';

type S = components['schemas'];
export type Usage = S['Usage'];
export type BillingExport = S['BillingExport'];
export type PlatformStatus = S['PlatformStatus'];

export async function getUsage(client: PorticoClient, customerId: string): Promise<Usage> {
  return unwrap(await client.GET('/customers/{customer_id}/usage', { params: { path: { customer_id: customerId } } }));
}

export async function platformStatus(client: PorticoClient): Promise<PlatformStatus> {
  return unwrap(await client.GET('/admin/status'));
}

/**
 * Asks for the export. The API answers 303 to a download link with the
 * export's description as the body; the redirect is not followed here (the
 * link is a presigned S3 URL, fetched without the bearer token).
 */
export async function requestBillingExport(client: PorticoClient, period: string, format: 'csv' | 'ndjson'): Promise<BillingExport> {
  const result = await client.GET('/billing/export', {
    params: { query: { period, format } },
    redirect: 'manual',
  });
  // openapi-fetch parses a 303's body (the export's description, typed BillingExport in the
  // document) into `error`, whose type it builds from 4xx and 5xx answers only: hence the cast.
  if (result.response.status === 303) return result.error as unknown as BillingExport;
  return unwrap(result);
}
