import { describe, expect, it } from 'vitest';
import { normalizeWorksetRequest, STAGE_COLUMNS, type WorksetFieldError, type WorksetConfig } from '#shared/worksets/index.ts';
import { sheetText, stageRow } from './sheet-fixtures.ts';

function sheetRequest(sampleSheet: unknown, changes: Record<string, unknown> = {}) {
  return { sample_sheet: sampleSheet, reference_genome: 'hg38', ...changes };
}

function configOf(input: unknown): WorksetConfig {
  const result = normalizeWorksetRequest(input);
  if (!result.ok) throw new Error(`expected a valid workset, got ${JSON.stringify(result.errors)}`);
  return result.config;
}

function errorsOf(input: unknown): WorksetFieldError[] {
  const result = normalizeWorksetRequest(input);
  if (result.ok) throw new Error('expected the workset to be refused');
  return result.errors;
}

const MINIMAL = sheetText([
  ['RUN_ID', 'SAMPLE_ID', 'R1_FQ', 'R2_FQ'],
  ['R0', 'NA12878', 'uploads/NA12878_R1.fq.gz', 'uploads/NA12878_R2.fq.gz'],
  ['R0', 'NA24385', 'uploads/NA24385_R1.fq.gz', 'uploads/NA24385_R2.fq.gz'],
]);

describe('sample sheet shapes', () => {
  it("reads the runner's 20-column stage_samples.tsv, one unit per row, the other columns kept by name", () => {
    const config = configOf(sheetRequest(sheetText([[...STAGE_COLUMNS], stageRow('HG002', 1), stageRow('HG002', 2)])));
    expect(config.samples).toStrictEqual(
      [1, 2].map((lane) => ({
        sample_id: 'HG002',
        fastq_r1: `s3://acme-data/runs/7/HG002_L${lane}_R1.fastq.gz`,
        fastq_r2: `s3://acme-data/runs/7/HG002_L${lane}_R2.fastq.gz`,
        coverage: 30,
        sheet_columns: {
          RUN_ID: 'RUN7',
          EXPERIMENTID: 'EX-HG002',
          SAMPLE_TYPE: 'WGS',
          LIB_PREP: 'PCRFREE',
          SEQ_VENDOR: 'ILLUMINA',
          SEQ_PLATFORM: 'NOVASEQX',
          LANE: String(lane),
          SEQBC_ID: 'ACGT',
          PATH_TO_CONCORDANCE_DATA_DIR: 'na',
          STAGE_DIRECTIVE: 'STAGE',
          STAGE_TARGET: '/fsx/staged',
          SUBSAMPLE_PCT: '100',
          IS_POS_CTRL: 'FALSE',
          IS_NEG_CTRL: 'FALSE',
          N_X: '2',
          N_Y: '0',
          EXTERNAL_SAMPLE_ID: 'ext-HG002',
        },
      })),
    );
  });

  it('reads the minimal RUN_ID SAMPLE_ID R1_FQ R2_FQ sheet', () => {
    const config = configOf(sheetRequest(MINIMAL, { estimated_coverage: '35' }));
    expect(config.samples).toStrictEqual([
      { sample_id: 'NA12878', fastq_r1: 'uploads/NA12878_R1.fq.gz', fastq_r2: 'uploads/NA12878_R2.fq.gz', coverage: 35, sheet_columns: { RUN_ID: 'R0' } },
      { sample_id: 'NA24385', fastq_r1: 'uploads/NA24385_R1.fq.gz', fastq_r2: 'uploads/NA24385_R2.fq.gz', coverage: 35, sheet_columns: { RUN_ID: 'R0' } },
    ]);
    expect(config.estimated_coverage).toBe(35);
  });

  it('reads the same sheet as CSV, quoted values included', () => {
    const csv = 'RUN_ID,SAMPLE_ID,R1_FQ,R2_FQ,Comment\nR0,NA12878,uploads/NA12878_R1.fq.gz,uploads/NA12878_R2.fq.gz,"tube 3, rack ""B"""\n';
    expect(configOf(sheetRequest(csv)).samples[0]).toStrictEqual({
      sample_id: 'NA12878',
      fastq_r1: 'uploads/NA12878_R1.fq.gz',
      fastq_r2: 'uploads/NA12878_R2.fq.gz',
      coverage: 30,
      sheet_columns: { RUN_ID: 'R0', Comment: 'tube 3, rack "B"' },
    });
  });

  it('matches headers in any case, and reads booleans and na in any case', () => {
    const text = sheetText([
      ['sample_id', 'R1_fq', 'r2_FQ', 'Is_Pos_Ctrl', 'is_neg_ctrl', 'lane', 'Sample_Type'],
      ['s1', 'a_R1.fq', 'a_R2.fq', 'true', 'NA', 'na', 'na'],
      ['s2', 'b_R1.fq', 'b_R2.fq', 'YES', '0', '3', 'WES'],
      ['s3', 'c_R1.fq', 'c_R2.fq', '1', 'no', '', ''],
    ]);
    expect(configOf(sheetRequest(text)).samples.map((s) => s.sheet_columns)).toEqual([
      { IS_POS_CTRL: 'TRUE' },
      { IS_POS_CTRL: 'TRUE', IS_NEG_CTRL: 'FALSE', LANE: '3', SAMPLE_TYPE: 'WES' },
      { IS_POS_CTRL: 'TRUE', IS_NEG_CTRL: 'FALSE' },
    ]);
  });

  it('keeps columns the runner does not know verbatim, per row, empty values included', () => {
    const text = sheetText([
      ['SAMPLE_ID', 'R1_FQ', 'R2_FQ', 'ILMN_R1_FQ', 'Tube #'],
      ['s1', 'a_R1.fq', 'a_R2.fq', 's3://x/ilmn.fq', ' 7 '],
      ['s2', 'b_R1.fq', 'b_R2.fq', '', 'na'],
    ]);
    expect(configOf(sheetRequest(text)).samples.map((s) => s.sheet_columns)).toEqual([
      { ILMN_R1_FQ: 's3://x/ilmn.fq', 'Tube #': ' 7 ' },
      { ILMN_R1_FQ: '', 'Tube #': 'na' },
    ]);
  });

  it('reads CRLF line ends, a byte order mark and blank lines', () => {
    const text = `\uFEFF${MINIMAL.replaceAll('\n', '\r\n')}\r\n\r\n`;
    expect(configOf(sheetRequest(text)).samples.map((s) => s.sample_id)).toEqual(['NA12878', 'NA24385']);
  });

  it('takes an R2_FQ that is empty or na as a single-end unit, where the pipeline allows it', () => {
    const text = sheetText([
      ['SAMPLE_ID', 'R1_FQ', 'R2_FQ'],
      ['s1', 'a.fq', 'na'],
      ['s2', 'b.fq', ''],
    ]);
    expect(configOf(sheetRequest(text, { pipeline: 'test_help' })).samples).toStrictEqual([
      { sample_id: 's1', fastq_r1: 'a.fq', coverage: 30 },
      { sample_id: 's2', fastq_r1: 'b.fq', coverage: 30 },
    ]);
    expect(errorsOf(sheetRequest(text))).toEqual([
      {
        field: 'sample_sheet',
        message: 'sample_sheet row 2, column R2_FQ is required: pipeline germline_wgs_snv needs paired-end reads',
        row: 2,
        column: 'R2_FQ',
      },
      {
        field: 'sample_sheet',
        message: 'sample_sheet row 3, column R2_FQ is required: pipeline germline_wgs_snv needs paired-end reads',
        row: 3,
        column: 'R2_FQ',
      },
    ]);
  });
});

describe('sample sheet refusals name the row and column', () => {
  const header = ['SAMPLE_ID', 'R1_FQ', 'R2_FQ', 'LANE', 'IS_POS_CTRL'];
  const good = (id: string) => [id, `${id}_R1.fq`, `${id}_R2.fq`, '1', 'false'];

  it.each<[string, string[], number, string, string]>([
    ['a FASTQ with a wrong extension', ['s2', 's2_R1.bam', 's2_R2.fq', '1', 'false'], 3, 'R1_FQ', 'must end in .fastq, .fq, .fastq.gz or .fq.gz'],
    ['a bad sample id', ['-s2', 's2_R1.fq', 's2_R2.fq', '1', 'false'], 3, 'SAMPLE_ID', "must start with a letter or digit and contain only letters, digits, '_', '.' and '-' (at most 64 characters)"],
    ['a lane that is not a number', ['s2', 's2_R1.fq', 's2_R2.fq', 'L002', 'false'], 3, 'LANE', 'must be a whole number from 1 to 9999 (got "L002")'],
    ['a flag that is not a boolean', ['s2', 's2_R1.fq', 's2_R2.fq', '1', 'maybe'], 3, 'IS_POS_CTRL', 'must be true or false (got "maybe"); accepted, any case: true, t, yes, y, 1, false, f, no, n, 0, na'],
    ['an s3 URI with a bad bucket', ['s2', 's3://Bad_Bucket/s2_R1.fq', 's2_R2.fq', '1', 'false'], 3, 'R1_FQ', 'must name a valid S3 bucket after s3:// (3-63 lowercase letters, digits, dots, hyphens)'],
    ['an exact repeat of row 2', good('s1'), 3, 'SAMPLE_ID', '"s1" repeats row 2: same sample id and reads (list each lane or run once)'],
  ])('refuses %s', (_case, row, rowNumber, column, problem) => {
    const errors = errorsOf(sheetRequest(sheetText([header, good('s1'), row])));
    expect(errors).toEqual([
      expect.objectContaining({
        field: 'sample_sheet',
        row: rowNumber,
        column,
        message: `sample_sheet row ${rowNumber}, column ${column} ${problem}`,
      }),
    ]);
  });

  it('takes units of one sample on several lanes, and refuses ids that differ only in case', () => {
    expect(configOf(sheetRequest(sheetText([header, good('s1'), ['s1', 'x_R1.fq', 'x_R2.fq', '2', 'no']]))).samples).toHaveLength(2);
    expect(errorsOf(sheetRequest(sheetText([header, good('s1'), good('S1')])))[0]).toMatchObject({ row: 3, column: 'SAMPLE_ID' });
  });

  it('refuses a row with more or fewer values than the header', () => {
    expect(errorsOf(sheetRequest(sheetText([header, good('s1'), ['s2', 'a.fq'], [...good('s3'), 'extra']])))).toEqual([
      { field: 'sample_sheet', message: 'sample_sheet row 3 has 2 values; the header has 5 columns', row: 3 },
      { field: 'sample_sheet', message: 'sample_sheet row 4 has 6 values; the header has 5 columns', row: 4 },
    ]);
  });

  it('refuses a header without SAMPLE_ID or R1_FQ, listing the columns', () => {
    const errors = errorsOf(sheetRequest(sheetText([['RUN_ID', 'ILMN_R1_FQ', 'ILMN_R2_FQ'], ['r', 'a.fq', 'b.fq']])));
    expect(errors.map((e) => e.message)).toEqual([
      'sample_sheet row 1 must have a SAMPLE_ID column; a sheet has the 20 stage_samples.tsv columns, or at least RUN_ID, SAMPLE_ID, R1_FQ and R2_FQ, separated by tabs or commas',
      'sample_sheet row 1 must have a R1_FQ column; a sheet has the 20 stage_samples.tsv columns, or at least RUN_ID, SAMPLE_ID, R1_FQ and R2_FQ, separated by tabs or commas',
    ]);
    expect(errors[0]?.accepted).toEqual(STAGE_COLUMNS);
  });

  it('refuses a header given twice (ignoring case) or with a bad name, naming the column', () => {
    expect(errorsOf(sheetRequest(sheetText([['SAMPLE_ID', 'R1_FQ', 'r1_fq', '', '9lives'], ['s', 'a.fq', 'b.fq', 'c', 'd']])))).toEqual([
      expect.objectContaining({ row: 1, column: 'column 4', message: expect.stringMatching(/^sample_sheet row 1, column column 4 must be a column name/) }),
      expect.objectContaining({ row: 1, column: '9lives' }),
      expect.objectContaining({ row: 1, column: 'R1_FQ', message: 'sample_sheet row 1, column R1_FQ is given twice (column names ignore case)' }),
    ]);
  });

  it.each<[string, unknown, string]>([
    ['an empty sheet', '\n\n', 'sample_sheet is empty; a sheet has the 20 stage_samples.tsv columns, or at least RUN_ID, SAMPLE_ID, R1_FQ and R2_FQ, separated by tabs or commas'],
    ['a header only', 'SAMPLE_ID\tR1_FQ\n', 'sample_sheet row 1 is the header, and no sample rows follow it'],
    ['columns separated by spaces', 'SAMPLE_ID R1_FQ R2_FQ\ns1 a.fq b.fq\n', 'sample_sheet row 1 must separate its columns with tabs or commas; a sheet has the 20 stage_samples.tsv columns, or at least RUN_ID, SAMPLE_ID, R1_FQ and R2_FQ, separated by tabs or commas'],
    ['a quoted CSV value left open', 'SAMPLE_ID,R1_FQ,R2_FQ\ns1,"a.fq,b.fq\n', 'sample_sheet row 2 has a quoted value that does not end on its line (column 2)'],
    ['a sheet that is not text', ['SAMPLE_ID'], 'sample_sheet must be a string (got a list)'],
  ])('refuses %s', (_case, sheet, message) => {
    expect(errorsOf(sheetRequest(sheet)).map((e) => e.message)).toEqual([message]);
  });

  it('refuses more than 1000 sample rows, and takes 1000', () => {
    const rows = Array.from({ length: 1001 }, (_, i) => [`s${i}`, `s${i}_R1.fq`, `s${i}_R2.fq`]);
    expect(configOf(sheetRequest(sheetText([['SAMPLE_ID', 'R1_FQ', 'R2_FQ'], ...rows.slice(0, 1000)]))).samples).toHaveLength(1000);
    expect(errorsOf(sheetRequest(sheetText([['SAMPLE_ID', 'R1_FQ', 'R2_FQ'], ...rows])))).toEqual([
      { field: 'sample_sheet', message: 'sample_sheet must list at most 1000 sample rows (got 1001)' },
    ]);
  });

  it('reports the sheet and the other fields at once', () => {
    const errors = errorsOf(sheetRequest(sheetText([header, ['s1', 'a.bam', 'b.fq', '1', 'no']]), { priority: 'asap' }));
    expect(errors.map((e) => [e.field, e.row, e.column])).toEqual([
      ['sample_sheet', 2, 'R1_FQ'],
      ['priority', undefined, undefined],
    ]);
  });
});
