import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalizeWorksetRequest,
  pipelineRegistry,
  priorityRegistry,
  readWorksetYaml,
  referenceGenomeRegistry,
  resolvePipeline,
  writeWorksetYaml,
  type ReferenceGenomeName,
  type WorksetConfig,
} from '#shared/worksets/index.ts';
import { daylilyExampleRequest } from './fixtures.ts';

/** Values a YAML writer must quote: booleans, nulls and numbers in YAML 1.1 or 1.2. */
const TRICKY_NAMES = ['yes', 'No', 'on', 'OFF', 'y', 'null', 'Null', 'true', 'False', '1e3', '0x10', '007', '0o10'];
const TRICKY_IDS = [...TRICKY_NAMES, '1_000', '1.0', '2026-11-23', 'NaN', 'inf', 'a.b-c_d', 'NA12878.rep-1', '0.5'];

/** A registry value as a user might type it: any accepted name or alias, in any case. */
function anyCase(values: readonly string[]) {
  return fc
    .tuple(fc.constantFrom(...values), fc.constantFrom('lower', 'upper', 'as-is'))
    .map(([value, style]) => (style === 'lower' ? value.toLowerCase() : style === 'upper' ? value.toUpperCase() : value));
}

function canonicalReference(value: string): ReferenceGenomeName {
  const found = referenceGenomeRegistry.lookup(value);
  if (!found.ok) throw new Error(value);
  return found.entry.name;
}

const segment = fc.oneof(
  fc.constantFrom('uploads', '2026', '11', '23', 'abc', 'données', 'yes', 'run.1'),
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_=-]{0,10}$/),
);
const bucket = fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,20}[a-z0-9]$/);
const directory = fc.oneof(
  fc.constant(''),
  fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `${parts.join('/')}/`),
  fc.tuple(bucket, fc.array(segment, { maxLength: 3 })).map(([b, parts]) => `s3://${b}/${parts.map((p) => `${p}/`).join('')}`),
);
const extension = fc.constantFrom('.fastq', '.fq', '.fastq.gz', '.fq.gz');
const coverage = fc.oneof(
  fc.integer({ min: 1, max: 1000 }),
  fc.double({ min: 1e-6, max: 1000, noNaN: true }),
  fc.constantFrom(0.01, 0.5, 1000),
);
/** How clients write a number: as a number, or as text (the portal's forms). */
const coverageAsSent = coverage.chain((value) => fc.constantFrom<number | string>(value, String(value)));
/** Other sheet columns as a client may send them: known ones in any case, unknown ones verbatim. */
const sheetColumns = fc
  .record(
    {
      LANE: fc.constantFrom('1', '2', '03', 'na', ''),
      IS_POS_CTRL: fc.constantFrom('TRUE', 'false', 'yes', '0', 'NA'),
      SAMPLE_TYPE: fc.constantFrom('WGS', 'wes', ''),
      N_X: fc.constantFrom('na', '1', ''),
      'Tube #': fc.constantFrom('', ' 7 ', 'x y', 'données', '#1'),
      yes: fc.constantFrom('on', '1:20', 'null'),
      RUN_ID: fc.constantFrom('R1', 'run.2'),
    },
    { requiredKeys: [] },
  )
  .chain((columns) =>
    fc.boolean().map((lower) =>
      lower ? Object.fromEntries(Object.entries(columns).map(([k, v]) => [k === 'yes' ? k : k.toLowerCase(), v])) : columns,
    ),
  );
const sampleId = fc.oneof(fc.constantFrom(...TRICKY_IDS), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/));

/** Samples with unique ids (ignoring case), each sequenced on one to three lanes: one entry per unit. */
function samples(paired: boolean) {
  const sample = fc.record(
    {
      sample_id: sampleId,
      dir: directory,
      ext: extension,
      coverage: coverageAsSent,
      r2: paired ? fc.constant(true) : fc.boolean(),
      lanes: fc.integer({ min: 1, max: 3 }),
      sheet_columns: sheetColumns,
    },
    { requiredKeys: ['sample_id', 'dir', 'ext', 'r2', 'lanes'] },
  );
  return fc
    .uniqueArray(sample, { minLength: 1, maxLength: 6, selector: (s) => s.sample_id.toLowerCase() })
    .map((list) =>
      list.flatMap(({ sample_id, dir, ext, coverage: depth, r2, lanes, sheet_columns }) =>
        Array.from({ length: lanes }, (_, lane) => ({
          sample_id,
          fastq_r1: `${dir}${sample_id}_L${lane}_R1${ext}`,
          ...(r2 ? { fastq_r2: `${dir}${sample_id}_L${lane}_R2${ext}` } : paired ? {} : { fastq_r2: undefined }),
          ...(depth !== undefined && { coverage: depth }),
          ...(sheet_columns !== undefined && { sheet_columns }),
        })),
      ),
    );
}

const NOTE_PIECES = ['a', 'Z', ': ', ':', ' #', '#', '\n', '\t', ' ', 'é', '日本', '🧬', '- ', '? ', '"', "'", '|', '>'];
const notes = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.array(fc.constantFrom(...NOTE_PIECES, '&a', '*a', '!t', '%', '@', '`', '{', '}', '[', ']', ',', '1:20', 'yes', '\r\n')).map((p) => p.join('')),
  )
  .filter((text) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(text));

const worksetName = fc.oneof(
  fc.constantFrom(...TRICKY_NAMES),
  fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9 _.-]{0,126}[A-Za-z0-9_.-])?$/),
);
const exportUri = fc
  .tuple(bucket, fc.array(segment, { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([b, parts, slash]) => `s3://${b}/${parts.join('/')}${slash ? '/' : ''}`);

/** Requests valid by construction, built from the registries; normalizing them gives every kind of config. */
const validRequest = anyCase(referenceGenomeRegistry.accepted).chain((reference) => {
  const supported = pipelineRegistry.accepted.filter((name) => {
    const found = resolvePipeline(name);
    return found.ok && found.entry.references.includes(canonicalReference(reference));
  });
  return anyCase(supported).chain((pipeline) => {
    const found = resolvePipeline(pipeline);
    const paired = !found.ok || found.entry.pairedReads;
    return fc.record(
      {
        samples: samples(paired),
        reference_genome: fc.constant(reference),
        pipeline: fc.constant(pipeline),
        priority: anyCase(priorityRegistry.accepted),
        max_retries: fc.integer({ min: 0, max: 10 }).chain((n) => fc.constantFrom<number | string>(n, String(n))),
        estimated_coverage: coverageAsSent,
        workset_name: worksetName,
        notes,
        export_uri: exportUri,
        schema_version: fc.constant('1.0'),
      },
      // Without a pipeline the workset runs germline_wgs_snv, so only that one may be left out.
      { requiredKeys: found.ok && found.entry.name === 'germline_wgs_snv' ? ['samples', 'reference_genome'] : ['samples', 'reference_genome', 'pipeline'] },
    );
  });
});

function configOf(request: unknown): WorksetConfig {
  const result = normalizeWorksetRequest(request);
  if (!result.ok) throw new Error(`generator made an invalid request: ${JSON.stringify(result.errors)}`);
  return result.config;
}

/** The same config with every object's keys in reverse order. */
function reversedKeys(config: WorksetConfig): WorksetConfig {
  const reverse = (value: object) => Object.fromEntries(Object.entries(value).reverse());
  const samples = config.samples.map((sample) =>
    reverse(sample.sheet_columns ? { ...sample, sheet_columns: { ...sample.sheet_columns } } : sample),
  );
  return { ...reverse({ ...config, samples }) } as WorksetConfig;
}

describe('YAML round trip', () => {
  it('reads back every valid config it writes, unchanged', () => {
    fc.assert(
      fc.property(validRequest, (request) => {
        const config = configOf(request);
        const text = writeWorksetYaml(config);
        expect(text.startsWith('samples:\n- sample_id: ')).toBe(true);
        expect(readWorksetYaml(text)).toStrictEqual({ ok: true, config });
        expect(writeWorksetYaml(reversedKeys(config))).toBe(text);
        expect(normalizeWorksetRequest(config)).toStrictEqual({ ok: true, config });
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('round-trips the Daylily example', () => {
    const config = configOf(daylilyExampleRequest);
    expect(readWorksetYaml(writeWorksetYaml(config))).toStrictEqual({ ok: true, config });
  });
});
