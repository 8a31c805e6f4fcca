import { isMap, isScalar, isSeq, parseAllDocuments, type YAMLError } from 'yaml';
import type { FieldError } from '#shared/validation/field-error.ts';
import { normalizeWorksetRequest, type WorksetResult } from './normalize.ts';

export const MAX_WORKSET_YAML_BYTES = 1024 * 1024;
/** A workset needs no aliases; a few are tolerated, an expansion bomb is not. */
export const MAX_YAML_ALIASES = 10;
const MAX_YAML_PROBLEMS = 10;

/**
 * Parses daylily_work.yaml and validates it with the same schema as a
 * request. Refuses files over 1 MB, YAML errors and warnings (unknown tags,
 * duplicate keys), more than one document, roots that are not mappings and
 * alias expansion bombs; every refusal is a FieldError on the root (`''`).
 */
export function readWorksetYaml(text: string): WorksetResult {
  // A UTF-8 byte per UTF-16 unit at least, so the length alone refuses huge input without encoding it.
  if (text.length > MAX_WORKSET_YAML_BYTES || new TextEncoder().encode(text).length > MAX_WORKSET_YAML_BYTES) {
    return refuse(`workset YAML is larger than 1 MB (${MAX_WORKSET_YAML_BYTES} bytes)`);
  }
  let value: unknown;
  try {
    const documents = parseAllDocuments(text);
    if (!Array.isArray(documents) || documents.length === 0) return refuse('workset YAML is empty');
    if (documents.length > 1) {
      return refuse(`workset YAML must hold one document; found ${documents.length}`);
    }
    const document = documents[0]!;
    const problems = [...document.errors, ...document.warnings];
    // Past the first few, syntax errors are mostly echoes of the first ones.
    if (problems.length > 0) return { ok: false, errors: problems.slice(0, MAX_YAML_PROBLEMS).map(yamlProblem) };
    if (!isMap(document.contents)) {
      return refuse(`workset YAML must be a mapping of workset fields; found ${describeRoot(document.contents)}`);
    }
    value = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      return refuse(`workset YAML uses aliases more than ${MAX_YAML_ALIASES} times`);
    }
    return refuse(`workset YAML could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return normalizeWorksetRequest(value);
}

function yamlProblem(problem: YAMLError): FieldError {
  const position = problem.linePos?.[0];
  const where = position ? ` at line ${position.line}, column ${position.col}` : '';
  // With prettyErrors (the default) the message ends with its own position and a source excerpt.
  const summary = problem.message.split(/ at line \d+, column \d+/)[0]!.trim();
  const kind = problem.name === 'YAMLWarning' ? 'warning' : 'error';
  return { field: '', message: `workset YAML ${kind}${where}: ${summary}` };
}

function describeRoot(contents: unknown): string {
  if (contents === null || (isScalar(contents) && contents.value === null)) return 'nothing';
  if (isSeq(contents)) return 'a sequence';
  return 'a scalar';
}

function refuse(message: string): WorksetResult {
  return { ok: false, errors: [{ field: '', message }] };
}
