import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalizeWorksetRequest,
  pipelineRegistry,
  priorityRegistry,
  referenceGenomeRegistry,
  WORKSET_SCHEMA_ID,
  worksetJsonSchema,
} from '#shared/worksets/index.ts';
import { daylilyExampleRequest, pairedSample, requestWith } from './fixtures.ts';

type Schema = Record<string, any>;

const validate = new Ajv2020({ allErrors: true }).compile(worksetJsonSchema);
const schemaAccepts = (value: unknown) => validate(value);
const apiAccepts = (value: unknown) => normalizeWorksetRequest(value).ok;
const SHEET = 'RUN_ID\tSAMPLE_ID\tR1_FQ\tR2_FQ\nR1\ts1\ts1_R1.fq.gz\ts1_R2.fq.gz\n';

describe('worksetJsonSchema', () => {
  it('is a draft 2020-12 schema with an id, title and description', () => {
    expect(worksetJsonSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(worksetJsonSchema.$id).toBe('urn:portico:schemas:workset:1.0');
    expect(WORKSET_SCHEMA_ID).toBe(worksetJsonSchema.$id);
    expect(worksetJsonSchema.title).toBe('Portico workset (daylily_work.yaml), schema 1.0');
    expect(typeof worksetJsonSchema.description).toBe('string');
  });

  it('describes a closed object: the reference, and samples as a list or a sheet', () => {
    const schema = worksetJsonSchema as Schema;
    expect([schema.type, schema.additionalProperties]).toEqual(['object', false]);
    expect(schema.required).toEqual(['reference_genome']);
    expect(schema.oneOf).toEqual([{ required: ['samples'] }, { required: ['sample_sheet'] }]);
    expect(Object.keys(schema.properties)).toEqual([
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
    ]);
    const sample = schema.properties.samples.items;
    expect(sample.required).toEqual(['sample_id', 'fastq_r1']);
    expect(sample.properties.coverage).toMatchObject({ type: 'number', exclusiveMinimum: 0, maximum: 1000 });
    expect(schema.properties.max_retries).toMatchObject({ type: 'integer', minimum: 0, maximum: 10, default: 3 });
    expect(schema.properties.pipeline.default).toBe('germline_wgs_snv');
    expect(schema.properties.priority.default).toBe('normal');
  });

  it('lists every registry value and alias as enum', () => {
    const properties = (worksetJsonSchema as Schema).properties;
    expect(properties.reference_genome.enum).toEqual(['hg38', 'GRCh38', 'b37', 'GRCh37', 'hg38_broad']);
    expect(properties.pipeline.enum).toEqual(pipelineRegistry.accepted);
    expect(properties.priority.enum).toEqual(['urgent', 'high', 'normal', 'low']);
  });

  it('is frozen, so a handler cannot change what others serve', () => {
    expect(Object.isFrozen(worksetJsonSchema)).toBe(true);
    expect(Object.isFrozen((worksetJsonSchema as { properties: object }).properties)).toBe(true);
  });
});

describe('a JSON Schema validator and the API decide alike', () => {
  const { pipeline: _p, ...withoutPipeline } = requestWith();
  it.each<[string, unknown, boolean]>([
    ['the Daylily example', daylilyExampleRequest, true],
    ['a full request', requestWith({ workset_name: 'Batch 7', notes: 'n', export_uri: 's3://acme/out/', schema_version: '1.0' }), true],
    ['no pipeline', withoutPipeline, true],
    ['reference GRCh38', requestWith({ reference_genome: 'GRCh38' }), true],
    ['reference hg38_broad', requestWith({ reference_genome: 'hg38_broad' }), true],
    ['priority high', requestWith({ priority: 'high' }), true],
    ['coverage 0.01', requestWith({ samples: [pairedSample('s1', 0.01)] }), true],
    ['a sample sheet', { sample_sheet: SHEET, reference_genome: 'hg38' }, true],
    ['sheet_columns', requestWith({ samples: [{ ...pairedSample('s1'), sheet_columns: { LANE: '2', note: 'x' } }] }), true],
    ['reference T2T-CHM13', requestWith({ reference_genome: 'T2T-CHM13' }), false],
    ['reference GRCm39', requestWith({ reference_genome: 'GRCm39' }), false],
    ['reference hg19', requestWith({ reference_genome: 'hg19' }), false],
    ['pipeline somatic', requestWith({ pipeline: 'somatic' }), false],
    ['pipeline wgs', requestWith({ pipeline: 'wgs' }), false],
    ['priority asap', requestWith({ priority: 'asap' }), false],
    ['coverage 0', requestWith({ samples: [pairedSample('s1', 0)] }), false],
    ['coverage 1001', requestWith({ samples: [pairedSample('s1', 1001)] }), false],
    ['max_retries 1.5', requestWith({ max_retries: 1.5 }), false],
    ['an unknown field', { ...daylilyExampleRequest, extra: 1 }, false],
    ['an unknown sample field', requestWith({ samples: [{ ...pairedSample('s1'), lane: 2 }] }), false],
    ['a bad sample id', requestWith({ samples: [pairedSample('-x')] }), false],
    ['a .bam file', requestWith({ samples: [{ ...pairedSample('s1'), fastq_r1: 's1.bam' }] }), false],
    ['neither samples nor sheet', { reference_genome: 'hg38' }, false],
    ['both samples and sheet', requestWith({ sample_sheet: SHEET }), false],
    ['no reference', { samples: [pairedSample('s1')] }, false],
    ['export_uri over https', requestWith({ export_uri: 'https://example.com/out' }), false],
    ['sheet_columns naming R1_FQ', requestWith({ samples: [{ ...pairedSample('s1'), sheet_columns: { r1_fq: 'x.fq' } }] }), false],
    ['schema_version 2.0', requestWith({ schema_version: '2.0' }), false],
  ])('%s', (_case, request, accepted) => {
    expect(schemaAccepts(request)).toBe(accepted);
    expect(apiAccepts(request)).toBe(accepted);
  });

  // The API takes more than the schema lists; the schema describes what Portico writes.
  it.each<[string, unknown]>([
    ['registry values in another case', requestWith({ reference_genome: 'HG38', pipeline: 'GERMLINE', priority: 'Urgent' })],
    ['numbers written as text', requestWith({ samples: [pairedSample('s1', '30' as unknown as number)], max_retries: '2' })],
  ])('the API also accepts %s', (_case, request) => {
    expect(apiAccepts(request)).toBe(true);
    expect(schemaAccepts(request)).toBe(false);
  });

  // Rules across fields and path segments that JSON Schema cannot say, documented in json-schema.ts.
  it.each<[string, unknown]>([
    ['an exact repeat of a unit', requestWith({ samples: [pairedSample('s1'), pairedSample('s1')] })],
    ['a missing R2 on a paired pipeline', requestWith({ samples: [{ sample_id: 's1', fastq_r1: 'a.fq' }] })],
    ['a pipeline that does not support the reference', requestWith({ reference_genome: 'b37', pipeline: 'germline_wgs_kitchensink' })],
    ['a .. segment', requestWith({ samples: [{ ...pairedSample('s1'), fastq_r1: 'a/../s1.fq' }] })],
    ['a sheet without a SAMPLE_ID column', { sample_sheet: 'R1_FQ,R2_FQ\na.fq,b.fq\n', reference_genome: 'hg38' }],
  ])('only the API refuses %s', (_case, request) => {
    expect(apiAccepts(request)).toBe(false);
    expect(schemaAccepts(request)).toBe(true);
  });

  it('never accepts a registry value or number the API refuses', () => {
    const anyOf = (accepted: readonly string[]) =>
      fc.oneof(fc.constantFrom(...accepted, 'hg19', 'T2T-CHM13', 'somatic', 'germline_wgs', 'asap', ''), fc.string({ maxLength: 12 }));
    const number = fc.oneof(fc.double({ min: -5, max: 1100, noNaN: true }), fc.integer({ min: -2, max: 12 }), fc.constant('30'));
    const request = fc.record(
      {
        reference_genome: anyOf(referenceGenomeRegistry.accepted),
        pipeline: anyOf(pipelineRegistry.accepted),
        priority: anyOf(priorityRegistry.accepted),
        max_retries: number,
        estimated_coverage: number,
        coverage: number,
      },
      { requiredKeys: ['reference_genome'] },
    );
    fc.assert(
      fc.property(request, ({ coverage, ...fields }) => {
        const body = { ...fields, samples: [{ ...pairedSample('s1'), ...(coverage !== undefined && { coverage }) }] };
        if (!schemaAccepts(body)) return;
        const api = normalizeWorksetRequest(body);
        // Only the cross-field rule JSON Schema cannot say may still refuse it (a pipeline that does not support the reference).
        const refusals = api.ok ? [] : api.errors.map((e) => e.message).filter((m) => !/does not support reference_genome/.test(m));
        expect(refusals).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
