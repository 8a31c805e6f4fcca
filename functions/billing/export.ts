import { routeHandler } from '#shared/api/route-handler.ts';
import { downloadUrl, writeExport } from '#shared/billing/billing-export.ts';
import { exportFormatFor, exportKey, exportQuerySchema } from '#shared/billing/export-request.ts';
import { periodPages } from '#shared/billing/period-usage.ts';
import { billingRatesFrom } from '#shared/billing/rates.ts';
import { ENV } from '#shared/config/env-vars.ts';
import { requireEnv } from '#shared/config/runtime.ts';
import { json } from '#shared/http/responses.ts';

const financeBucket = requireEnv(ENV.financeBucket);
const rates = billingRatesFrom(process.env[ENV.billingRates]);
const LINK_SECONDS = 300;

/**
 * The export is written to the finance bucket as it is produced (memory does
 * not grow with the number of customers, and no Lambda response limit
 * applies), and the answer is a 303 to a five-minute download link.
 */
export const handler = routeHandler('billing.export', { query: exportQuerySchema }, async (request) => {
  const { query, requestId } = request;
  const format = exportFormatFor(request.header('accept'), query.format);
  const written = await writeExport({ bucket: financeBucket, key: exportKey(query.period, format, requestId) }, periodPages(query.period), format, rates);
  const url = await downloadUrl(written, LINK_SECONDS);
  return json(
    303,
    { period: query.period, format: written.contentType, rows: written.rows, key: written.key, download_url: url, expires_in_seconds: LINK_SECONDS },
    { location: url },
  );
});
