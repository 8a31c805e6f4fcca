import { Document, parse, Schema, visit } from 'yaml';
import type { WorksetConfig, WorksetSample } from './schema.ts';

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
  visit(document, {
    Scalar(key, node) {
      if (key !== 'key' && typeof node.value === 'string' && needsDoubleQuotes(node.value)) {
        node.type = 'QUOTE_DOUBLE';
      }
    },
  });
  return document.toString(FORMAT);
}

const FORMAT = { indentSeq: false, lineWidth: 0 } as const;

function orderedSample(sample: WorksetSample): WorksetSample {
  return {
    sample_id: sample.sample_id,
    fastq_r1: sample.fastq_r1,
    ...(sample.fastq_r2 !== undefined && { fastq_r2: sample.fastq_r2 }),
    coverage: sample.coverage,
  };
}

/**
 * The yaml package quotes strings that YAML 1.2 would read as something else,
 * but the file is also read by Python tools, and PyYAML reads YAML 1.1, where
 * `yes`, `on`, `1:20`, `010` or `2026-11-23` written plain are booleans,
 * numbers and dates. Those patterns are YAML 1.1's implicit tags.
 */
const YAML_11_IMPLICIT = new Schema({ schema: 'yaml-1.1' }).tags.flatMap((tag) =>
  tag.default === true && tag.tag !== 'tag:yaml.org,2002:str' && 'test' in tag && tag.test instanceof RegExp
    ? [tag.test]
    : [],
);

function needsDoubleQuotes(text: string): boolean {
  if (text.includes('\n')) return blockScalarChangesIt(text);
  return YAML_11_IMPLICIT.some((pattern) => pattern.test(text));
}

/**
 * yaml 2.9 writes a multi-line string whose first line is only spaces (" \n")
 * as a block scalar without an indentation indicator, which reads back without
 * those spaces; such strings are double-quoted instead.
 */
function blockScalarChangesIt(text: string): boolean {
  try {
    return (parse(new Document({ text }).toString(FORMAT)) as { text?: unknown }).text !== text;
  } catch {
    return true;
  }
}
