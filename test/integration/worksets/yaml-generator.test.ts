import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, createTestUser, type ApiResponse } from '../../support/local-stack.ts';
import { daylilyExampleRequest as daylilyRequest } from '../../unit/worksets/fixtures.ts';


let token: string;
beforeAll(async () => {
  token = (await createTestUser()).token;
});

const GERMLINE_DY_R =
  'produce_snv_concordances produce_alignstats -p -k -j 200 --config aligners=["bwa2a"] dedupers=["dppl"] snv_callers=["deep19"]';
const REFERENCES = ['hg38', 'GRCh38', 'b37', 'GRCh37', 'hg38_broad'];
const withSample = (sample: Record<string, unknown>) => ({ ...daylilyRequest, samples: [{ ...daylilyRequest.samples[0], ...sample }] });

function expectFieldError(response: ApiResponse, field: string, message: RegExp, accepted?: string[]): void {
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const error = response.body.errors.find((e: { field: string }) => e.field === field);
  expect(error, `no error on ${field}: ${response.text}`).toBeDefined();
  expect(error.message).toMatch(message);
  if (accepted) expect(error.accepted).toEqual(accepted);
}

describe('POST /worksets/generate-yaml', () => {
  it('answers the Daylily example with yaml_content, the normalized config and an estimate', async () => {
    const response = await api('POST', '/worksets/generate-yaml', { token, body: daylilyRequest });

    expect(response.status).toBe(200);
    expect(response.body.yaml_content.startsWith('samples:\n- sample_id: sample1\n  fastq_r1: sample1_R1.fq.gz\n')).toBe(true);
    expect(response.body.config).toEqual({
      samples: [{ sample_id: 'sample1', fastq_r1: 'sample1_R1.fq.gz', fastq_r2: 'sample1_R2.fq.gz', coverage: 30 }],
      reference_genome: 'hg38',
      pipeline: 'germline_wgs_snv',
      priority: 'normal',
      max_retries: 3,
      estimated_coverage: 30,
      schema_version: '1.0',
    });
    expect(response.body.estimate).toEqual({
      compute_hours: 111.6,
      storage_gb: 83.7,
      cost_usd: 4.72,
      breakdown: expect.objectContaining({ gbases: 93 }),
    });
  });

  it('writes YAML that parses back to exactly the config, and validate-yaml agrees', async () => {
    const generated = await api('POST', '/worksets/generate-yaml', { token, body: daylilyRequest });

    expect(parse(generated.body.yaml_content)).toEqual(generated.body.config);
    const validated = await api('POST', '/worksets/validate-yaml', { token, body: { yaml_content: generated.body.yaml_content } });
    expect(validated.status).toBe(200);
    expect(validated.body).toEqual({ valid: true, format: 'workset', config: generated.body.config, estimate: generated.body.estimate });
  });

  it('fills defaults and resolves aliases', async () => {
    const response = await api('POST', '/worksets/generate-yaml', {
      token,
      body: { samples: [{ sample_id: 's1', fastq_r1: 's1_R1.fastq', fastq_r2: 's1_R2.fastq', coverage: 40 }], reference_genome: 'GRCh37', pipeline: 'germline' },
    });

    expect(response.status).toBe(200);
    expect(response.body.config).toMatchObject({ reference_genome: 'b37', priority: 'normal', max_retries: 3, estimated_coverage: 40 });
  });

  // One case per rule of the issue: the bad value, the field it must name, and the accepted values where there is a list.
  it.each([
    ['an unknown reference', { ...daylilyRequest, reference_genome: 'mm10' }, 'reference_genome', /mm10/, REFERENCES],
    ['a reference the registry does not serve', { ...daylilyRequest, reference_genome: 'hg19' }, 'reference_genome', /not served/, REFERENCES],
    ['a reference nothing runs', { ...daylilyRequest, reference_genome: 'T2T-CHM13' }, 'reference_genome', /not served/, REFERENCES],
    ['an unknown pipeline', { ...daylilyRequest, pipeline: 'wgs' }, 'pipeline', /wgs/, undefined],
    ['a pipeline the pipeline does not ship', { ...daylilyRequest, pipeline: 'somatic' }, 'pipeline', /not served/, undefined],
    ['an unknown priority', { ...daylilyRequest, priority: 'asap' }, 'priority', /asap/, ['urgent', 'high', 'normal', 'low']],
    ['a pipeline not supported on the reference', { ...daylilyRequest, reference_genome: 'b37', pipeline: 'germline_wgs_kitchensink' }, 'pipeline', /b37/, undefined],
    ['a bad sample id', withSample({ sample_id: '-bad id' }), 'samples.0.sample_id', /must start with a letter or digit/, undefined],
    ['an exact repeat of a sample', { ...daylilyRequest, samples: [daylilyRequest.samples[0], daylilyRequest.samples[0]] }, 'samples.1.sample_id', /repeats samples\.0/, undefined],
    ['coverage that is not a number', withSample({ coverage: 'thirty' }), 'samples.0.coverage', /numeric text/, undefined],
    ['both samples and a sheet', { ...daylilyRequest, sample_sheet: 'SAMPLE_ID\tR1_FQ\ns1\ta.fq\n' }, 'sample_sheet', /not both/, undefined],
    ['a FASTQ name with a wrong extension', withSample({ fastq_r1: 'sample1_R1.bam' }), 'samples.0.fastq_r1', /\.fastq/, undefined],
    ['R1 equal to R2', withSample({ fastq_r2: 'sample1_R1.fq.gz' }), 'samples.0.fastq_r2', /R1|fastq_r1/, undefined],
    ['a missing R2 on a paired pipeline', withSample({ fastq_r2: undefined }), 'samples.0.fastq_r2', /paired/, undefined],
    ['coverage 0', withSample({ coverage: 0 }), 'samples.0.coverage', /greater than 0/, undefined],
    ['coverage 1001', withSample({ coverage: 1001 }), 'samples.0.coverage', /1000/, undefined],
    ['max_retries 11', { ...daylilyRequest, max_retries: 11 }, 'max_retries', /10/, undefined],
    ['max_retries -1', { ...daylilyRequest, max_retries: -1 }, 'max_retries', /0/, undefined],
    ['no samples', { ...daylilyRequest, samples: [] }, 'samples', /at least 1|1/, undefined],
    [
      '1,001 samples',
      { ...daylilyRequest, samples: Array.from({ length: 1001 }, (_, i) => ({ sample_id: `s${i}`, fastq_r1: `s${i}_R1.fq`, fastq_r2: `s${i}_R2.fq`, coverage: 30 })) },
      'samples',
      /1000/,
      undefined,
    ],
    ['an unknown field', { ...daylilyRequest, cluster: 'big' }, 'cluster', /not a known field|unknown/i, undefined],
  ])('refuses %s with a 400 naming the field', async (_case, body, field, message, accepted) => {
    const response = await api('POST', '/worksets/generate-yaml', { token, body });

    expectFieldError(response, field, message, accepted);
  });

  it('answers the run file the runner reads, with a placeholder workset id and dy-r from the pipeline table', async () => {
    const response = await api('POST', '/worksets/generate-yaml', { token, body: daylilyRequest });

    expect(parse(response.body.run_file)).toEqual({
      'day-clone': ' -d your-workset-id -t main  ',
      'dy-r': `${GERMLINE_DY_R}\n`,
      export_uri: 's3://your-bucket/worksets/your-workset-id/results/',
      notes: 'Portico workset your-workset-id',
    });
  });

  it('accepts what the portal forms and scripts send: text numbers, GRCh38, high, 0.01x, no pipeline', async () => {
    const response = await api('POST', '/worksets/generate-yaml', {
      token,
      body: {
        samples: [{ sample_id: 's1', fastq_r1: 's1_R1.fq.gz', fastq_r2: 's1_R2.fq.gz', coverage: '0.01' }, { sample_id: 's2', fastq_r1: 's2_R1.fq.gz', fastq_r2: 's2_R2.fq.gz' }],
        reference_genome: 'GRCh38',
        priority: 'high',
        max_retries: '2',
        estimated_coverage: '12',
      },
    });

    expect(response.status).toBe(200);
    expect(response.body.config).toMatchObject({ reference_genome: 'hg38', pipeline: 'germline_wgs_snv', priority: 'urgent', max_retries: 2, estimated_coverage: 12 });
    expect(response.body.config.samples.map((s: { coverage: number }) => s.coverage)).toEqual([0.01, 12]);
  });

  it('takes the samples as a sample sheet, and names the row and column of a bad value', async () => {
    const sheet = 'run_id,sample_id,r1_fq,r2_fq,lane\nR1,s1,s1_L1_R1.fq.gz,s1_L1_R2.fq.gz,1\nR1,s1,s1_L2_R1.fq.gz,s1_L2_R2.fq.gz,two\n';
    const refused = await api('POST', '/worksets/generate-yaml', { token, body: { sample_sheet: sheet, reference_genome: 'hg38' } });
    const accepted = await api('POST', '/worksets/generate-yaml', { token, body: { sample_sheet: sheet.replace('two', '2'), reference_genome: 'hg38' } });

    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body.errors).toEqual([
      { field: 'sample_sheet', row: 3, column: 'LANE', message: 'sample_sheet row 3, column LANE must be a whole number from 1 to 9999 (got "two")' },
    ]);
    expect(accepted.status).toBe(200);
    expect(accepted.body.config.samples.map((s: { sheet_columns: object }) => s.sheet_columns)).toEqual([
      { RUN_ID: 'R1', LANE: '1' },
      { RUN_ID: 'R1', LANE: '2' },
    ]);
  });

  it('lists the accepted pipelines for an unknown pipeline', async () => {
    const response = await api('POST', '/worksets/generate-yaml', { token, body: { ...daylilyRequest, pipeline: 'wgs' } });

    const error = response.body.errors.find((e: { field: string }) => e.field === 'pipeline');
    expect(error.accepted).toEqual(expect.arrayContaining(['germline', 'germline_wgs_snv', 'germline_wgs_snv_sv', 'germline_wgs_kitchensink', 'test_help']));
  });

  it('needs a signed-in user', async () => {
    const response = await api('POST', '/worksets/generate-yaml', { body: daylilyRequest });

    expect(response.status).toBe(401);
  });

  it('refuses invalid JSON and a body over the limit with problem+json', async () => {
    const badJson = await api('POST', '/worksets/generate-yaml', { token, rawBody: '{"samples": [', headers: { 'Content-Type': 'application/json' } });
    const huge = await api('POST', '/worksets/generate-yaml', { token, body: { ...daylilyRequest, notes: 'x'.repeat(2 * 1024 * 1024 + 1) } });

    expect(badJson.status).toBe(400);
    expect(huge.status).toBe(413);
  });
});

describe('POST /worksets/validate-yaml', () => {
  it('answers every error with its path', async () => {
    const yaml = 'samples:\n- sample_id: s1\n  fastq_r1: s1.bam\n  coverage: 2000\nreference_genome: hg19\npipeline: germline\n';

    const response = await api('POST', '/worksets/validate-yaml', { token, body: { yaml_content: yaml } });

    expect(response.status).toBe(400);
    const fields = response.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['samples.0.fastq_r1', 'samples.0.coverage', 'reference_genome']));
  });

  it('refuses YAML that does not parse, with the line', async () => {
    const response = await api('POST', '/worksets/validate-yaml', { token, body: { yaml_content: 'samples: [\n  - a: b\n' } });

    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toMatch(/line \d+/i);
  });

  it('takes the raw document as the body with Content-Type application/yaml or text/yaml', async () => {
    const generated = await api('POST', '/worksets/generate-yaml', { token, body: daylilyRequest });

    for (const type of ['application/yaml', 'text/yaml; charset=utf-8']) {
      const validated = await api('POST', '/worksets/validate-yaml', { token, rawBody: generated.body.yaml_content, headers: { 'Content-Type': type } });
      expect(validated.status).toBe(200);
      expect(validated.body).toMatchObject({ valid: true, format: 'workset', config: generated.body.config });
    }
  });

  it('recognizes a monitor-format run file and answers the target its dy-r matches', async () => {
    const generated = await api('POST', '/worksets/generate-yaml', { token, body: daylilyRequest });

    const validated = await api('POST', '/worksets/validate-yaml', { token, rawBody: generated.body.run_file, headers: { 'Content-Type': 'application/yaml' } });

    expect(validated.status).toBe(200);
    expect(validated.body).toMatchObject({ valid: true, format: 'monitor', target: 'germline_wgs_snv', run_file: { workset_id: 'your-workset-id', dy_r: GERMLINE_DY_R } });
  });

  it('answers that a run file matches no known target', async () => {
    const runFile = 'day-clone: " -d ws-1 -t main  "\ndy-r: >\n  -p everything\nexport_uri: "s3://acme-bucket/worksets/ws-1/results/"\n';

    const validated = await api('POST', '/worksets/validate-yaml', { token, body: { yaml_content: runFile } });

    expect(validated.status).toBe(200);
    expect(validated.body).toMatchObject({ valid: false, format: 'monitor', target: null });
  });

  it('refuses a raw YAML body that is not a workset with problem+json, and other media types with 415', async () => {
    const bad = await api('POST', '/worksets/validate-yaml', { token, rawBody: 'samples: [\n', headers: { 'Content-Type': 'application/yaml' } });
    const plain = await api('POST', '/worksets/validate-yaml', { token, rawBody: 'a: 1\n', headers: { 'Content-Type': 'text/plain' } });

    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    expect(plain.status).toBe(415);
  });

  it('refuses a body without yaml_content', async () => {
    const response = await api('POST', '/worksets/validate-yaml', { token, body: { yaml: 'x' } });

    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['yaml_content', 'yaml']));
  });
});

describe('GET /schemas/workset', () => {
  it('serves the JSON Schema without a token', async () => {
    const response = await api('GET', '/schemas/workset');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/schema+json');
    expect(response.body).toMatchObject({ $id: 'urn:portico:schemas:workset:1.0', type: 'object', additionalProperties: false });
    expect(Object.keys(response.body.properties)).toEqual(expect.arrayContaining(['samples', 'reference_genome', 'pipeline', 'priority']));
  });
});
