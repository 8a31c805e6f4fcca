import { Document, parse } from 'yaml';
import * as z from 'zod';
import { quoteAmbiguousStrings, YAML_FORMAT } from '../yaml-quoting.ts';

/**
 * `daylily_info.yaml`: metadata for people and audits; the runner ignores it
 * (daylily-runner.md lists its fields). Sample ids are listed once each, in
 * the order of their first unit.
 */
export const infoFileSchema = z.strictObject({
  workset_id: z.string(),
  workset_name: z.string().optional(),
  customer_id: z.string(),
  submitted_at: z.iso.datetime(),
  pipeline: z.string(),
  reference_genome: z.string(),
  priority: z.string(),
  sample_count: z.number().int().positive(),
  sample_ids: z.array(z.string()).min(1),
  bucket: z.string(),
  prefix: z.string(),
  export_uri: z.string(),
});

export type InfoFile = z.infer<typeof infoFileSchema>;

export function writeInfoFile(info: InfoFile): string {
  const document = new Document({
    workset_id: info.workset_id,
    ...(info.workset_name !== undefined && { workset_name: info.workset_name }),
    customer_id: info.customer_id,
    submitted_at: info.submitted_at,
    pipeline: info.pipeline,
    reference_genome: info.reference_genome,
    priority: info.priority,
    sample_count: info.sample_count,
    sample_ids: info.sample_ids,
    bucket: info.bucket,
    prefix: info.prefix,
    export_uri: info.export_uri,
  });
  quoteAmbiguousStrings(document);
  return `# Written by Portico for people and audits; the Daylily runner ignores this file.\n${document.toString(YAML_FORMAT)}`;
}

/** Reads a daylily_info.yaml back; throws when it is not one. */
export function readInfoFile(text: string): InfoFile {
  return infoFileSchema.parse(parse(text));
}
