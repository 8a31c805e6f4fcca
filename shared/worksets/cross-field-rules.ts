import type { z } from 'zod';
import { pipelinesSupporting, pipelineTargetNamed } from './registries/pipelines.ts';
import { referenceGenomeNamed } from './registries/references.ts';

/**
 * Rules that relate fields to each other. schema.ts runs them even when some
 * fields already failed, so they receive whatever was parsed (failed fields
 * hold the raw input or an abort marker) and check the shape of all they read.
 */
type Context = z.core.$RefinementCtx;

export function checkReadsDiffer(sample: unknown, ctx: Context): void {
  if (isRecord(sample) && typeof sample.fastq_r1 === 'string' && sample.fastq_r2 === sample.fastq_r1) {
    ctx.addIssue({ code: 'custom', path: ['fastq_r2'], message: 'must differ from fastq_r1', input: sample.fastq_r2 });
  }
}

export function checkUniqueSampleIds(samples: unknown, ctx: Context): void {
  if (!Array.isArray(samples)) return;
  const firstIndex = new Map<string, number>();
  samples.forEach((sample: unknown, index) => {
    if (!isRecord(sample) || typeof sample.sample_id !== 'string') return;
    // Ignoring case: sample ids become directory and file names, and S1/s1 collide on some file systems.
    const key = sample.sample_id.toLowerCase();
    const first = firstIndex.get(key);
    if (first === undefined) {
      firstIndex.set(key, index);
      return;
    }
    ctx.addIssue({
      code: 'custom',
      path: [index, 'sample_id'],
      message:
        `${JSON.stringify(sample.sample_id)} duplicates samples.${first}.sample_id; ` +
        'sample ids must be unique within a workset (ignoring case)',
      input: sample.sample_id,
    });
  });
}

/** The resolved pipeline target must support the reference, and get paired reads if it needs them. */
export function checkPipelineRequirements(workset: unknown, ctx: Context): void {
  if (!isRecord(workset) || typeof workset.pipeline !== 'string') return;
  const target = pipelineTargetNamed(workset.pipeline);
  if (!target) return;
  const reference =
    typeof workset.reference_genome === 'string' ? referenceGenomeNamed(workset.reference_genome) : undefined;
  if (reference && !target.references.includes(reference.name)) {
    const accepted = pipelinesSupporting(reference.name);
    ctx.addIssue({
      code: 'custom',
      path: ['pipeline'],
      message: `${target.name} does not support reference_genome ${reference.name}; accepted: ${accepted.join(', ')}`,
      params: { accepted },
      input: workset.pipeline,
    });
  }
  if (!target.pairedReads || !Array.isArray(workset.samples)) return;
  workset.samples.forEach((sample: unknown, index) => {
    if (isRecord(sample) && sample.fastq_r2 === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['samples', index, 'fastq_r2'],
        message: `is required: pipeline ${target.name} needs paired-end reads`,
        input: undefined,
      });
    }
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
