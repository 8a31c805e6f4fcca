import { describe, expect, it } from 'vitest';
import { normalizeWorksetRequest, type FieldError, type WorksetConfig } from '#shared/worksets/index.ts';
import { daylilyExampleRequest, pairedSample, requestWith } from './fixtures.ts';

const REFERENCES = ['hg38', 'grch38', 'b37', 'grch37'];
const PIPELINES = ['germline', 'germline_wgs_snv', 'germline_wgs_snv_sv', 'germline_wgs_kitchensink', 'test_help'];
const SAMPLE_FIELDS = ['sample_id', 'fastq_r1', 'fastq_r2', 'coverage'];

function configOf(input: unknown): WorksetConfig {
  const result = normalizeWorksetRequest(input);
  if (!result.ok) throw new Error(`expected a valid workset, got ${JSON.stringify(result.errors)}`);
  return result.config;
}

function errorsOf(input: unknown): FieldError[] {
  const result = normalizeWorksetRequest(input);
  if (result.ok) throw new Error('expected the workset to be refused');
  return result.errors;
}

/** Changes one field of the first sample. */
function withSample(changes: Record<string, unknown>, base = pairedSample('s1')) {
  return requestWith({ samples: [{ ...base, ...changes }] });
}

describe('normalized config', () => {
  it('normalizes the Daylily example', () => {
    expect(configOf(daylilyExampleRequest)).toStrictEqual({
      samples: [{ sample_id: 'sample1', fastq_r1: 'sample1_R1.fq.gz', fastq_r2: 'sample1_R2.fq.gz', coverage: 30 }],
      reference_genome: 'hg38',
      pipeline: 'germline_wgs_snv',
      priority: 'normal',
      max_retries: 3,
      estimated_coverage: 30,
      schema_version: '1.0',
    });
  });

  it('fills defaults: priority normal, 3 retries, mean coverage rounded to 0.1, schema version', () => {
    const config = configOf(
      requestWith({ samples: [pairedSample('a', 30), pairedSample('b', 31), pairedSample('c', 31)] }),
    );
    expect(config.priority).toBe('normal');
    expect(config.max_retries).toBe(3);
    expect(config.estimated_coverage).toBe(30.7);
    expect(config.schema_version).toBe('1.0');
  });

  it('keeps a given estimated_coverage', () => {
    expect(configOf(requestWith({ estimated_coverage: 12.34 })).estimated_coverage).toBe(12.34);
  });

  it('resolves aliases and case to canonical names', () => {
    const config = configOf(requestWith({ reference_genome: 'GRCh37', pipeline: 'GERMLINE', priority: 'Urgent' }));
    expect([config.reference_genome, config.pipeline, config.priority]).toEqual(['b37', 'germline_wgs_snv', 'urgent']);
  });

  it('keeps optional fields when given and omits them otherwise', () => {
    const config = configOf(
      requestWith({ workset_name: 'Batch 7', notes: 'first run', export_uri: 's3://acme-results/worksets/' }),
    );
    expect(config).toMatchObject({ workset_name: 'Batch 7', notes: 'first run', export_uri: 's3://acme-results/worksets/' });
    expect(Object.keys(configOf(requestWith()))).toEqual([
      'samples',
      'reference_genome',
      'pipeline',
      'priority',
      'max_retries',
      'estimated_coverage',
      'schema_version',
    ]);
  });

  it('stores line breaks in notes as \\n', () => {
    expect(configOf(requestWith({ notes: 'a\r\nb\rc' })).notes).toBe('a\nb\nc');
  });

  it('accepts a single-end sample when the pipeline does not need pairs', () => {
    const { fastq_r2: _dropped, ...singleEnd } = pairedSample('s1');
    const config = configOf(requestWith({ pipeline: 'test_help', samples: [singleEnd] }));
    expect(config.samples[0]).toStrictEqual({ sample_id: 's1', fastq_r1: 's1_R1.fq.gz', coverage: 30 });
  });
});

describe('sample ids', () => {
  it.each(['S-1', 'NA12878.rep_2', '0', 'a'.repeat(64)])('accepts %s', (sampleId) => {
    expect(configOf(withSample({ sample_id: sampleId })).samples[0]?.sample_id).toBe(sampleId);
  });

  it.each(['-s1', '.s1', 's 1', 's1/x', '', 'a'.repeat(65)])('refuses %j', (sampleId) => {
    expect(errorsOf(withSample({ sample_id: sampleId }))).toEqual([
      {
        field: 'samples.0.sample_id',
        message:
          "samples.0.sample_id must start with a letter or digit and contain only letters, digits, '_', '.' and '-' (at most 64 characters)",
      },
    ]);
  });

  it('refuses a sample id used twice, ignoring case', () => {
    const request = requestWith({ samples: [pairedSample('S1'), pairedSample('s2'), pairedSample('s1')] });
    expect(errorsOf(request)).toEqual([
      {
        field: 'samples.2.sample_id',
        message:
          'samples.2.sample_id "s1" duplicates samples.0.sample_id; sample ids must be unique within a workset (ignoring case)',
      },
    ]);
  });
});

describe('FASTQ locations', () => {
  it.each([
    's1_R1.fastq',
    's1_R1.fq',
    's1_R1.fastq.gz',
    's1_R1.fq.gz',
    'uploads/2026/11/23/abc/s1_R1.fq.gz',
    's3://acme-genomics-a1b2c3d4/uploads/s1_R1.fq.gz',
  ])('accepts %s', (location) => {
    expect(configOf(withSample({ fastq_r1: location })).samples[0]?.fastq_r1).toBe(location);
  });

  it.each([
    ['s1_R1.txt', 'must end in .fastq, .fq, .fastq.gz or .fq.gz'],
    ['s1_R1.fq.gz.bak', 'must end in .fastq, .fq, .fastq.gz or .fq.gz'],
    ['s1_R1.FQ.GZ', 'must end in .fastq, .fq, .fastq.gz or .fq.gz'],
    ['uploads/fq.gz/readme', 'must end in .fastq, .fq, .fastq.gz or .fq.gz'],
    ['uploads/../secret/s1.fq.gz', "must not contain '.' or '..' path segments"],
    ['../s1.fq.gz', "must not contain '.' or '..' path segments"],
    ['s3://acme-bucket/../s1.fq.gz', "must not contain '.' or '..' path segments"],
    ['uploads//s1.fq.gz', 'must not contain empty path segments (leading, trailing or doubled /)'],
    ['/etc/s1.fq.gz', 'must not contain empty path segments (leading, trailing or doubled /)'],
    ['s1\u0000.fq.gz', 'must not contain control characters'],
    ['s1\n.fq.gz', 'must not contain control characters'],
    ['uploads\\s1.fq.gz', 'must separate path segments with /, not \\'],
    ['https://example.com/s1.fq.gz', 'must be a file name, an object key or an s3:// URI'],
    ['s3://Bad_Bucket/s1.fq.gz', 'must name a valid S3 bucket after s3:// (3-63 lowercase letters, digits, dots, hyphens)'],
    ['s3://acme-bucket', 'must name an object key after the bucket'],
    ['', 'must not be empty'],
  ])('refuses %j: %s', (location, problem) => {
    expect(errorsOf(withSample({ fastq_r1: location }))).toEqual([
      { field: 'samples.0.fastq_r1', message: `samples.0.fastq_r1 ${problem}` },
    ]);
  });

  it('reports every problem of one location', () => {
    expect(errorsOf(withSample({ fastq_r2: 'a/../b//c.txt' })).map((e) => e.message)).toEqual([
      'samples.0.fastq_r2 must not contain empty path segments (leading, trailing or doubled /)',
      "samples.0.fastq_r2 must not contain '.' or '..' path segments",
      'samples.0.fastq_r2 must end in .fastq, .fq, .fastq.gz or .fq.gz',
    ]);
  });

  it('refuses R2 equal to R1', () => {
    expect(errorsOf(withSample({ fastq_r2: 's1_R1.fq.gz' }))).toEqual([
      { field: 'samples.0.fastq_r2', message: 'samples.0.fastq_r2 must differ from fastq_r1' },
    ]);
  });
});

describe('numbers', () => {
  it.each([0, 0.99, 1000.5, -30])('refuses coverage %d', (coverage) => {
    expect(errorsOf(withSample({ coverage }))).toEqual([
      { field: 'samples.0.coverage', message: `samples.0.coverage must be between 1 and 1000 (got ${coverage})` },
    ]);
  });

  it.each([1, 1000, 37.5])('accepts coverage %d', (coverage) => {
    expect(configOf(withSample({ coverage })).samples[0]?.coverage).toBe(coverage);
  });

  it('refuses coverage that is not a number', () => {
    expect(errorsOf(withSample({ coverage: '30' }))).toEqual([
      { field: 'samples.0.coverage', message: 'samples.0.coverage must be a number (got string)' },
    ]);
  });

  it.each([-1, 11, 2.5])('refuses max_retries %d', (maxRetries) => {
    expect(errorsOf(requestWith({ max_retries: maxRetries }))).toEqual([
      { field: 'max_retries', message: `max_retries must be a whole number between 0 and 10 (got ${maxRetries})` },
    ]);
  });

  it.each([0, 10])('accepts max_retries %d', (maxRetries) => {
    expect(configOf(requestWith({ max_retries: maxRetries })).max_retries).toBe(maxRetries);
  });

  it.each([0.5, 1000.1])('refuses estimated_coverage %d', (estimated) => {
    expect(errorsOf(requestWith({ estimated_coverage: estimated }))).toEqual([
      { field: 'estimated_coverage', message: `estimated_coverage must be between 1 and 1000 (got ${estimated})` },
    ]);
  });
});

describe('sample count', () => {
  it('refuses an empty sample list', () => {
    expect(errorsOf(requestWith({ samples: [] }))).toEqual([
      { field: 'samples', message: 'samples must list at least 1 sample' },
    ]);
  });

  it('accepts 1000 samples and refuses 1001', () => {
    const samples = Array.from({ length: 1001 }, (_, i) => pairedSample(`s${i}`));
    expect(configOf(requestWith({ samples: samples.slice(0, 1000) })).samples).toHaveLength(1000);
    expect(errorsOf(requestWith({ samples }))).toEqual([
      { field: 'samples', message: 'samples must list at most 1000 samples (got 1001)' },
    ]);
  });
});

describe('closed lists', () => {
  it('refuses an unknown reference genome, listing the accepted ones', () => {
    expect(errorsOf(requestWith({ reference_genome: 'hg17' }))).toEqual([
      {
        field: 'reference_genome',
        message: 'reference_genome "hg17" is unknown; accepted: hg38, grch38, b37, grch37',
        accepted: REFERENCES,
      },
    ]);
  });

  it('refuses hg19 because it is not served', () => {
    expect(errorsOf(requestWith({ reference_genome: 'hg19' }))).toEqual([
      {
        field: 'reference_genome',
        message:
          'reference_genome "hg19" is not served: the pipeline ships no hg19 bundle (use b37 for GRCh37); accepted: hg38, grch38, b37, grch37',
        accepted: REFERENCES,
      },
    ]);
  });

  it.each([
    ['somatic', 'the pipeline ships no somatic target'],
    ['rna-seq', 'the pipeline ships no RNA-seq target'],
  ])('refuses the pipeline %s because it is not served', (pipeline, reason) => {
    expect(errorsOf(requestWith({ pipeline }))).toEqual([
      {
        field: 'pipeline',
        message: `pipeline "${pipeline}" is not served: ${reason}; accepted: ${PIPELINES.join(', ')}`,
        accepted: PIPELINES,
      },
    ]);
  });

  it('refuses an unknown pipeline', () => {
    expect(errorsOf(requestWith({ pipeline: 'exome' }))).toEqual([
      { field: 'pipeline', message: `pipeline "exome" is unknown; accepted: ${PIPELINES.join(', ')}`, accepted: PIPELINES },
    ]);
  });

  it('refuses an unknown priority', () => {
    expect(errorsOf(requestWith({ priority: 'high' }))).toEqual([
      {
        field: 'priority',
        message: 'priority "high" is unknown; accepted: urgent, normal, low',
        accepted: ['urgent', 'normal', 'low'],
      },
    ]);
  });

  it('refuses another schema_version', () => {
    expect(errorsOf(requestWith({ schema_version: '2.0' }))).toEqual([
      { field: 'schema_version', message: 'schema_version must be "1.0"', accepted: ['1.0'] },
    ]);
  });
});

describe('pipeline requirements', () => {
  it('refuses a sample without fastq_r2 when the pipeline needs paired reads', () => {
    const { fastq_r2: _dropped, ...singleEnd } = pairedSample('s2');
    expect(errorsOf(requestWith({ samples: [pairedSample('s1'), singleEnd] }))).toEqual([
      {
        field: 'samples.1.fastq_r2',
        message: 'samples.1.fastq_r2 is required: pipeline germline_wgs_snv needs paired-end reads',
      },
    ]);
  });

  it('refuses a pipeline that does not support the reference, listing those that do', () => {
    expect(errorsOf(requestWith({ pipeline: 'germline_wgs_kitchensink', reference_genome: 'grch37' }))).toEqual([
      {
        field: 'pipeline',
        message:
          'pipeline germline_wgs_kitchensink does not support reference_genome b37; accepted: germline, germline_wgs_snv, germline_wgs_snv_sv, test_help',
        accepted: ['germline', 'germline_wgs_snv', 'germline_wgs_snv_sv', 'test_help'],
      },
    ]);
  });
});

describe('optional text fields', () => {
  it('refuses an export_uri that is not s3://bucket/prefix', () => {
    expect(errorsOf(requestWith({ export_uri: 'https://example.com/out' }))).toEqual([
      { field: 'export_uri', message: 'export_uri must be an s3://bucket/prefix URI' },
    ]);
    expect(errorsOf(requestWith({ export_uri: 's3://acme-results/' }))).toEqual([
      { field: 'export_uri', message: 'export_uri must name a prefix after the bucket' },
    ]);
    expect(errorsOf(requestWith({ export_uri: 's3://acme-results/a/../b' }))).toEqual([
      { field: 'export_uri', message: "export_uri must not contain '.' or '..' path segments" },
    ]);
  });

  it.each(['Batch 7', 'run-2026.11_a', '0x10', 'a'.repeat(128)])('accepts workset_name %j', (name) => {
    expect(configOf(requestWith({ workset_name: name })).workset_name).toBe(name);
  });

  it.each(['', ' lead', 'trail ', 'a/b', 'semi;colon', 'a'.repeat(129)])('refuses workset_name %j', (name) => {
    expect(errorsOf(requestWith({ workset_name: name }))).toEqual([
      {
        field: 'workset_name',
        message:
          "workset_name must be 1 to 128 letters, digits, spaces, '_', '.' or '-', starting with a letter or digit and not ending in a space",
      },
    ]);
  });

  it('refuses notes over 2000 characters', () => {
    expect(configOf(requestWith({ notes: 'n'.repeat(2000) })).notes).toHaveLength(2000);
    expect(errorsOf(requestWith({ notes: 'n'.repeat(2001) }))).toEqual([
      { field: 'notes', message: 'notes must be at most 2000 characters' },
    ]);
  });

  it('refuses control characters in notes but keeps tabs and line breaks', () => {
    expect(configOf(requestWith({ notes: 'a\tb\nc: #d ü' })).notes).toBe('a\tb\nc: #d ü');
    expect(errorsOf(requestWith({ notes: 'bell\u0007' }))).toEqual([
      { field: 'notes', message: 'notes must be plain text: no control characters other than tab and line breaks' },
    ]);
  });
});

describe('shape', () => {
  it('refuses unknown fields at the root and in samples, listing the known ones', () => {
    expect(errorsOf({ ...withSample({ lane: 1 }), customer_id: 'acme' })).toEqual([
      {
        field: 'samples.0.lane',
        message: 'samples.0.lane is not a known field; accepted: sample_id, fastq_r1, fastq_r2, coverage',
        accepted: SAMPLE_FIELDS,
      },
      {
        field: 'customer_id',
        message:
          'customer_id is not a known field; accepted: samples, reference_genome, pipeline, priority, max_retries, estimated_coverage, workset_name, notes, export_uri, schema_version',
        accepted: [
          'samples',
          'reference_genome',
          'pipeline',
          'priority',
          'max_retries',
          'estimated_coverage',
          'workset_name',
          'notes',
          'export_uri',
          'schema_version',
        ],
      },
    ]);
  });

  it('names each missing required field', () => {
    expect(errorsOf({})).toEqual([
      { field: 'samples', message: 'samples is required' },
      { field: 'reference_genome', message: 'reference_genome is required' },
      { field: 'pipeline', message: 'pipeline is required' },
    ]);
  });

  it.each([
    ['a string', 'string'],
    [null, 'null'],
    [[], 'a list'],
  ])('refuses a body that is not an object (%j)', (body, got) => {
    expect(errorsOf(body)).toEqual([{ field: '', message: `workset must be an object (got ${got})` }]);
  });

  it('reports every error at once, cross-field rules included', () => {
    const { fastq_r2: _dropped, ...singleEnd } = pairedSample('s1');
    const errors = errorsOf({
      samples: [{ ...singleEnd, coverage: 0 }, pairedSample('S1'), { ...pairedSample('s3'), fastq_r1: 'x.bam' }],
      reference_genome: 'hg19',
      pipeline: 'germline',
      priority: 'asap',
      max_retries: 99,
      export_uri: 'ftp://x',
    });
    expect(errors.map((e) => e.field)).toEqual([
      'samples.0.coverage',
      'samples.2.fastq_r1',
      'samples.1.sample_id',
      'reference_genome',
      'priority',
      'max_retries',
      'export_uri',
      'samples.0.fastq_r2',
    ]);
  });
});
