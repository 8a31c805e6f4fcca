export type { FieldError } from '#shared/validation/field-error.ts';
export type { WorksetFieldError } from './field-errors.ts';
export {
  DEFAULT_COVERAGE,
  MAX_SAMPLES,
  WORKSET_SCHEMA_VERSION,
  worksetRequestSchema,
  type WorksetConfig,
  type WorksetRequest,
  type WorksetSample,
} from './schema.ts';
export { normalizeWorksetRequest, type WorksetResult } from './normalize.ts';
export { writeWorksetYaml } from './yaml-writer.ts';
export { readWorksetYaml, MAX_WORKSET_YAML_BYTES } from './yaml-reader.ts';
export { validateYamlDocument, type ValidatedDocument } from './validate-document.ts';
export { worksetJsonSchema, WORKSET_SCHEMA_ID } from './json-schema.ts';
export { estimateWorkset, type WorksetEstimate } from './estimate.ts';
export {
  defaultEstimateRates,
  loadEstimateRates,
  ESTIMATE_RATES_ENV,
  type EstimateRates,
} from './estimate-rates.ts';
export {
  referenceGenomes,
  referenceGenomeRegistry,
  type ReferenceGenome,
  type ReferenceGenomeName,
} from './registries/references.ts';
export {
  DEFAULT_PIPELINE,
  pipelineTargets,
  unservedPipelines,
  pipelineRegistry,
  resolvePipeline,
  type Pipeline,
  type PipelineTarget,
  type PipelineTargetName,
  type UnservedPipeline,
} from './registries/pipelines.ts';
export { priorities, priorityRegistry, type Priority, type PriorityName } from './registries/priorities.ts';
export type { LookupResult, Registry, RegistryEntry } from './registries/registry.ts';
export { STAGE_COLUMNS, type StageColumn } from './sample-sheet/columns.ts';
export { parseSampleSheet, type SheetProblem, type SheetResult, type SheetUnit } from './sample-sheet/parse-sheet.ts';
export { locationsOutside, namedBuckets, resolveS3Uri, type NamedLocation, type OutsideLocation } from './locations.ts';
export * from './runner-files/index.ts';
