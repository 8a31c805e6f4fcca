import { normalizeWorksetRequest, type WorksetConfig } from '#shared/worksets/index.ts';

/** The request body of the Daylily example for POST /worksets/generate-yaml. */
export const daylilyExampleRequest = {
  samples: [
    {
      sample_id: 'sample1',
      fastq_r1: 'sample1_R1.fq.gz',
      fastq_r2: 'sample1_R2.fq.gz',
      coverage: 30,
    },
  ],
  reference_genome: 'hg38',
  pipeline: 'germline',
  priority: 'normal',
  max_retries: 3,
  estimated_coverage: 30.0,
};

export function pairedSample(sampleId: string, coverage = 30) {
  return { sample_id: sampleId, fastq_r1: `${sampleId}_R1.fq.gz`, fastq_r2: `${sampleId}_R2.fq.gz`, coverage };
}

/** A valid request with only the required fields, plus whatever a test changes. */
export function requestWith(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return { samples: [pairedSample('s1')], reference_genome: 'hg38', pipeline: 'germline', ...changes };
}

/** The normalized config of a request the test knows to be valid. */
export function configOf(input: unknown): WorksetConfig {
  const result = normalizeWorksetRequest(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config;
}
