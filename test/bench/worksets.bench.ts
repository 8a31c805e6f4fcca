import { bench, describe } from 'vitest';
import { normalizeWorksetRequest, readWorksetYaml, writeWorksetYaml, type WorksetConfig } from '#shared/worksets/index.ts';

/**
 * The largest workset a request may carry (1,000 samples), through the
 * generator's three steps, each against the cheapest thing that does the same
 * job (JSON), measured in the same run so the ratio holds on any machine.
 */
const request = {
  samples: Array.from({ length: 1000 }, (_, i) => ({
    sample_id: `sample-${i}`,
    fastq_r1: `uploads/2026/11/23/${i.toString(16).padStart(8, '0')}/S${i}_R1.fastq.gz`,
    fastq_r2: `uploads/2026/11/23/${i.toString(16).padStart(8, '0')}/S${i}_R2.fastq.gz`,
    coverage: 30,
  })),
  reference_genome: 'hg38',
  pipeline: 'germline',
  priority: 'normal',
};
const normalized = normalizeWorksetRequest(request);
if (!normalized.ok) throw new Error('benchmark request is invalid');
const config: WorksetConfig = normalized.config;
const yaml = writeWorksetYaml(config);
const json = JSON.stringify(config);

describe('validate 1,000 samples', () => {
  bench('baseline: JSON.parse(JSON.stringify(request))', () => {
    JSON.parse(JSON.stringify(request));
  });
  bench('normalizeWorksetRequest', () => {
    normalizeWorksetRequest(request);
  });
});

describe('write 1,000 samples', () => {
  bench('baseline: JSON.stringify', () => {
    JSON.stringify(config);
  });
  bench('writeWorksetYaml', () => {
    writeWorksetYaml(config);
  });
});

describe('read 1,000 samples', () => {
  bench('baseline: JSON.parse', () => {
    JSON.parse(json);
  });
  bench('readWorksetYaml (parse + validate)', () => {
    readWorksetYaml(yaml);
  });
});
