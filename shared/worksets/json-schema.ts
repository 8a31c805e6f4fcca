import * as z from 'zod';
import { WORKSET_SCHEMA_VERSION, worksetRequestSchema } from './schema.ts';

export const WORKSET_SCHEMA_ID = `urn:portico:schemas:workset:${WORKSET_SCHEMA_VERSION}`;

const generated = z.toJSONSchema(worksetRequestSchema, { io: 'input', target: 'draft-2020-12' });

/**
 * JSON Schema (draft 2020-12) of a workset request and of daylily_work.yaml,
 * generated once from `worksetRequestSchema`'s input side. It checks
 * structure, types, ranges and patterns. Registry membership (listed in
 * `examples`), FASTQ path rules beyond the extension, duplicate sample ids,
 * paired reads and pipeline/reference support are only checked by
 * `normalizeWorksetRequest` and `readWorksetYaml`.
 */
export const worksetJsonSchema: Readonly<Record<string, unknown>> = deepFreeze({
  $schema: generated.$schema,
  $id: WORKSET_SCHEMA_ID,
  title: `Portico workset (daylily_work.yaml), schema ${WORKSET_SCHEMA_VERSION}`,
  description:
    'Samples (FASTQ pairs and coverage), reference genome, pipeline, priority and retries of a Daylily workset.',
  ...generated,
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
