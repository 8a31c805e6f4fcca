import * as z from 'zod';
import { WORKSET_SCHEMA_VERSION, worksetRequestSchema } from './schema.ts';

export const WORKSET_SCHEMA_ID = `urn:portico:schemas:workset:${WORKSET_SCHEMA_VERSION}`;

const generated = z.toJSONSchema(worksetRequestSchema, { io: 'input', target: 'draft-2020-12' });

/**
 * JSON Schema (draft 2020-12) of a workset request and of daylily_work.yaml,
 * generated once from `worksetRequestSchema`'s input side. It checks
 * structure, types, ranges, patterns and registry values (`enum`, every
 * accepted name and alias as written there), so a document it accepts passes
 * those checks in the API too. The API also takes what the schema does not
 * list: registry names in any case and numbers written as text (`"30"`).
 * FASTQ path rules beyond the extension, sample sheet contents, repeated
 * samples, paired reads and pipeline/reference support are only checked by
 * `normalizeWorksetRequest` and `readWorksetYaml`.
 */
export const worksetJsonSchema: Readonly<Record<string, unknown>> = deepFreeze({
  $schema: generated.$schema,
  $id: WORKSET_SCHEMA_ID,
  title: `Portico workset (daylily_work.yaml), schema ${WORKSET_SCHEMA_VERSION}`,
  description:
    'Samples (FASTQ files and coverage, as a list or a sample sheet), reference genome, pipeline, priority and retries of a Daylily workset.',
  ...generated,
  // One of the two ways to give the samples; zod has no keyword for it.
  oneOf: [{ required: ['samples'] }, { required: ['sample_sheet'] }],
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
