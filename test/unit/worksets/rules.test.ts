import { describe, expect, it } from 'vitest';
import { normalizeWorksetRequest, type FieldError, type WorksetConfig } from '#shared/worksets/index.ts';
import { daylilyExampleRequest, pairedSample, requestWith } from './fixtures.ts';

const REFERENCES = ['hg38', 'GRCh38', 'b37', 'GRCh37', 'hg38_broad'];
const PIPELINES = ['germline_wgs_snv', 'germline', 'germline_wgs_snv_sv', 'germline_wgs_kitchensink', 'test_help'];
const SAMPLE_FIELDS = ['sample_id', 'fastq_r1', 'fastq_r2', 'coverage', 'sheet_columns'];

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

  it('refuses sample ids that differ only in case', () => {
    const request = requestWith({ samples: [pairedSample('S1'), pairedSample('s2'), pairedSample('s1')] });
    expect(errorsOf(request)).toEqual([
      {
        field: 'samples.2.sample_id',
        message:
          'samples.2.sample_id "s1" differs from the sample id of samples.0 only in case; write one sample the same way every time, and give different samples ids that differ in more than case',
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
  it.each([0, -0.01, 1000.5, -30])('refuses coverage %d', (coverage) => {
    expect(errorsOf(withSample({ coverage }))).toEqual([
      {
        field: 'samples.0.coverage',
        message: `samples.0.coverage must be greater than 0 and at most 1000 (got ${coverage})`,
      },
    ]);
  });

  it.each([0.01, 0.99, 1, 1000, 37.5])('accepts coverage %d (0.01x is the pipeline test data)', (coverage) => {
    expect(configOf(withSample({ coverage })).samples[0]?.coverage).toBe(coverage);
  });

  it.each([
    ['coverage', '30', 30],
    ['coverage', '0.01', 0.01],
    ['coverage', '1e2', 100],
  ])('accepts %s written as text %j', (_field, text, value) => {
    expect(configOf(withSample({ coverage: text })).samples[0]?.coverage).toBe(value);
  });

  it('accepts max_retries and estimated_coverage written as text', () => {
    const config = configOf(requestWith({ max_retries: '2', estimated_coverage: '12.5' }));
    expect([config.max_retries, config.estimated_coverage]).toEqual([2, 12.5]);
  });

  it.each(['thirty', '', ' 30', '30x', '0x1E', 'Infinity', 'NaN', '1,5'])('refuses coverage text %j', (text) => {
    expect(errorsOf(withSample({ coverage: text }))).toEqual([
      {
        field: 'samples.0.coverage',
        message: `samples.0.coverage must be a number or numeric text such as "30" (got ${JSON.stringify(text)})`,
      },
    ]);
  });

  it('refuses numeric text out of range with the range', () => {
    expect(errorsOf(requestWith({ max_retries: '11', estimated_coverage: '0' }))).toEqual([
      { field: 'max_retries', message: 'max_retries must be a whole number between 0 and 10 (got 11)' },
      { field: 'estimated_coverage', message: 'estimated_coverage must be greater than 0 and at most 1000 (got 0)' },
    ]);
  });

  it.each([true, null, [30]])('refuses coverage %j that is neither a number nor text', (value) => {
    expect(errorsOf(withSample({ coverage: value }))[0]?.message).toMatch(/^samples\.0\.coverage must be a number \(got /);
  });

  it.each([-1, 11, 2.5])('refuses max_retries %d', (maxRetries) => {
    expect(errorsOf(requestWith({ max_retries: maxRetries }))).toEqual([
      { field: 'max_retries', message: `max_retries must be a whole number between 0 and 10 (got ${maxRetries})` },
    ]);
  });

  it.each([0, 10])('accepts max_retries %d', (maxRetries) => {
    expect(configOf(requestWith({ max_retries: maxRetries })).max_retries).toBe(maxRetries);
  });

  it.each([0, 1000.1])('refuses estimated_coverage %d', (estimated) => {
    expect(errorsOf(requestWith({ estimated_coverage: estimated }))).toEqual([
      {
        field: 'estimated_coverage',
        message: `estimated_coverage must be greater than 0 and at most 1000 (got ${estimated})`,
      },
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
        message: 'reference_genome "hg17" is unknown; accepted: hg38, GRCh38, b37, GRCh37, hg38_broad',
        accepted: REFERENCES,
      },
    ]);
  });

  it('refuses hg19 because it is not served', () => {
    expect(errorsOf(requestWith({ reference_genome: 'hg19' }))).toEqual([
      {
        field: 'reference_genome',
        message:
          'reference_genome "hg19" is not served: the pipeline ships no hg19 bundle (use b37 for GRCh37); accepted: hg38, GRCh38, b37, GRCh37, hg38_broad',
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
    expect(errorsOf(requestWith({ priority: 'asap' }))).toEqual([
      {
        field: 'priority',
        message: 'priority "asap" is unknown; accepted: urgent, high, normal, low',
        accepted: ['urgent', 'high', 'normal', 'low'],
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
          'pipeline germline_wgs_kitchensink does not support reference_genome b37; accepted: germline_wgs_snv, germline, germline_wgs_snv_sv, test_help',
        accepted: ['germline_wgs_snv', 'germline', 'germline_wgs_snv_sv', 'test_help'],
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
        message: 'samples.0.lane is not a known field; accepted: sample_id, fastq_r1, fastq_r2, coverage, sheet_columns',
        accepted: SAMPLE_FIELDS,
      },
      {
        field: 'customer_id',
        message:
          'customer_id is not a known field; accepted: samples, sample_sheet, reference_genome, pipeline, priority, max_retries, estimated_coverage, workset_name, notes, export_uri, schema_version',
        accepted: [
          'samples',
          'sample_sheet',
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

  it('names each missing required field: the reference, and the samples as a list or a sheet', () => {
    expect(errorsOf({})).toEqual([
      { field: 'reference_genome', message: 'reference_genome is required' },
      { field: 'samples', message: 'samples is required: list the samples, or give them as a sample_sheet' },
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

describe('what existing clients send', () => {
  it('defaults the pipeline to germline_wgs_snv, and takes germline as its explicit alias', () => {
    const { pipeline: _absent, ...withoutPipeline } = requestWith();
    expect(configOf(withoutPipeline).pipeline).toBe('germline_wgs_snv');
    expect(configOf(requestWith({ pipeline: 'germline' })).pipeline).toBe('germline_wgs_snv');
  });

  it.each([
    ['GRCh38', 'hg38'],
    ['grch38', 'hg38'],
    ['GRCh37', 'b37'],
    ['hg38_broad', 'hg38_broad'],
    ['HG38_BROAD', 'hg38_broad'],
  ])('normalizes the reference %s to %s', (sent, name) => {
    expect(configOf(requestWith({ reference_genome: sent })).reference_genome).toBe(name);
  });

  it.each([
    ['T2T-CHM13', 'the pipeline ships no T2T-CHM13 bundle'],
    ['GRCm39', 'a mouse genome; the pipeline ships human references only'],
    ['hg19', 'the pipeline ships no hg19 bundle (use b37 for GRCh37)'],
  ])('refuses the reference %s, saying why and naming the accepted ones', (sent, reason) => {
    expect(errorsOf(requestWith({ reference_genome: sent }))).toEqual([
      {
        field: 'reference_genome',
        message: `reference_genome "${sent}" is not served: ${reason}; accepted: ${REFERENCES.join(', ')}`,
        accepted: REFERENCES,
      },
    ]);
  });

  it('takes priority high as urgent', () => {
    expect(configOf(requestWith({ priority: 'high' })).priority).toBe('urgent');
  });

  it('gives a sample without coverage the estimated_coverage', () => {
    const { coverage: _absent, ...noCoverage } = pairedSample('s1');
    const config = configOf(requestWith({ samples: [noCoverage, pairedSample('s2', 40)], estimated_coverage: 12 }));
    expect(config.samples.map((s) => s.coverage)).toEqual([12, 40]);
    expect(config.estimated_coverage).toBe(12);
  });

  it('gives 30x when neither the sample nor the workset says, as the portal did', () => {
    const { coverage: _absent, ...noCoverage } = pairedSample('s1');
    const config = configOf(requestWith({ samples: [noCoverage] }));
    expect([config.samples[0]?.coverage, config.estimated_coverage]).toEqual([30, 30]);
  });

  it('keeps a tiny mean coverage positive', () => {
    const config = configOf(requestWith({ samples: [pairedSample('a', 0.01), pairedSample('b', 0.02)] }));
    expect(config.estimated_coverage).toBe(0.015);
  });
});

describe('sequencing units', () => {
  const lane = (sampleId: string, n: number) => ({
    sample_id: sampleId,
    fastq_r1: `${sampleId}_L00${n}_R1.fq.gz`,
    fastq_r2: `${sampleId}_L00${n}_R2.fq.gz`,
  });

  it('takes a sample sequenced on several lanes as several entries with the same sample_id', () => {
    const config = configOf(requestWith({ samples: [lane('NA12878', 1), lane('NA12878', 2), lane('NA24385', 1)] }));
    expect(config.samples.map((s) => [s.sample_id, s.fastq_r1])).toEqual([
      ['NA12878', 'NA12878_L001_R1.fq.gz'],
      ['NA12878', 'NA12878_L002_R1.fq.gz'],
      ['NA24385', 'NA24385_L001_R1.fq.gz'],
    ]);
  });

  it('refuses an exact repeat: same sample_id and reads', () => {
    expect(errorsOf(requestWith({ samples: [lane('s1', 1), lane('s1', 2), { ...lane('s1', 1), coverage: 10 }] }))).toEqual([
      {
        field: 'samples.2.sample_id',
        message: 'samples.2.sample_id "s1" repeats samples.0: same sample id and reads (list each lane or run once)',
      },
    ]);
  });

  it('takes single-end units of one sample when the pipeline allows it', () => {
    const config = configOf(
      requestWith({ pipeline: 'test_help', samples: [{ sample_id: 's1', fastq_r1: 'a.fq' }, { sample_id: 's1', fastq_r1: 'b.fq' }] }),
    );
    expect(config.samples).toHaveLength(2);
    expect(errorsOf(requestWith({ pipeline: 'test_help', samples: [{ sample_id: 's1', fastq_r1: 'a.fq' }, { sample_id: 's1', fastq_r1: 'a.fq' }] }))).toHaveLength(1);
  });
});

describe('sheet_columns of a listed sample', () => {
  it('normalizes known columns (any case) and keeps unknown ones verbatim, empty included', () => {
    const config = configOf(
      withSample({ sheet_columns: { lane: '02', Is_Pos_Ctrl: 'yes', is_neg_ctrl: 'NA', SUBSAMPLE_PCT: '50.0', 'Tube #': ' 7 ', note: '' } }),
    );
    expect(config.samples[0]?.sheet_columns).toStrictEqual({ LANE: '2', IS_POS_CTRL: 'TRUE', SUBSAMPLE_PCT: '50', 'Tube #': ' 7 ', note: '' });
  });

  it('drops empty known columns and an empty map', () => {
    expect(configOf(withSample({ sheet_columns: { SEQBC_ID: '  ' } })).samples[0]).not.toHaveProperty('sheet_columns');
  });

  it.each([
    [{ LANE: 'L001' }, 'samples.0.sheet_columns.LANE', 'must be a whole number from 1 to 9999 (got "L001")'],
    [{ SUBSAMPLE_PCT: '150' }, 'samples.0.sheet_columns.SUBSAMPLE_PCT', 'must be a number greater than 0 and at most 100 (got "150")'],
    [{ IS_NEG_CTRL: 'maybe' }, 'samples.0.sheet_columns.IS_NEG_CTRL', 'must be true or false (got "maybe"); accepted, any case: true, t, yes, y, 1, false, f, no, n, 0, na'],
    [{ r1_fq: 'x.fq' }, 'samples.0.sheet_columns.R1_FQ', "is the sample's fastq_r1, not a sheet column"],
    [{ '1st': 'x' }, 'samples.0.sheet_columns.1st', 'must be a column name: a letter or _ first, at most 128 characters, no control characters or trailing space'],
    [{ note: 'a\tb' }, 'samples.0.sheet_columns.note', 'must not contain tabs, line breaks or other control characters'],
    [{ lane: '1', LANE: '2' }, 'samples.0.sheet_columns.LANE', 'names the same column as "lane" (column names ignore case)'],
  ])('refuses %j', (columns, field, problem) => {
    const errors = errorsOf(withSample({ sheet_columns: columns }));
    expect(errors.map((e) => [e.field, e.message])).toEqual([[field, `${field} ${problem}`]]);
  });
});

describe('samples or sample_sheet', () => {
  it('refuses both', () => {
    expect(errorsOf(requestWith({ sample_sheet: 'SAMPLE_ID\tR1_FQ\tR2_FQ\ns1\ta.fq\tb.fq\n' }))).toEqual([
      {
        field: 'sample_sheet',
        message: 'sample_sheet must not be given with samples: give the samples as a list or as a sheet, not both',
      },
    ]);
  });
});
