import { createRegistry, type RegistryEntry, type Served } from './registry.ts';

export interface ReferenceGenome extends RegistryEntry {
  readonly description: string;
  /** Haploid genome size in gigabases; coverage × this = bases sequenced per sample (see estimate.ts). */
  readonly genomeGbases?: number;
}

/**
 * The builds the Daylily runner can run are hg38, b37 and hg38_broad
 * (daylily-runner.md). GRCh38 and GRCh37 are what forms and scripts send for
 * hg38 and b37, so they are aliases. hg38_broad is its own entry, not an alias
 * of hg38: the runner lists it as a separate runnable build (the Broad's GRCh38
 * bundle, with its own contigs and resources), and folding it into hg38 would
 * silently run a different bundle than the one asked for. Builds nothing runs
 * are kept, not served, so a request naming them is told why and what is
 * accepted.
 */
export const referenceGenomes = [
  { name: 'hg38', aliases: ['GRCh38'], description: 'GRCh38 (hg38) reference bundle', genomeGbases: 3.1 },
  { name: 'b37', aliases: ['GRCh37'], description: 'GRCh37 (Broad b37) reference bundle', genomeGbases: 3.1 },
  { name: 'hg38_broad', description: "The Broad Institute's GRCh38 bundle", genomeGbases: 3.1 },
  {
    name: 'hg19',
    served: false,
    notServedReason: 'the pipeline ships no hg19 bundle (use b37 for GRCh37)',
    description: 'UCSC hg19',
  },
  {
    name: 'T2T-CHM13',
    served: false,
    notServedReason: 'the pipeline ships no T2T-CHM13 bundle',
    description: 'Telomere-to-telomere CHM13',
  },
  {
    name: 'GRCm39',
    served: false,
    notServedReason: 'a mouse genome; the pipeline ships human references only',
    description: 'Mouse GRCm39',
  },
] as const satisfies readonly ReferenceGenome[];

export type ReferenceGenomeName = Served<(typeof referenceGenomes)[number]>['name'];

export const referenceGenomeRegistry = createRegistry(referenceGenomes);

/** The served reference genome with this canonical name; undefined for any other string. */
export function referenceGenomeNamed(name: string): Served<(typeof referenceGenomes)[number]> | undefined {
  const found = referenceGenomeRegistry.lookup(name);
  return found.ok && found.entry.name === name ? found.entry : undefined;
}
