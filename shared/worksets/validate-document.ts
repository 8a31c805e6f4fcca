import type { FieldError } from '#shared/validation/field-error.ts';
import { normalizeWorksetRequest } from './normalize.ts';
import { pipelineTargets, type PipelineTarget } from './registries/pipelines.ts';
import { isMonitorFormat, runFileOf, targetOfDyR, type RunFile } from './runner-files/run-file.ts';
import type { WorksetConfig } from './schema.ts';
import { readYamlMapping } from './yaml-document.ts';

export type ValidatedDocument =
  | { readonly ok: true; readonly format: 'workset'; readonly config: WorksetConfig }
  | {
      readonly ok: true;
      readonly format: 'monitor';
      readonly runFile: RunFile;
      /** The target whose `dy-r` the file carries; undefined when it matches none. */
      readonly target?: PipelineTarget;
    }
  | { readonly ok: false; readonly errors: FieldError[] };

/**
 * Reads a YAML document that is either a Portico workset (daylily_work.yaml as
 * the generator writes it) or the runner's monitor-format run file (keys
 * `day-clone`, `dy-r`, `export_uri`), and checks it as what it is.
 */
export function validateYamlDocument(
  text: string,
  targets: readonly PipelineTarget[] = pipelineTargets,
): ValidatedDocument {
  const read = readYamlMapping(text, 'workset YAML');
  if (!read.ok) return read;
  if (isMonitorFormat(read.value)) {
    const checked = runFileOf(read.value);
    if (!checked.ok) return checked;
    const target = targetOfDyR(checked.runFile.dyR, targets);
    return { ok: true, format: 'monitor', runFile: checked.runFile, ...(target && { target }) };
  }
  const normalized = normalizeWorksetRequest(read.value);
  return normalized.ok ? { ok: true, format: 'workset', config: normalized.config } : normalized;
}
