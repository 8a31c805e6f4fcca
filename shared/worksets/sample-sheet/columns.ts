/**
 * The 20 columns of the runner's `stage_samples.tsv`, in the order the runner
 * reads them, and what Portico writes when a submission does not give a value
 * (the portal's defaults, daylily-runner.md).
 */
export const STAGE_COLUMNS = [
  'RUN_ID',
  'SAMPLE_ID',
  'EXPERIMENTID',
  'SAMPLE_TYPE',
  'LIB_PREP',
  'SEQ_VENDOR',
  'SEQ_PLATFORM',
  'LANE',
  'SEQBC_ID',
  'PATH_TO_CONCORDANCE_DATA_DIR',
  'R1_FQ',
  'R2_FQ',
  'STAGE_DIRECTIVE',
  'STAGE_TARGET',
  'SUBSAMPLE_PCT',
  'IS_POS_CTRL',
  'IS_NEG_CTRL',
  'N_X',
  'N_Y',
  'EXTERNAL_SAMPLE_ID',
] as const;

export type StageColumn = (typeof STAGE_COLUMNS)[number];

/** Columns a sample's own fields fill; every other column lives in the sample's `sheet_columns`. */
export const FIELD_COLUMNS = { sample_id: 'SAMPLE_ID', fastq_r1: 'R1_FQ', fastq_r2: 'R2_FQ' } as const;

/** Fixed defaults; RUN_ID, EXPERIMENTID, LANE and EXTERNAL_SAMPLE_ID depend on the workset and sample. */
export const FIXED_DEFAULTS: Partial<Record<StageColumn, string>> = {
  SAMPLE_TYPE: 'WGS',
  LIB_PREP: 'ILLUMINA',
  SEQ_VENDOR: 'ILLUMINA',
  SEQ_PLATFORM: 'NOVASEQ',
  STAGE_DIRECTIVE: 'STAGE',
  SUBSAMPLE_PCT: '100',
  IS_POS_CTRL: 'FALSE',
  IS_NEG_CTRL: 'FALSE',
};

/** Columns Portico fills when a sheet leaves them empty or writes `na` there. */
export const DEFAULTED_COLUMNS: ReadonlySet<StageColumn> = new Set([
  ...(Object.keys(FIXED_DEFAULTS) as StageColumn[]),
  'RUN_ID',
  'EXPERIMENTID',
  'LANE',
  'EXTERNAL_SAMPLE_ID',
]);

const BY_UPPER_CASE = new Map<string, StageColumn>(STAGE_COLUMNS.map((c) => [c, c]));

/** The stage column this header names, ignoring case; undefined for a column the runner does not know. */
export function stageColumnNamed(header: string): StageColumn | undefined {
  return BY_UPPER_CASE.get(header.toUpperCase());
}
