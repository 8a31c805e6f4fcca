import * as z from 'zod';
import { monthOf, type Counters } from './counters.ts';
import { monthsBetween, storageGbMonths, toMonthUsage, type MonthUsage } from './monthly.ts';

/** The longest history one request may ask for. */
export const MAX_HISTORY_MONTHS = 36;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM');

/** `?from=YYYY-MM&to=YYYY-MM`: by default the last twelve months up to this one. */
export const historyQuerySchema = z
  .strictObject({ from: month.optional(), to: month.optional() })
  .transform((query, context) => {
    const to = query.to ?? monthOf(new Date());
    const from = query.from ?? monthsBack(to, 11);
    const count = monthsBetween(from, to).length;
    if (from > to) context.addIssue({ code: 'custom', path: ['from'], message: `must not be after to (${to})` });
    else if (count > MAX_HISTORY_MONTHS) context.addIssue({ code: 'custom', path: ['from'], message: `asks for ${count} months; at most ${MAX_HISTORY_MONTHS} at a time` });
    return { from, to };
  });

function monthsBack(to: string, months: number): string {
  const [year, m] = to.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, m - 1 - months, 1));
  return monthOf(date);
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** One month of a customer's usage, as history and billing show it. */
export function monthFigures(usage: MonthUsage, runs: number) {
  return {
    month: usage.month,
    storage_gb_month: round(storageGbMonths(usage), 4),
    storage_sampled_days: usage.sampled_days,
    runs,
    completed_worksets: usage.completed_worksets,
    compute_hours: round(usage.compute_seconds / 3600, 4),
    api_requests: usage.api_requests,
  };
}

/** Every month from `from` to `to`, a month with nothing recorded answering zeros. */
export function usageHistory(customerId: string, from: string, to: string, months: ReadonlyMap<string, MonthUsage>, counters: Counters) {
  return {
    customer_id: customerId,
    from,
    to,
    months: monthsBetween(from, to).map((m) => monthFigures(months.get(m) ?? toMonthUsage(m, undefined), counters.runs(m))),
  };
}
