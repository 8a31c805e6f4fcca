import { ENV } from '../config/env-vars.ts';
import { requireEnv } from '../config/runtime.ts';
import { writeExport } from './billing-export.ts';
import { periodPages } from './period-usage.ts';
import { billingRatesFrom } from './rates.ts';

/** The month before `now`'s (UTC): the one a run on the 1st closes. */
export function previousMonth(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

export const monthlyExportKey = (period: string) => `billing/${period}.csv`;

/**
 * Last month's billing export, written to `billing/YYYY-MM.csv` in the
 * finance bucket. A second run overwrites it with the same figures (the
 * bucket is versioned, so nothing is lost either way).
 */
export async function monthlyExport(now = new Date()): Promise<{ key: string; rows: number }> {
  const period = previousMonth(now);
  const written = await writeExport(
    { bucket: requireEnv(ENV.financeBucket), key: monthlyExportKey(period) },
    periodPages(period),
    'csv',
    billingRatesFrom(process.env[ENV.billingRates]),
  );
  return { key: written.key, rows: written.rows };
}
