import * as z from 'zod';
import { ValidationError } from '../http/errors.ts';
import { parseOrThrow } from '../validation/zod.ts';
import { normalizeWorksetRequest } from './normalize.ts';
import type { WorksetConfig } from './schema.ts';
import { MAX_WORKSET_YAML_BYTES, readWorksetYaml } from './yaml-reader.ts';

/** A body of 1,000 samples is well over the default 64 KB; JSON escaping can double YAML text. */
export const WORKSET_BODY_LIMIT_BYTES = 2 * MAX_WORKSET_YAML_BYTES;

/** Validates a generator request (every error at once) or throws a 400 listing them. */
export function requireWorksetConfig(raw: unknown): WorksetConfig {
  const result = normalizeWorksetRequest(raw);
  if (!result.ok) throw new ValidationError(result.errors);
  return result.config;
}

const yamlDocumentSchema = z.strictObject({ yaml_content: z.string().min(1, 'must not be empty') });

/** Reads `{ yaml_content }` and validates the document with the same schema, or throws a 400. */
export function requireWorksetYaml(raw: unknown): WorksetConfig {
  const { yaml_content } = parseOrThrow(yamlDocumentSchema, raw);
  const result = readWorksetYaml(yaml_content);
  if (!result.ok) throw new ValidationError(result.errors, `The YAML document is not a valid workset: ${result.errors.length} problem(s).`);
  return result.config;
}
