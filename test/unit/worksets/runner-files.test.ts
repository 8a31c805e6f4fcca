import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  normalizeWorksetRequest,
  pipelineTargets,
  readInfoFile,
  readRunFile,
  readSentinelBody,
  readStageSamples,
  runnerFiles,
  sentinelAt,
  STAGE_COLUMNS,
  targetOfDyR,
  writeStageSamples,
  type RunnerFilesInput,
  type WorksetConfig,
} from '#shared/worksets/index.ts';
import { configOf, pairedSample, requestWith } from './fixtures.ts';
import { sheetText, stageRow } from './sheet-fixtures.ts';

const BUCKET = 'portico-local-acme-00000000';
const SUBMITTED = new Date('2026-11-23T16:40:18.190Z');
const GERMLINE_DY_R =
  'produce_snv_concordances produce_alignstats -p -k -j 200 --config aligners=["bwa2a"] dedupers=["dppl"] snv_callers=["deep19"]';

function filesOf(config: WorksetConfig, changes: Partial<RunnerFilesInput> = {}) {
  const files = runnerFiles({ config, worksetId: 'ws-0001', customerId: 'acme-1a2b3c4d', bucket: BUCKET, submittedAt: SUBMITTED, ...changes });
  return Object.fromEntries(files.map((file) => [file.name, file]));
}

describe('runnerFiles', () => {
  it('writes the five files under worksets/<workset_id>/, daylily.ready last', () => {
    const files = runnerFiles({ config: configOf(requestWith()), worksetId: 'ws-0001', customerId: 'c', bucket: BUCKET, submittedAt: SUBMITTED });
    expect(files.map((f) => [f.key, f.contentType])).toEqual([
      ['worksets/ws-0001/daylily_work.yaml', 'application/yaml'],
      ['worksets/ws-0001/daylily_info.yaml', 'application/yaml'],
      ['worksets/ws-0001/stage_samples.tsv', 'text/tab-separated-values'],
      ['worksets/ws-0001/sample_data/.hold', 'application/octet-stream'],
      ['worksets/ws-0001/daylily.ready', 'text/plain'],
    ]);
  });

  it('writes the run file in monitor format: day-clone, dy-r from the pipeline table, export_uri, notes', () => {
    const body = filesOf(configOf(requestWith({ pipeline: 'germline' })))['daylily_work.yaml']!.body;
    expect(body).toContain('\nday-clone: " -d ws-0001 -t main  "   # clone args: workdir name and branch\n');
    expect(body).toContain(`\ndy-r: >\n  ${GERMLINE_DY_R}\n`);
    expect(parse(body)).toStrictEqual({
      'day-clone': ' -d ws-0001 -t main  ',
      'dy-r': `${GERMLINE_DY_R}\n`,
      export_uri: `s3://${BUCKET}/worksets/ws-0001/results/`,
      notes: 'Portico workset ws-0001',
    });
    expect(readRunFile(body)).toStrictEqual({
      ok: true,
      runFile: { worksetId: 'ws-0001', branch: 'main', dyR: GERMLINE_DY_R, exportUri: `s3://${BUCKET}/worksets/ws-0001/results/`, notes: 'Portico workset ws-0001' },
    });
  });

  it.each(pipelineTargets.map((t) => [t.name, t.dyR]))('puts the table arguments of %s in dy-r', (pipeline, dyR) => {
    const body = filesOf(configOf(requestWith({ pipeline, samples: [pairedSample('s1')] })))['daylily_work.yaml']!.body;
    const runFile = readRunFile(body);
    expect(runFile.ok && runFile.runFile.dyR).toBe(dyR);
    expect(runFile.ok && targetOfDyR(runFile.runFile.dyR, pipelineTargets)?.name).toBe(pipeline);
  });

  it("uses the workset's export_uri and notes when it gives them, and an operator's pipeline table", () => {
    const config = configOf(requestWith({ export_uri: `s3://${BUCKET}/out/batch7/`, notes: 'line one\nsays "hi"', workset_name: 'Batch 7' }));
    const operatorTable = [{ ...pipelineTargets[0], dyR: '-p help --operator' }];
    const parsed = parse(filesOf(config, { pipelines: operatorTable })['daylily_work.yaml']!.body);
    expect(parsed).toMatchObject({ export_uri: `s3://${BUCKET}/out/batch7/`, notes: 'line one\nsays "hi"', 'dy-r': '-p help --operator\n' });
    expect(() => filesOf(configOf(requestWith({ pipeline: 'test_help' })), { pipelines: operatorTable })).toThrow(
      'No pipeline target test_help in the pipeline table',
    );
  });

  it('writes daylily_info.yaml with every field the runner facts list', () => {
    const config = configOf(requestWith({ samples: [pairedSample('s1'), { ...pairedSample('s1'), fastq_r1: 'x_R1.fq', fastq_r2: 'x_R2.fq' }, pairedSample('yes')], priority: 'high' }));
    const info = filesOf(config, { worksetName: 'Batch 7' })['daylily_info.yaml']!.body;
    expect(readInfoFile(info)).toStrictEqual({
      workset_id: 'ws-0001',
      workset_name: 'Batch 7',
      customer_id: 'acme-1a2b3c4d',
      submitted_at: '2026-11-23T16:40:18.190Z',
      pipeline: 'germline_wgs_snv',
      reference_genome: 'hg38',
      priority: 'urgent',
      sample_count: 2,
      sample_ids: ['s1', 'yes'],
      bucket: BUCKET,
      prefix: 'worksets/ws-0001/',
      export_uri: `s3://${BUCKET}/worksets/ws-0001/results/`,
    });
    // Quoted for YAML 1.1 readers (PyYAML), which would read these as a date and a boolean.
    expect(info).toContain('submitted_at: "2026-11-23T16:40:18.190Z"\n');
    expect(info).toContain('\n- "yes"\n');
  });

  it("writes stage_samples.tsv with the 20 columns and the portal's defaults for a listed sample", () => {
    const config = configOf(requestWith({ samples: [pairedSample('s1'), { ...pairedSample('s1'), fastq_r1: 'uploads/s1_L2_R1.fq.gz', fastq_r2: `s3://${BUCKET}/k/s1_L2_R2.fq.gz` }] }));
    const table = readStageSamples(filesOf(config)['stage_samples.tsv']!.body);
    expect(table.columns).toEqual([...STAGE_COLUMNS]);
    const defaults = {
      RUN_ID: 'ws-0001',
      SAMPLE_ID: 's1',
      EXPERIMENTID: 's1',
      SAMPLE_TYPE: 'WGS',
      LIB_PREP: 'ILLUMINA',
      SEQ_VENDOR: 'ILLUMINA',
      SEQ_PLATFORM: 'NOVASEQ',
      SEQBC_ID: '',
      PATH_TO_CONCORDANCE_DATA_DIR: '',
      STAGE_DIRECTIVE: 'STAGE',
      STAGE_TARGET: '',
      SUBSAMPLE_PCT: '100',
      IS_POS_CTRL: 'FALSE',
      IS_NEG_CTRL: 'FALSE',
      N_X: '',
      N_Y: '',
      EXTERNAL_SAMPLE_ID: 's1',
    };
    expect(table.rows).toStrictEqual([
      { ...defaults, LANE: '1', R1_FQ: `s3://${BUCKET}/s1_R1.fq.gz`, R2_FQ: `s3://${BUCKET}/s1_R2.fq.gz` },
      { ...defaults, LANE: '2', R1_FQ: `s3://${BUCKET}/uploads/s1_L2_R1.fq.gz`, R2_FQ: `s3://${BUCKET}/k/s1_L2_R2.fq.gz` },
    ].map((row) => Object.fromEntries(STAGE_COLUMNS.map((c) => [c, row[c]]))));
  });

  it("writes a sheet's values and its unknown columns, appended verbatim", () => {
    const text = sheetText([
      [...STAGE_COLUMNS, 'Tube #', 'ILMN_R1_FQ'],
      [...stageRow('HG002', 1), ' 7 ', ''],
      [...stageRow('HG002', 2, { IS_POS_CTRL: 'yes', R2_FQ: 'na' }), '', 'x'],
    ]);
    const config = configOf({ sample_sheet: text, reference_genome: 'hg38', pipeline: 'test_help' });
    const tsv = filesOf(config)['stage_samples.tsv']!.body;
    const table = readStageSamples(tsv);
    expect(table.columns).toEqual([...STAGE_COLUMNS, 'Tube #', 'ILMN_R1_FQ']);
    const expected = (lane: number, changes: Record<string, string>) =>
      Object.fromEntries([...STAGE_COLUMNS, 'Tube #', 'ILMN_R1_FQ'].map((c, i) => [c, [...stageRow('HG002', lane, changes), ...(lane === 1 ? [' 7 ', ''] : ['', 'x'])][i]]));
    expect(table.rows).toStrictEqual([expected(1, {}), expected(2, { IS_POS_CTRL: 'TRUE', R2_FQ: '' })].map((row) => ({ ...row, IS_POS_CTRL: row.IS_POS_CTRL!.toUpperCase() })));
  });

  it('writes an empty sample_data/.hold and a timestamp in daylily.ready', () => {
    const files = filesOf(configOf(requestWith()));
    expect(files['sample_data/.hold']!.body).toBe('');
    expect(readSentinelBody(files['daylily.ready']!.body)).toStrictEqual({ text: '2026-11-23T16:40:18.190Z', at: SUBMITTED });
  });

  it.each(['', 'ws 1', 'ws;rm', '../ws', 'ws/1', '-d'])('refuses the workset id %j: it reaches a shell and a path', (worksetId) => {
    expect(() => filesOf(configOf(requestWith()), { worksetId })).toThrow(/Workset id/);
  });
});

describe('stage_samples.tsv round trip', () => {
  const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}$/);
  const unit = fc.record({
    sample_id: fc.constantFrom('s1', 'S2', 'yes', '007'),
    file: id,
    lane: fc.constantFrom(undefined, '1', '4'),
    flag: fc.constantFrom(undefined, 'true', 'N', 'na'),
    tube: fc.constantFrom(undefined, '', ' 7 ', 'na', 'données'),
    bucket: fc.constantFrom('', `s3://${BUCKET}/`, 's3://reference-data/hg38/'),
  });

  it('reads back as a sample sheet into the same units and writes the same sheet', () => {
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 8 }), (units) => {
        const samples = units.map((u, i) => ({
          sample_id: u.sample_id,
          fastq_r1: `${u.bucket}${u.file}_${i}_R1.fq.gz`,
          fastq_r2: `${u.bucket}${u.file}_${i}_R2.fq.gz`,
          sheet_columns: {
            ...(u.lane !== undefined && { LANE: u.lane }),
            ...(u.flag !== undefined && { is_pos_ctrl: u.flag }),
            ...(u.tube !== undefined && { 'Tube #': u.tube }),
          },
        }));
        const listed = normalizeWorksetRequest({ samples, reference_genome: 'hg38' });
        if (!listed.ok) throw new Error(JSON.stringify(listed.errors));
        const tsv = writeStageSamples(listed.config.samples, 'ws-9', BUCKET);
        const table = readStageSamples(tsv);
        expect(table.rows).toHaveLength(samples.length);
        expect(table.columns.slice(0, 20)).toEqual([...STAGE_COLUMNS]);
        const sheeted = normalizeWorksetRequest({ sample_sheet: tsv, reference_genome: 'hg38' });
        expect(sheeted.ok).toBe(true);
        expect(sheeted.ok && writeStageSamples(sheeted.config.samples, 'ws-9', BUCKET)).toBe(tsv);
      }),
      { numRuns: 300 },
    );
  });
});

describe('sentinelAt', () => {
  it.each<[string, ReturnType<typeof sentinelAt>]>([
    ['worksets/ws-1/daylily.complete', { worksetId: 'ws-1', sentinel: 'daylily.complete' }],
    ['worksets/ws-1/daylily.error', { worksetId: 'ws-1', sentinel: 'daylily.error' }],
    ['worksets/ws-1/daylily_work.yaml', undefined],
    ['worksets/ws-1/results/daylily.complete', undefined],
    ['uploads/daylily.ready', undefined],
  ])('reads %s', (key, expected) => {
    expect(sentinelAt(key)).toEqual(expected);
  });

  it('reads a body that is free text', () => {
    expect(readSentinelBody('claimed by head node 3\n')).toStrictEqual({ text: 'claimed by head node 3' });
  });
});
