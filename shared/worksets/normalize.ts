import { issueMessage, toFieldErrors, type WorksetFieldError } from './field-errors.ts';
import { worksetRequestSchema, type WorksetConfig } from './schema.ts';

export type WorksetResult =
  | { readonly ok: true; readonly config: WorksetConfig }
  | { readonly ok: false; readonly errors: WorksetFieldError[] };

/** Validates a workset request and returns the normalized config, or every error found. */
export function normalizeWorksetRequest(input: unknown): WorksetResult {
  const parsed = worksetRequestSchema.safeParse(input, { error: issueMessage });
  return parsed.success ? { ok: true, config: parsed.data } : { ok: false, errors: toFieldErrors(parsed.error.issues) };
}
