import { describe, expect, it } from 'vitest';
import { UsageError } from '#cli/output/errors.ts';
import { readWorksetFile, submissionBody } from '#cli/worksets/submission.ts';

const TSV = 'RUN_ID\tSAMPLE_ID\tR1_FQ\tR2_FQ\nR0\tS1\tS1_R1.fastq.gz\tS1_R2.fastq.gz\n';
const CSV = 'RUN_ID,SAMPLE_ID,R1_FQ,R2_FQ\nR0,S1,S1_R1.fastq.gz,S1_R2.fastq.gz\n';
const YAML = 'reference_genome: hg38\nsamples:\n  - sample_id: S1\n    fastq_r1: S1_R1.fq.gz\n';

describe('worksets submit: the file, told apart by content', () => {
  it.each([
    ['a TSV sample sheet', TSV, 'sample-sheet'],
    ['a CSV sample sheet', CSV, 'sample-sheet'],
    ['a sheet with a byte-order mark', `\uFEFF${TSV}`, 'sample-sheet'],
    ['a daylily_work.yaml', YAML, 'workset-yaml'],
    ['a YAML file named .tsv', YAML, 'workset-yaml'],
  ])('reads %s', (_name, text, kind) => {
    expect(readWorksetFile(text, 'file').kind).toBe(kind);
  });

  it.each([
    ['an empty file', '  \n', /is empty/],
    ['a runner run file', "day-clone: ' -d ws-1 -t main'\ndy-r: produce_snv_concordances\n", /runner run file/],
    ['plain text', 'hello world\n', /neither a workset YAML mapping nor a sample sheet/],
  ])('refuses %s as a usage error', (_name, text, message) => {
    expect(() => readWorksetFile(text, 'file')).toThrow(UsageError);
    expect(() => readWorksetFile(text, 'file')).toThrow(message);
  });

  it('sends a sheet as sample_sheet text with the flags, and needs a reference genome', () => {
    const sheet = readWorksetFile(TSV, 'samples.tsv');

    expect(submissionBody(sheet, { referenceGenome: 'hg38', name: 'Run 1', priority: 'high' })).toEqual({
      sample_sheet: TSV,
      reference_genome: 'hg38',
      workset_name: 'Run 1',
      priority: 'high',
    });
    expect(() => submissionBody(sheet, {})).toThrow(/needs --reference-genome/);
  });

  it("sends a YAML workset's fields as they are, flags on top", () => {
    const yaml = readWorksetFile(YAML, 'daylily_work.yaml');

    expect(submissionBody(yaml, { pipeline: 'germline' })).toEqual({
      reference_genome: 'hg38',
      samples: [{ sample_id: 'S1', fastq_r1: 'S1_R1.fq.gz' }],
      pipeline: 'germline',
    });
  });
});
