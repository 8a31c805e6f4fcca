export type { FieldError } from '#shared/validation/field-error.ts';
export {
  WORKSET_SCHEMA_VERSION,
  worksetRequestSchema,
  type WorksetConfig,
  type WorksetRequest,
  type WorksetSample,
} from './schema.ts';
export { normalizeWorksetRequest, type WorksetResult } from './normalize.ts';
export { writeWorksetYaml } from './yaml-writer.ts';
export { readWorksetYaml, MAX_WORKSET_YAML_BYTES } from './yaml-reader.ts';
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
  pipelineTargets,
  portalPipelines,
  pipelineRegistry,
  resolvePipeline,
  type Pipeline,
  type PipelineTarget,
  type PipelineTargetName,
  type PortalPipeline,
} from './registries/pipelines.ts';
export { priorities, priorityRegistry, type Priority, type PriorityName } from './registries/priorities.ts';
export type { LookupResult, Registry, RegistryEntry } from './registries/registry.ts';
