import { describe, expect, it } from 'vitest';
import {
  pipelineRegistry,
  pipelineTargets,
  priorityRegistry,
  referenceGenomeRegistry,
  referenceGenomes,
  resolvePipeline,
} from '#shared/worksets/index.ts';
import { pipelinesSupporting } from '#shared/worksets/registries/pipelines.ts';
import { createRegistry } from '#shared/worksets/registries/registry.ts';

describe('reference genome registry', () => {
  it.each([
    ['hg38', 'hg38'],
    ['HG38', 'hg38'],
    ['grch38', 'hg38'],
    ['GRCh38', 'hg38'],
    ['b37', 'b37'],
    ['B37', 'b37'],
    ['grch37', 'b37'],
    ['GRCh37', 'b37'],
    ['hg38_broad', 'hg38_broad'],
  ])('resolves %s to %s', (value, name) => {
    const found = referenceGenomeRegistry.lookup(value);
    expect(found.ok && found.entry.name).toBe(name);
  });

  it('lists served names and aliases as accepted, not the builds nothing runs', () => {
    expect(referenceGenomeRegistry.accepted).toEqual(['hg38', 'GRCh38', 'b37', 'GRCh37', 'hg38_broad']);
  });

  it('refuses hg19 as not served, saying why', () => {
    expect(referenceGenomeRegistry.lookup('HG19')).toEqual({
      ok: false,
      problem: 'not-served',
      message:
        '"HG19" is not served: the pipeline ships no hg19 bundle (use b37 for GRCh37); accepted: hg38, GRCh38, b37, GRCh37, hg38_broad',
      accepted: ['hg38', 'GRCh38', 'b37', 'GRCh37', 'hg38_broad'],
    });
  });

  it('refuses an unknown genome with the accepted list', () => {
    expect(referenceGenomeRegistry.lookup('mm10')).toEqual({
      ok: false,
      problem: 'unknown',
      message: '"mm10" is unknown; accepted: hg38, GRCh38, b37, GRCh37, hg38_broad',
      accepted: ['hg38', 'GRCh38', 'b37', 'GRCh37', 'hg38_broad'],
    });
  });

  it('does not trim or otherwise guess', () => {
    expect(referenceGenomeRegistry.lookup(' hg38').ok).toBe(false);
    expect(referenceGenomeRegistry.lookup('hg3').ok).toBe(false);
  });

  it('gives each served genome a size in gigabases', () => {
    expect(referenceGenomes.map((r) => [r.name, 'genomeGbases' in r ? r.genomeGbases : undefined])).toEqual([
      ['hg38', 3.1],
      ['b37', 3.1],
      ['hg38_broad', 3.1],
      ['hg19', undefined],
      ['T2T-CHM13', undefined],
      ['GRCm39', undefined],
    ]);
  });
});

describe('pipeline registry', () => {
  it.each([
    ['germline', 'germline_wgs_snv'],
    ['Germline', 'germline_wgs_snv'],
    ['germline_wgs_snv', 'germline_wgs_snv'],
    ['GERMLINE_WGS_SNV_SV', 'germline_wgs_snv_sv'],
    ['germline_wgs_kitchensink', 'germline_wgs_kitchensink'],
    ['test_help', 'test_help'],
  ])('resolves %s to the runnable target %s', (value, target) => {
    const found = resolvePipeline(value);
    expect(found.ok && found.entry.name).toBe(target);
  });

  it.each([
    ['somatic', 'the pipeline ships no somatic target'],
    ['RNA-seq', 'the pipeline ships no RNA-seq target'],
  ])('refuses the portal name %s as not served', (value, reason) => {
    const found = resolvePipeline(value);
    expect(found).toEqual({
      ok: false,
      problem: 'not-served',
      message: `${JSON.stringify(value)} is not served: ${reason}; accepted: germline_wgs_snv, germline, germline_wgs_snv_sv, germline_wgs_kitchensink, test_help`,
      accepted: ['germline_wgs_snv', 'germline', 'germline_wgs_snv_sv', 'germline_wgs_kitchensink', 'test_help'],
    });
  });

  it.each(['exome', 'germline_wgs', 'help'])('refuses the unknown pipeline %s instead of running something else', (name) => {
    const found = resolvePipeline(name);
    expect(found.ok).toBe(false);
    expect(!found.ok && found.problem).toBe('unknown');
  });

  it("carries the runner's dy-r arguments for each target, exactly as its table writes them", () => {
    expect(Object.fromEntries(pipelineTargets.map((t) => [t.name, t.dyR]))).toEqual({
      test_help: '-p help',
      germline_wgs_snv:
        'produce_snv_concordances produce_alignstats -p -k -j 200 --config aligners=["bwa2a"] dedupers=["dppl"] snv_callers=["deep19"]',
      germline_wgs_snv_sv:
        'produce_snv_concordances produce_alignstats produce_tiddit produce_manta -p -k -j 2 --config aligners=["bwa2a"] dedupers=["dppl19"] snv_callers=["deep"] sv_callers=["tiddit","manta"]',
      germline_wgs_kitchensink:
        'produce_snv_concordances produce_multiqc_final_wgs produce_alignstats produce_tiddit produce_manta -p -k -j 2 --config aligners=["bwa2a"] dedupers=["dppl"] snv_callers=["deep19"] sv_callers=["tiddit","manta"]',
    });
  });

  it('records what each target needs', () => {
    expect(
      pipelineTargets.map((t) => ({ name: t.name, paired: t.pairedReads, refs: t.references, factor: t.costFactor })),
    ).toEqual([
      { name: 'germline_wgs_snv', paired: true, refs: ['hg38', 'b37', 'hg38_broad'], factor: 1 },
      { name: 'germline_wgs_snv_sv', paired: true, refs: ['hg38', 'b37', 'hg38_broad'], factor: 1.5 },
      { name: 'germline_wgs_kitchensink', paired: true, refs: ['hg38'], factor: 4 },
      { name: 'test_help', paired: false, refs: ['hg38', 'b37', 'hg38_broad'], factor: 0.01 },
    ]);
  });

  it('lists the pipelines that support a reference, aliases included', () => {
    expect(pipelinesSupporting('hg38')).toEqual([
      'germline_wgs_snv',
      'germline',
      'germline_wgs_snv_sv',
      'germline_wgs_kitchensink',
      'test_help',
    ]);
    expect(pipelinesSupporting('b37')).toEqual(['germline_wgs_snv', 'germline', 'germline_wgs_snv_sv', 'test_help']);
  });

  it('is consistent: targets only use served references, and unserved names run nothing', () => {
    const servedReferences = referenceGenomeRegistry.accepted;
    for (const target of pipelineTargets) {
      for (const reference of target.references) expect(servedReferences).toContain(reference);
    }
    expect(pipelineRegistry.entries.filter((p) => p.kind === 'unserved').map((p) => p.name)).toEqual(['somatic', 'rna-seq']);
    expect(pipelineRegistry.entries).toHaveLength(6);
  });
});

describe('priority registry', () => {
  it('accepts urgent, normal and low in any case, and high as urgent', () => {
    expect(priorityRegistry.accepted).toEqual(['urgent', 'high', 'normal', 'low']);
    const found = priorityRegistry.lookup('URGENT');
    expect(found.ok && found.entry.name).toBe('urgent');
    const high = priorityRegistry.lookup('High');
    expect(high.ok && high.entry.name).toBe('urgent');
  });

  it('refuses anything else with the accepted list', () => {
    const found = priorityRegistry.lookup('asap');
    expect(found).toEqual({
      ok: false,
      problem: 'unknown',
      message: '"asap" is unknown; accepted: urgent, high, normal, low',
      accepted: ['urgent', 'high', 'normal', 'low'],
    });
  });
});

describe('createRegistry', () => {
  it('refuses a name or alias declared twice, ignoring case', () => {
    expect(() => createRegistry([{ name: 'a' }, { name: 'b', aliases: ['A'] }])).toThrow(
      'Registry key A is declared twice',
    );
  });

  it('quotes long values in messages without echoing them whole', () => {
    const found = createRegistry([{ name: 'a' }]).lookup('x'.repeat(500));
    expect(!found.ok && found.message).toBe(`"${'x'.repeat(61)}..." is unknown; accepted: a`);
  });
});
