import { describe, expect, it } from 'vitest';
import {
  MAX_WORKSET_YAML_BYTES,
  readWorksetYaml,
  writeWorksetYaml,
  type FieldError,
} from '#shared/worksets/index.ts';
import { configOf, daylilyExampleRequest, pairedSample, requestWith } from './fixtures.ts';

function yamlErrors(text: string): FieldError[] {
  const result = readWorksetYaml(text);
  if (result.ok) throw new Error('expected the YAML to be refused');
  return result.errors;
}

const DAYLILY_EXAMPLE_YAML = `samples:
- sample_id: sample1
  fastq_r1: sample1_R1.fq.gz
  fastq_r2: sample1_R2.fq.gz
  coverage: 30
reference_genome: hg38
pipeline: germline_wgs_snv
priority: normal
max_retries: 3
estimated_coverage: 30
schema_version: "1.0"
`;

describe('writeWorksetYaml', () => {
  it('writes the Daylily example like the portal does, samples first at column 0', () => {
    const text = writeWorksetYaml(configOf(daylilyExampleRequest));
    expect(text).toBe(DAYLILY_EXAMPLE_YAML);
    expect(text.startsWith('samples:\n- sample_id: sample1\n  fastq_r1: sample1_R1.fq.gz\n')).toBe(true);
  });

  it('reads the Daylily example back to the same config', () => {
    const config = configOf(daylilyExampleRequest);
    expect(readWorksetYaml(writeWorksetYaml(config))).toStrictEqual({ ok: true, config });
  });

  it('writes optional fields after the required ones, in a fixed order', () => {
    const config = configOf(
      requestWith({ export_uri: 's3://acme-results/out/', notes: 'two\nlines', workset_name: 'Batch 7', priority: 'low' }),
    );
    expect(writeWorksetYaml(config)).toBe(`samples:
- sample_id: s1
  fastq_r1: s1_R1.fq.gz
  fastq_r2: s1_R2.fq.gz
  coverage: 30
reference_genome: hg38
pipeline: germline_wgs_snv
priority: low
max_retries: 3
estimated_coverage: 30
workset_name: Batch 7
notes: |-
  two
  lines
export_uri: s3://acme-results/out/
schema_version: "1.0"
`);
  });

  it('quotes strings that YAML 1.1 or 1.2 would read as booleans, numbers or null', () => {
    const config = configOf(
      requestWith({
        samples: ['yes', 'null', '1e3', '0x10', '007', 'on', '1_000', '2026-11-23', 'sample1'].map((id) =>
          pairedSample(id),
        ),
        notes: '1:20',
      }),
    );
    expect(writeWorksetYaml(config)).toContain('\nnotes: "1:20"\n');
    const ids = writeWorksetYaml(config)
      .split('\n')
      .filter((line) => line.startsWith('- sample_id: '))
      .map((line) => line.slice('- sample_id: '.length));
    expect(ids).toEqual([
      '"yes"',
      '"null"',
      '"1e3"',
      '"0x10"',
      '"007"',
      '"on"',
      '"1_000"',
      '"2026-11-23"',
      'sample1',
    ]);
  });

  it('leaves single-end samples without a fastq_r2 key', () => {
    const { fastq_r2: _dropped, ...singleEnd } = pairedSample('s1');
    const text = writeWorksetYaml(configOf(requestWith({ pipeline: 'test_help', samples: [singleEnd] })));
    expect(text).toContain('- sample_id: s1\n  fastq_r1: s1_R1.fq.gz\n  coverage: 30\n');
    expect(text).not.toContain('fastq_r2');
  });
});

describe('readWorksetYaml', () => {
  it('reads a hand-written file, resolving aliases and filling defaults', () => {
    const result = readWorksetYaml(`
# written by hand
samples:
  - sample_id: NA12878
    fastq_r1: uploads/NA12878_R1.fastq.gz
    fastq_r2: uploads/NA12878_R2.fastq.gz
    coverage: 35
reference_genome: GRCh38
pipeline: germline
`);
    expect(result).toStrictEqual({
      ok: true,
      config: {
        samples: [
          {
            sample_id: 'NA12878',
            fastq_r1: 'uploads/NA12878_R1.fastq.gz',
            fastq_r2: 'uploads/NA12878_R2.fastq.gz',
            coverage: 35,
          },
        ],
        reference_genome: 'hg38',
        pipeline: 'germline_wgs_snv',
        priority: 'normal',
        max_retries: 3,
        estimated_coverage: 35,
        schema_version: '1.0',
      },
    });
  });

  it('reports schema errors with their paths, all at once', () => {
    expect(
      yamlErrors(`samples:
- sample_id: s1
  fastq_r1: s1.fq
  coverage: 0
reference_genome: hg19
pipeline: germline
`),
    ).toEqual([
      { field: 'samples.0.coverage', message: 'samples.0.coverage must be greater than 0 and at most 1000 (got 0)' },
      {
        field: 'reference_genome',
        message:
          'reference_genome "hg19" is not served: the pipeline ships no hg19 bundle (use b37 for GRCh37); accepted: hg38, GRCh38, b37, GRCh37, hg38_broad',
        accepted: ['hg38', 'GRCh38', 'b37', 'GRCh37', 'hg38_broad'],
      },
      {
        field: 'samples.0.fastq_r2',
        message: 'samples.0.fastq_r2 is required: pipeline germline_wgs_snv needs paired-end reads',
      },
    ]);
  });

  it('refuses an unquoted version number, which YAML reads as a number', () => {
    expect(yamlErrors(DAYLILY_EXAMPLE_YAML.replace('"1.0"', '1.0'))).toEqual([
      { field: 'schema_version', message: 'schema_version must be "1.0"', accepted: ['1.0'] },
    ]);
  });

  it('refuses a syntax error, giving line and column', () => {
    expect(yamlErrors('samples:\n- sample_id: [s1\nreference_genome: hg38\n')).toEqual([
      {
        field: '',
        message:
          'workset YAML error at line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]',
      },
    ]);
  });

  it('refuses duplicate keys', () => {
    expect(yamlErrors('pipeline: germline\npipeline: test_help\n')).toEqual([
      { field: '', message: 'workset YAML error at line 2, column 1: Map keys must be unique' },
    ]);
  });

  it('refuses unknown tags', () => {
    expect(yamlErrors('samples: !!python/object:os.system ls\n')).toEqual([
      {
        field: '',
        message: 'workset YAML warning at line 1, column 10: Unresolved tag: tag:yaml.org,2002:python/object:os.system',
      },
    ]);
  });

  it('refuses more than one document', () => {
    expect(yamlErrors(`${DAYLILY_EXAMPLE_YAML}---\n${DAYLILY_EXAMPLE_YAML}`)).toEqual([
      { field: '', message: 'workset YAML must hold one document; found 2' },
    ]);
  });

  it.each([
    ['- sample_id: s1\n', 'a sequence'],
    ['just text\n', 'a scalar'],
    ['---\n', 'nothing'],
  ])('refuses a root that is not a mapping: %j', (text, found) => {
    expect(yamlErrors(text)).toEqual([
      { field: '', message: `workset YAML must be a mapping of fields; found ${found}` },
    ]);
  });

  it.each(['', '# nothing here\n'])('refuses an empty file: %j', (text) => {
    expect(yamlErrors(text)).toEqual([{ field: '', message: 'workset YAML is empty' }]);
  });

  it('refuses an alias expansion bomb', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    expect(yamlErrors(bomb)).toEqual([{ field: '', message: 'workset YAML uses aliases more than 10 times' }]);
  });

  it('refuses files over 1 MB, counting bytes', () => {
    const tooBig = [{ field: '', message: 'workset YAML is larger than 1 MB (1048576 bytes)' }];
    const padding = `# ${'x'.repeat(MAX_WORKSET_YAML_BYTES - DAYLILY_EXAMPLE_YAML.length - 3)}\n`;
    expect(readWorksetYaml(padding + DAYLILY_EXAMPLE_YAML).ok).toBe(true);
    expect(yamlErrors(`#${padding}${DAYLILY_EXAMPLE_YAML}`)).toEqual(tooBig);
    // 'é' is two bytes in UTF-8: 600k of them is under the limit in characters, over it in bytes.
    expect(yamlErrors(`notes: ${'é'.repeat(600_000)}\n`)).toEqual(tooBig);
  });

  it('stops after 10 syntax errors', () => {
    expect(yamlErrors(']\n'.repeat(20))).toHaveLength(10);
  });

  it('survives pathological nesting', () => {
    const errors = yamlErrors('['.repeat(50_000));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.length).toBeLessThanOrEqual(10);
  }, 30_000);
});
