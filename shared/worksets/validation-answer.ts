import type { WorksetEstimate } from './estimate.ts';
import { pipelineTargets } from './registries/pipelines.ts';
import type { WorksetConfig } from './schema.ts';
import type { ValidatedDocument } from './validate-document.ts';

/**
 * The body of a 200 from POST /worksets/validate-yaml. A workset answers its
 * normalized config and estimate; a monitor-format run file answers what it
 * holds and the target its `dy-r` matches, and is valid only when it matches
 * one (Portico runs nothing else).
 */
export function validationAnswer(
  document: Extract<ValidatedDocument, { ok: true }>,
  estimate: (config: WorksetConfig) => WorksetEstimate,
) {
  if (document.format === 'workset') {
    return { valid: true, format: 'workset', config: document.config, estimate: estimate(document.config) };
  }
  const { runFile, target } = document;
  const targets = pipelineTargets.map((t) => t.name);
  return {
    valid: target !== undefined,
    format: 'monitor',
    run_file: {
      workset_id: runFile.worksetId,
      branch: runFile.branch,
      dy_r: runFile.dyR,
      export_uri: runFile.exportUri,
      ...(runFile.notes !== undefined && { notes: runFile.notes }),
      ...(runFile.clusterName !== undefined && { cluster_name: runFile.clusterName }),
      ...(runFile.budget !== undefined && { budget: runFile.budget }),
    },
    target: target?.name ?? null,
    ...(!target && { detail: `dy-r matches none of the pipeline targets: ${targets.join(', ')}`, accepted: targets }),
  };
}
