import type { ReferenceGenomeName } from './references.ts';
import { createRegistry, type LookupResult, type RegistryEntry } from './registry.ts';

/** A Daylily target that can actually be run, with what it needs from a workset. */
export interface PipelineTarget extends RegistryEntry {
  readonly kind: 'target';
  readonly description: string;
  /**
   * The arguments the runner's monitor puts after its run command (the
   * run file's `dy-r`). They reach a shell on the cluster, so they come from
   * this table only, never from a request.
   */
  readonly dyR: string;
  /** Refuses samples without `fastq_r2`. */
  readonly pairedReads: boolean;
  readonly references: readonly ReferenceGenomeName[];
  /** Compute multiplier relative to germline_wgs_snv (1); see estimate.ts. */
  readonly costFactor: number;
}

/**
 * The targets and their `dy-r` arguments are the runner's table, copied as
 * they are (daylily-runner.md). `germline`, what the portal sent by default, is
 * an explicit alias of germline_wgs_snv; any name not listed here is refused,
 * never run as something else.
 *
 * Reference support and cost factors are Portico's own assumptions: the
 * runner's facts list no support matrix. kitchensink is assumed hg38-only
 * because its extra callers and annotations are the least likely to be staged
 * for other bundles.
 */
export const pipelineTargets = [
  {
    kind: 'target',
    name: 'germline_wgs_snv',
    aliases: ['germline'],
    description: 'Alignment, deduplication and small-variant (SNV/indel) calling',
    dyR: 'produce_snv_concordances produce_alignstats -p -k -j 200 --config aligners=["bwa2a"] dedupers=["dppl"] snv_callers=["deep19"]',
    pairedReads: true,
    references: ['hg38', 'b37', 'hg38_broad'],
    costFactor: 1,
  },
  {
    kind: 'target',
    name: 'germline_wgs_snv_sv',
    description: 'germline_wgs_snv plus structural-variant calling',
    dyR: 'produce_snv_concordances produce_alignstats produce_tiddit produce_manta -p -k -j 2 --config aligners=["bwa2a"] dedupers=["dppl19"] snv_callers=["deep"] sv_callers=["tiddit","manta"]',
    pairedReads: true,
    references: ['hg38', 'b37', 'hg38_broad'],
    costFactor: 1.5,
  },
  {
    kind: 'target',
    name: 'germline_wgs_kitchensink',
    description: 'Every aligner and caller Daylily ships, with QC and annotation',
    dyR: 'produce_snv_concordances produce_multiqc_final_wgs produce_alignstats produce_tiddit produce_manta -p -k -j 2 --config aligners=["bwa2a"] dedupers=["dppl"] snv_callers=["deep19"] sv_callers=["tiddit","manta"]',
    pairedReads: true,
    references: ['hg38'],
    costFactor: 4,
  },
  {
    kind: 'target',
    name: 'test_help',
    description: 'Checks the pipeline installation; does not process reads',
    dyR: '-p help',
    pairedReads: false,
    references: ['hg38', 'b37', 'hg38_broad'],
    costFactor: 0.01,
  },
] as const satisfies readonly PipelineTarget[];

export type PipelineTargetName = (typeof pipelineTargets)[number]['name'];

export const DEFAULT_PIPELINE: PipelineTargetName = 'germline_wgs_snv';

/** A name the customer portal showed that no target runs: kept so a request naming it is told why. */
export interface UnservedPipeline extends RegistryEntry {
  readonly kind: 'unserved';
  readonly description: string;
  readonly served: false;
}

export const unservedPipelines = [
  {
    kind: 'unserved',
    name: 'somatic',
    description: 'Tumor/normal somatic variants',
    served: false,
    notServedReason: 'the pipeline ships no somatic target',
  },
  {
    kind: 'unserved',
    name: 'rna-seq',
    description: 'RNA-seq expression',
    served: false,
    notServedReason: 'the pipeline ships no RNA-seq target',
  },
] as const satisfies readonly UnservedPipeline[];

export type Pipeline = PipelineTarget | UnservedPipeline;

export const pipelineRegistry = createRegistry<Pipeline>([...pipelineTargets, ...unservedPipelines]);

type KnownTarget = PipelineTarget & { name: PipelineTargetName };

/** The runnable target with this exact name; undefined for anything else. */
export function pipelineTargetNamed(name: string): KnownTarget | undefined {
  return pipelineTargets.find((t) => t.name === name);
}

/** Finds a pipeline by target name or alias (any case) and returns the target. */
export function resolvePipeline(value: string): LookupResult<KnownTarget> {
  const found = pipelineRegistry.lookup(value);
  if (!found.ok) return found;
  const target = pipelineTargetNamed(found.entry.name);
  if (!target) throw new Error(`Pipeline ${found.entry.name} is served but is no known target`);
  return { ok: true, entry: target };
}

/** Served pipeline names and aliases whose target supports the reference. */
export function pipelinesSupporting(reference: ReferenceGenomeName): string[] {
  const targets: readonly PipelineTarget[] = pipelineTargets;
  return targets
    .filter((target) => target.references.includes(reference))
    .flatMap((target) => [target.name, ...(target.aliases ?? [])]);
}
