import { createRegistry, type RegistryEntry, type Served } from './registry.ts';

export interface ReferenceGenome extends RegistryEntry {
  readonly description: string;
  /** Haploid genome size in gigabases; coverage × this = bases sequenced per sample (see estimate.ts). */
  readonly genomeGbases: number;
}

/** The reference bundles Daylily ships are hg38 and b37; anything else is refused. */
export const referenceGenomes = [
  {
    name: 'hg38',
    aliases: ['grch38'],
    description: 'GRCh38 (hg38) reference bundle',
    genomeGbases: 3.1,
  },
  {
    name: 'b37',
    aliases: ['grch37'],
    description: 'GRCh37 (Broad b37) reference bundle',
    genomeGbases: 3.1,
  },
  {
    name: 'hg19',
    served: false,
    notServedReason: 'the pipeline ships no hg19 bundle (use b37 for GRCh37)',
    description: 'UCSC hg19',
    genomeGbases: 3.1,
  },
] as const satisfies readonly ReferenceGenome[];

export type ReferenceGenomeName = Served<(typeof referenceGenomes)[number]>['name'];

export const referenceGenomeRegistry = createRegistry(referenceGenomes);

/** The served reference genome with this canonical name; undefined for any other string. */
export function referenceGenomeNamed(name: string): Served<(typeof referenceGenomes)[number]> | undefined {
  const found = referenceGenomeRegistry.lookup(name);
  return found.ok && found.entry.name === name ? found.entry : undefined;
}
