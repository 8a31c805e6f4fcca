import * as z from 'zod';
import { customerIdSchema, customerStatusSchema } from '../customers/response-schemas.ts';
import type { Describes } from '../validation/describes.ts';
import type { platformStatus } from './platform-status.ts';

const counts = (description: string) => z.record(z.string(), z.int().min(0)).meta({ description });

export const platformStatusSchema = z
  .object({
    as_of: z.iso.datetime(),
    customers: z.int().min(0),
    by_status: counts('Customers per status (statuses with none are left out).'),
    by_plan: counts('Customers per plan (plans with none are left out).'),
    template_versions: counts('Customers not offboarded per customer-template version their stack last reached (`unknown`: none recorded).'),
    storage_bytes: z.number(),
    active_worksets: z.int().min(0),
    provisioning_failures: z.object({
      count: z.int().min(0),
      customers: z
        .array(z.object({ customer_id: customerIdSchema, reason: z.string().nullable(), since: z.iso.datetime() }))
        .meta({ description: 'At most 20; count is complete.' }),
    }),
    stuck: z
      .object({
        count: z.int().min(0),
        customers: z
          .array(z.object({ customer_id: customerIdSchema, status: customerStatusSchema, since: z.iso.datetime() }))
          .meta({ description: 'At most 20; count is complete.' }),
      })
      .meta({ description: 'Customers PROVISIONING or OFFBOARDING for over 30 minutes.' }),
    current_template_version: z.string().nullable().meta({ description: 'The customer-template version in force; null when not configured.' }),
    dead_letter_queues: z.array(z.object({ name: z.string(), messages: z.int().min(0), in_flight: z.int().min(0) })),
    dead_letter_messages: z.int().min(0),
  })
  .meta({ id: 'PlatformStatus', description: 'The fleet in one answer.' });

const _status: Describes<typeof platformStatusSchema, Awaited<ReturnType<typeof platformStatus>>> = true;
