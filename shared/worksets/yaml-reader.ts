import { MAX_DOCUMENT_BYTES } from './limits.ts';
import { normalizeWorksetRequest, type WorksetResult } from './normalize.ts';
import { readYamlMapping } from './yaml-document.ts';

export const MAX_WORKSET_YAML_BYTES = MAX_DOCUMENT_BYTES;
export { MAX_YAML_ALIASES } from './yaml-document.ts';

/**
 * Parses daylily_work.yaml (Portico's workset format) and validates it with
 * the same schema as a request; YAML refusals are in yaml-document.ts.
 */
export function readWorksetYaml(text: string): WorksetResult {
  const read = readYamlMapping(text, 'workset YAML');
  return read.ok ? normalizeWorksetRequest(read.value) : read;
}
