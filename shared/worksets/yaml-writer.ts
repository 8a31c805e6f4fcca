import { Document } from 'yaml';
import type { WorksetConfig, WorksetSample } from './schema.ts';
import { quoteAmbiguousStrings, YAML_FORMAT } from './yaml-quoting.ts';

/**
 * Writes a normalized config as daylily_work.yaml: `samples:` first, sample
 * items at column 0, keys in a fixed order, optional fields only when set.
 * Expects the output of `normalizeWorksetRequest` or `readWorksetYaml`.
 */
export function writeWorksetYaml(config: WorksetConfig): string {
  const document = new Document({
    samples: config.samples.map(orderedSample),
    reference_genome: config.reference_genome,
    pipeline: config.pipeline,
    priority: config.priority,
    max_retries: config.max_retries,
    estimated_coverage: config.estimated_coverage,
    ...(config.workset_name !== undefined && { workset_name: config.workset_name }),
    ...(config.notes !== undefined && { notes: config.notes }),
    ...(config.export_uri !== undefined && { export_uri: config.export_uri }),
    schema_version: config.schema_version,
  });
  quoteAmbiguousStrings(document);
  return document.toString(YAML_FORMAT);
}

function orderedSample(sample: WorksetSample): WorksetSample {
  return {
    sample_id: sample.sample_id,
    fastq_r1: sample.fastq_r1,
    ...(sample.fastq_r2 !== undefined && { fastq_r2: sample.fastq_r2 }),
    coverage: sample.coverage,
    ...(sample.sheet_columns !== undefined && { sheet_columns: sample.sheet_columns }),
  };
}
