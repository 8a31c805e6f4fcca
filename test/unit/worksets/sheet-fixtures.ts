import { STAGE_COLUMNS } from '#shared/worksets/index.ts';

/** Rows of cells as TSV (or another delimiter) text, one line each. */
export function sheetText(rows: readonly (readonly string[])[], delimiter = '\t'): string {
  return rows.map((cells) => `${cells.join(delimiter)}\n`).join('');
}

/** A 20-column stage_samples.tsv row for one unit, with the values a lab would write. */
export function stageRow(sampleId: string, lane: number, overrides: Record<string, string> = {}): string[] {
  const values: Record<string, string> = {
    RUN_ID: 'RUN7',
    SAMPLE_ID: sampleId,
    EXPERIMENTID: `EX-${sampleId}`,
    SAMPLE_TYPE: 'WGS',
    LIB_PREP: 'PCRFREE',
    SEQ_VENDOR: 'ILLUMINA',
    SEQ_PLATFORM: 'NOVASEQX',
    LANE: String(lane),
    SEQBC_ID: 'ACGT',
    PATH_TO_CONCORDANCE_DATA_DIR: 'na',
    R1_FQ: `s3://acme-data/runs/7/${sampleId}_L${lane}_R1.fastq.gz`,
    R2_FQ: `s3://acme-data/runs/7/${sampleId}_L${lane}_R2.fastq.gz`,
    STAGE_DIRECTIVE: 'STAGE',
    STAGE_TARGET: '/fsx/staged',
    SUBSAMPLE_PCT: '100',
    IS_POS_CTRL: 'false',
    IS_NEG_CTRL: 'FALSE',
    N_X: '2',
    N_Y: '0',
    EXTERNAL_SAMPLE_ID: `ext-${sampleId}`,
    ...overrides,
  };
  return STAGE_COLUMNS.map((column) => values[column] ?? '');
}
