/** A handler's answer, as the local gateway writes it to the socket. */
export interface HttpAnswer {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string | string[]>>;
  readonly body: Buffer;
}

type HeaderValue = string | number | boolean;

/**
 * Reads a Lambda proxy result as API Gateway does: an integer status, headers
 * and multi-value headers of scalars, a string body (base64 when
 * `isBase64Encoded`). Undefined for anything else, which API Gateway answers
 * as a malformed Lambda proxy response (502, INTEGRATION_FAILURE).
 */
export function readProxyResult(result: unknown): HttpAnswer | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const { statusCode, headers, multiValueHeaders, body, isBase64Encoded } = result as Record<string, unknown>;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) return undefined;
  if (body !== undefined && body !== null && typeof body !== 'string') return undefined;
  const single = scalars(headers);
  const multi = lists(multiValueHeaders);
  if (!single || !multi) return undefined;
  const merged: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(single)) merged[name] = String(value);
  for (const [name, values] of Object.entries(multi)) merged[name] = values.map(String);
  const text = body ?? '';
  return { statusCode, headers: merged, body: Buffer.from(text, isBase64Encoded === true ? 'base64' : 'utf8') };
}

const isScalar = (v: unknown): v is HeaderValue => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function scalars(value: unknown): Record<string, HeaderValue> | undefined {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.values(value).every(isScalar) ? (value as Record<string, HeaderValue>) : undefined;
}

function lists(value: unknown): Record<string, HeaderValue[]> | undefined {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.values(value).every((v) => Array.isArray(v) && v.every(isScalar)) ? (value as Record<string, HeaderValue[]>) : undefined;
}
