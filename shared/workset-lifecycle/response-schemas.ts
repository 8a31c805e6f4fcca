import * as z from 'zod';
import { customerIdSchema } from '../customers/response-schemas.ts';
import { pageSchema } from '../http/response-schemas.ts';
import { QUOTA_NAMES } from '../quotas/declarations.ts';
import type { Describes } from '../validation/describes.ts';
import { pipelineTargets } from '../worksets/registries/pipelines.ts';
import { priorities } from '../worksets/registries/priorities.ts';
import { referenceGenomes } from '../worksets/registries/references.ts';
import { WORKSET_STATES } from './states.ts';
import type { toWorksetView } from './views.ts';
import { ISSUED_WORKSET_ID } from './workset-id.ts';

/** The canonical names a normalized workset carries (aliases resolved, unserved ones refused). */
export const pipelineNameSchema = z.enum(pipelineTargets.map((t) => t.name) as [string, ...string[]]).meta({ description: 'A runnable Daylily target.' });
export const referenceGenomeNameSchema = z
  .enum(referenceGenomes.filter((r) => !('served' in r)).map((r) => r.name) as [string, ...string[]])
  .meta({ description: 'A reference bundle the runner has.' });
export const priorityNameSchema = z.enum(priorities.map((p) => p.name) as [string, ...string[]]);

export const worksetStateSchema = z.enum(WORKSET_STATES).meta({
  id: 'WorksetState',
  description:
    'pending (being handed to the runner), ready, locked, in_progress, complete, error, retrying, failed, canceled, archived, ignored (an operator told the runner to skip it).',
});

const historyEntrySchema = z
  .object({
    state: worksetStateSchema,
    at: z.iso.datetime(),
    by: z.string().meta({ description: 'A user id, `runner` (a sentinel file) or `system:<component>`.' }),
    reason: z.string().optional(),
  })
  .meta({ id: 'WorksetHistoryEntry', description: 'One move of the workset.' });

export const worksetSchema = z
  .object({
    workset_id: z.string().regex(ISSUED_WORKSET_ID),
    customer_id: customerIdSchema,
    state: worksetStateSchema,
    workset_name: z.string().optional(),
    pipeline: pipelineNameSchema,
    reference_genome: referenceGenomeNameSchema,
    priority: priorityNameSchema,
    sample_count: z.int().min(1),
    bucket: z.string(),
    prefix: z.string().meta({ description: "The workset's folder in the customer bucket: `worksets/<workset_id>/`." }),
    export_uri: z.string().meta({ description: 'Where results are exported: s3://bucket/prefix.' }),
    submitted_at: z.iso.datetime(),
    submitted_by: z.string(),
    updated_at: z.iso.datetime(),
    state_reason: z.string().optional().meta({ description: 'Why the workset reached its current state, when one was given.' }),
    quota_warnings: z
      .array(z.object({ quota: z.enum(QUOTA_NAMES), limit: z.number(), used: z.number(), detail: z.string() }))
      .optional()
      .meta({ description: 'Quotas in `warn` mode the admission went past.' }),
    history: z.array(historyEntrySchema).meta({ description: 'Every state the workset was in, oldest first.' }),
  })
  .meta({ id: 'Workset', description: 'A workset and its state history.' });

export const worksetListSchema = pageSchema('worksets', worksetSchema, "One page of the customer's worksets, newest first.");

const _workset: Describes<typeof worksetSchema, ReturnType<typeof toWorksetView>> = true;
