import type { CustomerItem } from '../customers/customer.ts';
import type { BillingRates } from './rates.ts';

/** The export's columns, in order (CSV header, JSON keys). */
export const EXPORT_COLUMNS = [
  'customer_id',
  'customer_name',
  'billing_account_id',
  'cost_center',
  'plan',
  'storage_gb_month',
  'runs',
  'compute_hours',
  'api_requests',
  'estimated_cost_usd',
] as const;

export type ExportRow = { readonly [K in (typeof EXPORT_COLUMNS)[number]]: K extends 'customer_id' | 'customer_name' | 'billing_account_id' | 'cost_center' | 'plan' ? string : number };

/** What a customer used in the period, as the usage table holds it. */
export interface PeriodUsage {
  readonly storage_gb_month: number;
  readonly runs: number;
  readonly compute_hours: number;
  readonly api_requests: number;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * One customer's row. The shared platform cost is apportioned by API
 * requests: `shared × requests / all requests` (nothing when nobody called).
 */
export function exportRow(customer: CustomerItem, usage: PeriodUsage, rates: BillingRates, allApiRequests: number): ExportRow {
  const share = allApiRequests > 0 ? (rates.shared_platform_monthly_usd * usage.api_requests) / allApiRequests : 0;
  const cost =
    usage.storage_gb_month * rates.storage_gb_month_usd +
    usage.runs * rates.run_usd +
    usage.compute_hours * rates.compute_hour_usd +
    (usage.api_requests / 1000) * rates.api_1000_requests_usd +
    (rates.plan_monthly_usd[customer.plan] ?? 0) +
    share;
  return {
    customer_id: customer.customer_id,
    customer_name: customer.customer_name,
    billing_account_id: customer.billing_account_id,
    cost_center: customer.cost_center,
    plan: customer.plan,
    storage_gb_month: round(usage.storage_gb_month, 4),
    runs: usage.runs,
    compute_hours: round(usage.compute_hours, 4),
    api_requests: usage.api_requests,
    estimated_cost_usd: round(cost, 2),
  };
}

export type ExportFormat = 'csv' | 'ndjson';

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson',
};

/**
 * A CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
 * Text starting with = + - @ or a tab is prefixed with a quote mark, so a
 * spreadsheet opening the file never runs a customer-supplied name as a formula.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function headerLine(format: ExportFormat): string {
  return format === 'csv' ? `${EXPORT_COLUMNS.join(',')}\r\n` : '';
}

export function rowLine(row: ExportRow, format: ExportFormat): string {
  return format === 'csv' ? `${EXPORT_COLUMNS.map((column) => csvField(row[column])).join(',')}\r\n` : `${JSON.stringify(row)}\n`;
}
