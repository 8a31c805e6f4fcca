import type { ReferenceGenomeName } from './references.ts';
import { createRegistry, isServed, type LookupResult, type RegistryEntry } from './registry.ts';

/** A Daylily target that can actually be run, with what it needs from a workset. */
export interface PipelineTarget extends RegistryEntry {
  readonly kind: 'target';
  readonly description: string;
  /** Refuses samples without `fastq_r2`. */
  readonly pairedReads: boolean;
  readonly references: readonly ReferenceGenomeName[];
  /** Compute multiplier relative to germline_wgs_snv (1); see estimate.ts. */
  readonly costFactor: number;
}

/**
 * Reference support and cost factors are Portico's own assumptions, not taken
 * from Daylily's documentation; kitchensink is assumed hg38-only because its
 * extra callers and annotations are the least likely to be staged for b37.
 */
export const pipelineTargets = [
  {
    kind: 'target',
    name: 'germline_wgs_snv',
    description: 'Alignment, deduplication and small-variant (SNV/indel) calling',
    pairedReads: true,
    references: ['hg38', 'b37'],
    costFactor: 1,
  },
  {
    kind: 'target',
    name: 'germline_wgs_snv_sv',
    description: 'germline_wgs_snv plus structural-variant calling',
    pairedReads: true,
    references: ['hg38', 'b37'],
    costFactor: 1.5,
  },
  {
    kind: 'target',
    name: 'germline_wgs_kitchensink',
    description: 'Every aligner and caller Daylily ships, with QC and annotation',
    pairedReads: true,
    references: ['hg38'],
    costFactor: 4,
  },
  {
    kind: 'target',
    name: 'test_help',
    description: 'Checks the pipeline installation; does not process reads',
    pairedReads: false,
    references: ['hg38', 'b37'],
    costFactor: 0.01,
  },
] as const satisfies readonly PipelineTarget[];

export type PipelineTargetName = (typeof pipelineTargets)[number]['name'];

/** A name the customer portal shows; served only when some target runs it. */
export interface PortalPipeline extends RegistryEntry {
  readonly kind: 'portal';
  readonly description: string;
  readonly runs?: PipelineTargetName;
}

export const portalPipelines = [
  { kind: 'portal', name: 'germline', description: 'Germline small variants', runs: 'germline_wgs_snv' },
  {
    kind: 'portal',
    name: 'somatic',
    description: 'Tumor/normal somatic variants',
    served: false,
    notServedReason: 'the pipeline ships no somatic target',
  },
  {
    kind: 'portal',
    name: 'rna-seq',
    description: 'RNA-seq expression',
    served: false,
    notServedReason: 'the pipeline ships no RNA-seq target',
  },
] as const satisfies readonly PortalPipeline[];

export type Pipeline = PipelineTarget | PortalPipeline;

export const pipelineRegistry = createRegistry<Pipeline>([...portalPipelines, ...pipelineTargets]);

/** The runnable target with this exact name; undefined for anything else. */
export function pipelineTargetNamed(name: string): (PipelineTarget & { name: PipelineTargetName }) | undefined {
  return pipelineTargets.find((t) => t.name === name);
}

/** Finds a pipeline by portal name or target name (any case) and returns the target that runs it. */
export function resolvePipeline(value: string): LookupResult<PipelineTarget & { name: PipelineTargetName }> {
  const found = pipelineRegistry.lookup(value);
  if (!found.ok) return found;
  const targetName = found.entry.kind === 'target' ? found.entry.name : found.entry.runs;
  const target = targetName === undefined ? undefined : pipelineTargetNamed(targetName);
  if (!target) throw new Error(`Pipeline ${found.entry.name} is served but runs no known target`);
  return { ok: true, entry: target };
}

/** Served pipeline names (portal names and targets) whose target supports the reference. */
export function pipelinesSupporting(reference: ReferenceGenomeName): string[] {
  return pipelineRegistry.entries
    .filter(isServed)
    .filter((p) => {
      const resolved = resolvePipeline(p.name);
      return resolved.ok && resolved.entry.references.includes(reference);
    })
    .map((p) => p.name);
}
