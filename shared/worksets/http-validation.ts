import type { APIGatewayProxyEvent } from 'aws-lambda';
import * as z from 'zod';
import { ValidationError } from '../http/errors.ts';
import { parseOrThrow } from '../validation/zod.ts';
import { MAX_DOCUMENT_BYTES } from './limits.ts';
import { normalizeWorksetRequest } from './normalize.ts';
import type { WorksetConfig } from './schema.ts';
import { validateYamlDocument, type ValidatedDocument } from './validate-document.ts';

/** A body of 1,000 samples is well over the default 64 KB; JSON escaping can double YAML text. */
export const WORKSET_BODY_LIMIT_BYTES = 2 * MAX_DOCUMENT_BYTES;

/** Media types under which POST /worksets/validate-yaml takes the YAML document itself as the body. */
export const YAML_MEDIA_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'] as const;

/** Validates a generator request (every error at once) or throws a 400 listing them. */
export function requireWorksetConfig(raw: unknown): WorksetConfig {
  const result = normalizeWorksetRequest(raw);
  if (!result.ok) throw new ValidationError(result.errors);
  return result.config;
}

/** `POST /worksets/validate-yaml` as JSON: the document as text. */
export const yamlDocumentSchema = z.strictObject({ yaml_content: z.string().min(1, 'must not be empty') });

/** Reads `{ yaml_content }`: a workset or a monitor-format run file, checked as what it is, or a 400. */
export function requireYamlDocument(raw: unknown): Extract<ValidatedDocument, { ok: true }> {
  const { yaml_content } = parseOrThrow(yamlDocumentSchema, raw);
  const result = validateYamlDocument(yaml_content);
  if (!result.ok) {
    throw new ValidationError(result.errors, `The YAML document is not valid: ${result.errors.length} problem(s).`);
  }
  return result;
}

/**
 * The route chain parses JSON bodies only. A request whose Content-Type is
 * YAML is handed to it as the JSON body `{ "yaml_content": <the document> }`,
 * which is what a JSON client sends; any other request is left as it is. The
 * body limit still applies: the JSON form is never shorter than the document.
 */
export function yamlBodyAsJson(event: APIGatewayProxyEvent): APIGatewayProxyEvent {
  const headerName = Object.keys(event.headers ?? {}).find((name) => name.toLowerCase() === 'content-type');
  const mediaType = (headerName ? event.headers[headerName] : undefined)?.split(';')[0]?.trim().toLowerCase();
  if (!mediaType || !(YAML_MEDIA_TYPES as readonly string[]).includes(mediaType) || typeof event.body !== 'string') {
    return event;
  }
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  const headers = Object.fromEntries(Object.entries(event.headers).filter(([name]) => name !== headerName));
  const multiValueHeaders = Object.fromEntries(
    Object.entries(event.multiValueHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-type'),
  );
  return {
    ...event,
    headers: { ...headers, 'content-type': 'application/json' },
    multiValueHeaders: { ...multiValueHeaders, 'content-type': ['application/json'] },
    body: JSON.stringify({ yaml_content: text }),
    isBase64Encoded: false,
  };
}
