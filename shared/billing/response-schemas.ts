import * as z from 'zod';
import { CONTENT_TYPES } from './export-rows.ts';

/** The body of the 303 `GET /billing/export` answers (its `Location` is `download_url`). */
export const billingExportSchema = z
  .object({
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).meta({ description: 'The month exported, YYYY-MM.' }),
    format: z.enum(Object.values(CONTENT_TYPES) as [string, ...string[]]).meta({ description: 'The media type of the file: CSV, or JSON lines when asked for.' }),
    rows: z.int().min(0).meta({ description: 'One row per customer.' }),
    key: z.string().meta({ description: 'The object key in the finance bucket: `exports/<period>/<request id>.csv|ndjson`.' }),
    download_url: z.url().meta({ description: 'Presigned GET of the file; the same URL as `Location`.' }),
    expires_in_seconds: z.int().min(1).meta({ description: 'How long download_url works.' }),
  })
  .meta({ id: 'BillingExport', description: 'Where the export was written and a link that downloads it.' });
