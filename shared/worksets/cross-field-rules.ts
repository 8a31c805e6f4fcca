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

/**
 * A sample sequenced on several lanes or runs is listed once per unit, with
 * the same sample_id (as in the runner's sheet). An exact repeat (same
 * sample_id and reads) is refused, and so are ids that differ only in case:
 * sample ids become directory and file names, and S1/s1 collide on some file
 * systems. `params.sameAs` is the index of the earlier entry, so a sheet can
 * name its row instead.
 */
export function checkSampleUnits(samples: unknown, ctx: Context): void {
  if (!Array.isArray(samples)) return;
  const firstUnit = new Map<string, number>();
  const spelling = new Map<string, { id: string; index: number }>();
  samples.forEach((sample: unknown, index) => {
    if (!isRecord(sample) || typeof sample.sample_id !== 'string') return;
    const id = sample.sample_id;
    const first = spelling.get(id.toLowerCase());
    if (first && first.id !== id) {
      ctx.addIssue(unitIssue(index, 'case', first.index, id));
      return;
    }
    if (!first) spelling.set(id.toLowerCase(), { id, index });
    const unit = JSON.stringify([id, sample.fastq_r1, sample.fastq_r2 ?? null]);
    const repeated = firstUnit.get(unit);
    if (repeated === undefined) firstUnit.set(unit, index);
    else ctx.addIssue(unitIssue(index, 'repeat', repeated, id));
  });
}

export type UnitProblem = 'case' | 'repeat';

/** The message of a unit problem, naming the earlier entry as `where` (`samples.0`, `row 2`). */
export function unitMessage(problem: UnitProblem, where: string, sampleId: string): string {
  return problem === 'repeat'
    ? `${JSON.stringify(sampleId)} repeats ${where}: same sample id and reads (list each lane or run once)`
    : `${JSON.stringify(sampleId)} differs from the sample id of ${where} only in case; ` +
        'write one sample the same way every time, and give different samples ids that differ in more than case';
}

function unitIssue(index: number, problem: UnitProblem, sameAs: number, sampleId: string) {
  return {
    code: 'custom' as const,
    path: [index, 'sample_id'],
    message: unitMessage(problem, `samples.${sameAs}`, sampleId),
    params: { unitProblem: problem, sameAs, sampleId },
    input: sampleId,
  };
}

/** A workset lists its samples, or carries them as a sample sheet: one of the two. */
export function checkSamplesOrSheet(workset: unknown, ctx: Context): void {
  if (!isRecord(workset)) return;
  const hasList = workset.samples !== undefined;
  const hasSheet = workset.sample_sheet !== undefined;
  if (!hasList && !hasSheet) {
    ctx.addIssue({
      code: 'custom',
      path: ['samples'],
      message: 'is required: list the samples, or give them as a sample_sheet',
      input: undefined,
    });
  } else if (hasList && hasSheet) {
    ctx.addIssue({
      code: 'custom',
      path: ['sample_sheet'],
      message: 'must not be given with samples: give the samples as a list or as a sheet, not both',
      input: workset.sample_sheet,
    });
  }
}

/** The resolved pipeline target must support the reference, and get paired reads if it needs them. */
export function checkPipelineRequirements(workset: unknown, ctx: Context): void {
  if (!isRecord(workset) || typeof workset.pipeline !== 'string') return;
  const target = pipelineTargetNamed(workset.pipeline);
  if (!target) return;
  const reference =
    typeof workset.reference_genome === 'string' ? referenceGenomeNamed(workset.reference_genome) : undefined;
  if (reference && !(target.references as readonly string[]).includes(reference.name)) {
    const accepted = pipelinesSupporting(reference.name);
    ctx.addIssue({
      code: 'custom',
      path: ['pipeline'],
      message: `${target.name} does not support reference_genome ${reference.name}; accepted: ${accepted.join(', ')}`,
      params: { accepted },
      input: workset.pipeline,
    });
  }
  if (!target.pairedReads) return;
  const message = `is required: pipeline ${target.name} needs paired-end reads`;
  if (Array.isArray(workset.samples)) {
    workset.samples.forEach((sample: unknown, index) => {
      if (isRecord(sample) && sample.fastq_r2 === undefined) {
        ctx.addIssue({ code: 'custom', path: ['samples', index, 'fastq_r2'], message, input: undefined });
      }
    });
  }
  const sheet = workset.sample_sheet;
  if (isRecord(sheet) && Array.isArray(sheet.samples) && Array.isArray(sheet.rows)) {
    const rows = sheet.rows as unknown[];
    sheet.samples.forEach((sample: unknown, index) => {
      if (isRecord(sample) && sample.fastq_r2 === undefined) {
        const params = { row: rows[index], column: 'R2_FQ' };
        ctx.addIssue({ code: 'custom', path: ['sample_sheet'], message, params, input: undefined });
      }
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
