import { describe, expect, it } from 'vitest';
import { locationsOutside, resolveS3Uri, type WorksetConfig } from '#shared/worksets/index.ts';
import { configOf, requestWith } from './fixtures.ts';

const BUCKET = 'portico-local-acme-00000000';
const REFERENCES = ['s3://daylily-references/hg38/', 's3://daylily-references/giab'];

/** A config as the schema hands it over; built directly so the rule is tested on its own, path checks included. */
function configReading(fastqR1: string, exportUri?: string): WorksetConfig {
  const config = configOf(requestWith({ pipeline: 'test_help', samples: [{ sample_id: 's1', fastq_r1: 'ok.fq' }] }));
  return { ...config, samples: [{ ...config.samples[0]!, fastq_r1: fastqR1 }], ...(exportUri !== undefined && { export_uri: exportUri }) };
}

describe('resolveS3Uri', () => {
  it.each([
    ['s1_R1.fq.gz', `s3://${BUCKET}/s1_R1.fq.gz`],
    ['uploads/2026/s1_R1.fq.gz', `s3://${BUCKET}/uploads/2026/s1_R1.fq.gz`],
    ['s3://other-bucket/k/s1.fq', 's3://other-bucket/k/s1.fq'],
  ])('reads %s as %s', (location, uri) => {
    expect(resolveS3Uri(location, BUCKET)).toBe(uri);
  });
});

describe('locationsOutside', () => {
  it.each([
    'reads.fq.gz',
    'uploads/a/reads.fq.gz',
    `s3://${BUCKET}/uploads/reads.fq.gz`,
    's3://daylily-references/hg38/giab/HG002_R1.fq.gz',
    's3://daylily-references/giab/HG002_R1.fq.gz',
  ])('finds %s inside', (location) => {
    expect(locationsOutside(configReading(location), BUCKET, REFERENCES)).toEqual([]);
  });

  it.each([
    ["another customer's bucket", 's3://portico-local-other-00000000/x.fq.gz'],
    ['a look-alike bucket', `s3://${BUCKET}-evil/x.fq.gz`],
    ['a bucket that only starts the same', 's3://portico-local-acme-0000000/x.fq.gz'],
    ['a .. segment out of a reference prefix', 's3://daylily-references/hg38/../private/x.fq.gz'],
    ['a .. segment in the own bucket', `s3://${BUCKET}/uploads/../x.fq.gz`],
    ['a bare key climbing up', '../x.fq.gz'],
    ['a . segment', `s3://${BUCKET}/./x.fq.gz`],
    ['an empty segment', 'uploads//x.fq.gz'],
    ['a look-alike reference prefix', 's3://daylily-references/hg38-private/x.fq.gz'],
    ['a prefix registered without its slash, extended', 's3://daylily-references/giabX/x.fq.gz'],
    ['the reference bucket outside its prefixes', 's3://daylily-references/other/x.fq.gz'],
  ])('finds %s outside', (_case, location) => {
    const uri = resolveS3Uri(location, BUCKET);
    expect(locationsOutside(configReading(location), BUCKET, REFERENCES)).toEqual([
      { field: 'samples.0.fastq_r1', location: uri, message: `${uri} is outside the customer's bucket and the registered reference data` },
    ]);
  });

  it('checks R2 as well, and names every location outside', () => {
    const config = configOf(
      requestWith({
        samples: [
          { sample_id: 's1', fastq_r1: 'a_R1.fq', fastq_r2: 's3://portico-local-other-00000000/b_R2.fq' },
          { sample_id: 's2', fastq_r1: 's3://portico-local-other-00000000/c_R1.fq', fastq_r2: 'c_R2.fq' },
        ],
      }),
    );
    expect(locationsOutside(config, BUCKET, REFERENCES).map((o) => o.field)).toEqual(['samples.0.fastq_r2', 'samples.1.fastq_r1']);
  });

  it.each([
    [`s3://${BUCKET}/exports/batch7/`, []],
    ['s3://portico-local-other-00000000/results/', ['export_uri']],
    [`s3://${BUCKET}-evil/results/`, ['export_uri']],
    ['s3://daylily-references/hg38/results/', ['export_uri']],
    [`s3://${BUCKET}/a/../../b/`, ['export_uri']],
  ])('requires export_uri %s in the customer bucket', (exportUri, fields) => {
    expect(locationsOutside(configReading('ok.fq', exportUri), BUCKET, REFERENCES).map((o) => o.field)).toEqual(fields);
  });

  it("takes a workset without export_uri: results go to the workset's folder", () => {
    expect(locationsOutside(configReading('ok.fq'), BUCKET, [])).toEqual([]);
  });

  it('accepts nothing from reference prefixes when none are registered', () => {
    expect(locationsOutside(configReading('s3://daylily-references/hg38/x.fq'), BUCKET, [])).toHaveLength(1);
  });
});

describe('locationsOutside on sheet columns', () => {
  const withColumns = (sheet_columns: Record<string, string>): WorksetConfig => {
    const config = configReading('ok.fq');
    return { ...config, samples: [{ ...config.samples[0]!, sheet_columns }] };
  };

  it.each([
    [{ PATH_TO_CONCORDANCE_DATA_DIR: 'na', STAGE_TARGET: '/fsx/staged', LAB_NOTE: 'see s3 bucket' }],
    [{ PATH_TO_CONCORDANCE_DATA_DIR: `s3://${BUCKET}/truth/`, STAGE_TARGET: `s3://${BUCKET}/staged/` }],
    [{ PATH_TO_CONCORDANCE_DATA_DIR: 's3://daylily-references/giab/v4/' }],
  ])('keeps %j: no location, or one in the bucket or (read only) the reference data', (columns) => {
    expect(locationsOutside(withColumns(columns), BUCKET, REFERENCES)).toEqual([]);
  });

  it.each([
    ['PATH_TO_CONCORDANCE_DATA_DIR', 's3://portico-local-victim-11111111/truth/'],
    ['STAGE_TARGET', 's3://daylily-references/giab/'],
    ['ILMN_R1_FQ', 'S3://portico-local-victim-11111111/r1.fq'],
    ['ILMN_R1_FQ', 'https://example.com/r1.fq'],
    ['PATH_TO_CONCORDANCE_DATA_DIR', `s3://${BUCKET}/a/../../b/`],
  ])('refuses %s = %s, naming the column', (column, value) => {
    expect(locationsOutside(withColumns({ [column]: value }), BUCKET, REFERENCES)).toEqual([
      { field: `samples.0.sheet_columns.${column}`, location: value, message: `${value} is outside the customer's bucket` },
    ]);
  });
});
