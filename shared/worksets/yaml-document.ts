import { isMap, isScalar, isSeq, parseAllDocuments, type YAMLError } from 'yaml';
import type { FieldError } from '#shared/validation/field-error.ts';
import { MAX_DOCUMENT_BYTES } from './limits.ts';

/** A workset needs no aliases; a few are tolerated, an expansion bomb is not. */
export const MAX_YAML_ALIASES = 10;
const MAX_YAML_PROBLEMS = 10;

export type YamlMappingResult =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly errors: FieldError[] };

/**
 * Reads a YAML document whose root is a mapping. Refuses text over 1 MB, YAML
 * errors and warnings (unknown tags, duplicate keys), more than one document,
 * other roots and alias expansion bombs; every refusal is a FieldError on the
 * root (`''`) whose message starts with `what` ("workset YAML").
 */
export function readYamlMapping(text: string, what: string): YamlMappingResult {
  const refuse = (message: string): YamlMappingResult => ({ ok: false, errors: [{ field: '', message: `${what} ${message}` }] });
  // A UTF-8 byte per UTF-16 unit at least, so the length alone refuses huge input without encoding it.
  if (text.length > MAX_DOCUMENT_BYTES || new TextEncoder().encode(text).length > MAX_DOCUMENT_BYTES) {
    return refuse(`is larger than 1 MB (${MAX_DOCUMENT_BYTES} bytes)`);
  }
  try {
    const documents = parseAllDocuments(text);
    if (!Array.isArray(documents) || documents.length === 0) return refuse('is empty');
    if (documents.length > 1) return refuse(`must hold one document; found ${documents.length}`);
    const document = documents[0]!;
    const problems = [...document.errors, ...document.warnings];
    // Past the first few, syntax errors are mostly echoes of the first ones.
    if (problems.length > 0) {
      return { ok: false, errors: problems.slice(0, MAX_YAML_PROBLEMS).map((problem) => yamlProblem(problem, what)) };
    }
    if (!isMap(document.contents)) return refuse(`must be a mapping of fields; found ${describeRoot(document.contents)}`);
    return { ok: true, value: document.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as Record<string, unknown> };
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      return refuse(`uses aliases more than ${MAX_YAML_ALIASES} times`);
    }
    return refuse(`could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function yamlProblem(problem: YAMLError, what: string): FieldError {
  const position = problem.linePos?.[0];
  const where = position ? ` at line ${position.line}, column ${position.col}` : '';
  // With prettyErrors (the default) the message ends with its own position and a source excerpt.
  const summary = problem.message.split(/ at line \d+, column \d+/)[0]!.trim();
  const kind = problem.name === 'YAMLWarning' ? 'warning' : 'error';
  return { field: '', message: `${what} ${kind}${where}: ${summary}` };
}

function describeRoot(contents: unknown): string {
  if (contents === null || (isScalar(contents) && contents.value === null)) return 'nothing';
  if (isSeq(contents)) return 'a sequence';
  return 'a scalar';
}
