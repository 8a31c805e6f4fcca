import { describe, expect, it } from 'vitest';
import {
  pipelineRegistry,
  pipelineTargets,
  portalPipelines,
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
  ])('resolves %s to %s', (value, name) => {
    const found = referenceGenomeRegistry.lookup(value);
    expect(found.ok && found.entry.name).toBe(name);
  });

  it('lists served names and aliases as accepted, not hg19', () => {
    expect(referenceGenomeRegistry.accepted).toEqual(['hg38', 'grch38', 'b37', 'grch37']);
  });

  it('refuses hg19 as not served, saying why', () => {
    expect(referenceGenomeRegistry.lookup('HG19')).toEqual({
      ok: false,
      problem: 'not-served',
      message:
        '"HG19" is not served: the pipeline ships no hg19 bundle (use b37 for GRCh37); accepted: hg38, grch38, b37, grch37',
      accepted: ['hg38', 'grch38', 'b37', 'grch37'],
    });
  });

  it('refuses an unknown genome with the accepted list', () => {
    expect(referenceGenomeRegistry.lookup('mm10')).toEqual({
      ok: false,
      problem: 'unknown',
      message: '"mm10" is unknown; accepted: hg38, grch38, b37, grch37',
      accepted: ['hg38', 'grch38', 'b37', 'grch37'],
    });
  });

  it('does not trim or otherwise guess', () => {
    expect(referenceGenomeRegistry.lookup(' hg38').ok).toBe(false);
    expect(referenceGenomeRegistry.lookup('hg3').ok).toBe(false);
  });

  it('gives each genome a size in gigabases', () => {
    expect(referenceGenomes.map((r) => [r.name, r.genomeGbases])).toEqual([
      ['hg38', 3.1],
      ['b37', 3.1],
      ['hg19', 3.1],
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
      message: `${JSON.stringify(value)} is not served: ${reason}; accepted: germline, germline_wgs_snv, germline_wgs_snv_sv, germline_wgs_kitchensink, test_help`,
      accepted: ['germline', 'germline_wgs_snv', 'germline_wgs_snv_sv', 'germline_wgs_kitchensink', 'test_help'],
    });
  });

  it('refuses an unknown pipeline', () => {
    const found = resolvePipeline('exome');
    expect(found.ok).toBe(false);
    expect(!found.ok && found.problem).toBe('unknown');
  });

  it('records what each target needs', () => {
    expect(
      pipelineTargets.map((t) => ({ name: t.name, paired: t.pairedReads, refs: t.references, factor: t.costFactor })),
    ).toEqual([
      { name: 'germline_wgs_snv', paired: true, refs: ['hg38', 'b37'], factor: 1 },
      { name: 'germline_wgs_snv_sv', paired: true, refs: ['hg38', 'b37'], factor: 1.5 },
      { name: 'germline_wgs_kitchensink', paired: true, refs: ['hg38'], factor: 4 },
      { name: 'test_help', paired: false, refs: ['hg38', 'b37'], factor: 0.01 },
    ]);
  });

  it('lists the pipelines that support a reference, portal names included', () => {
    expect(pipelinesSupporting('hg38')).toEqual([
      'germline',
      'germline_wgs_snv',
      'germline_wgs_snv_sv',
      'germline_wgs_kitchensink',
      'test_help',
    ]);
    expect(pipelinesSupporting('b37')).toEqual(['germline', 'germline_wgs_snv', 'germline_wgs_snv_sv', 'test_help']);
  });

  it('is consistent: served portal names run a target, targets only use served references', () => {
    const servedReferences = referenceGenomeRegistry.accepted;
    const targetNames: string[] = pipelineTargets.map((t) => t.name);
    expect(
      portalPipelines.map((p) => ({
        name: p.name,
        served: !('served' in p) || p.served !== false,
        runsTarget: 'runs' in p && targetNames.includes(p.runs),
      })),
    ).toEqual([
      { name: 'germline', served: true, runsTarget: true },
      { name: 'somatic', served: false, runsTarget: false },
      { name: 'rna-seq', served: false, runsTarget: false },
    ]);
    for (const target of pipelineTargets) {
      for (const reference of target.references) expect(servedReferences).toContain(reference);
    }
    expect(pipelineRegistry.entries).toHaveLength(7);
  });
});

describe('priority registry', () => {
  it('accepts urgent, normal and low in any case', () => {
    expect(priorityRegistry.accepted).toEqual(['urgent', 'normal', 'low']);
    const found = priorityRegistry.lookup('URGENT');
    expect(found.ok && found.entry.name).toBe('urgent');
  });

  it('refuses anything else with the accepted list', () => {
    const found = priorityRegistry.lookup('high');
    expect(found).toEqual({
      ok: false,
      problem: 'unknown',
      message: '"high" is unknown; accepted: urgent, normal, low',
      accepted: ['urgent', 'normal', 'low'],
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
