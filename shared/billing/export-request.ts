import * as z from 'zod';
import { NotAcceptableError } from '../http/errors.ts';
import { monthOf } from '../usage/counters.ts';
import { CONTENT_TYPES, type ExportFormat } from './export-rows.ts';

/** `?period=YYYY-MM`: a month that has begun (the current one is month to date). */
export const exportQuerySchema = z.strictObject({
  period: z
    .string({ error: 'is required, as YYYY-MM' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM')
    .refine((period) => period <= monthOf(new Date()), 'must not be a month that has not begun'),
  format: z
    .enum(['csv', 'ndjson'])
    .optional()
    .meta({ description: 'The file: CSV or JSON lines. Without it, `Accept` decides (`application/x-ndjson`, else CSV).' }),
});

/**
 * The `format` query parameter when given (what OpenAPI tools can send),
 * else the `Accept` header: CSV unless it asks for JSON lines
 * (`application/x-ndjson`). An Accept that allows neither answers 406 with
 * what is available.
 */
export function exportFormatFor(accept: string | undefined, format?: ExportFormat): ExportFormat {
  if (format) return format;
  const types = (accept ?? '*/*').split(',').map((part) => part.split(';')[0]?.trim().toLowerCase() ?? '');
  if (types.includes('application/x-ndjson')) return 'ndjson';
  if (types.some((type) => type === 'text/csv' || type === 'text/*' || type === '*/*' || type === '')) return 'csv';
  throw new NotAcceptableError(`The export is available as text/csv or application/x-ndjson, not ${accept}.`, Object.values(CONTENT_TYPES));
}

export function exportKey(period: string, format: ExportFormat, requestId: string): string {
  return `exports/${period}/${requestId}.${format === 'csv' ? 'csv' : 'ndjson'}`;
}
