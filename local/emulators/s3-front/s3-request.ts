import type { IncomingHttpHeaders } from 'node:http';
import { escapeUri } from '@smithy/core/protocols';
import { refusals } from './refusals.ts';

/** A path-style S3 request as the front sees it, with its URL decoded once. */
export interface S3Request {
  readonly method: string;
  /** The path as S3 signs it: each segment decoded, then URI-encoded once (never twice). */
  readonly canonicalPath: string;
  readonly bucket?: string;
  readonly key?: string;
  /** Query parameters, decoded, in the order sent. */
  readonly query: readonly (readonly [string, string])[];
  /** Lower-case names; repeated headers joined with commas, as S3 reads them. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export interface RawRequest {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  readonly headers: IncomingHttpHeaders;
}

/** Reads method, path, query and headers; a URL that does not decode is S3's InvalidURI. */
export function parseS3Request(raw: RawRequest, body: Buffer): S3Request {
  const url = raw.url ?? '/';
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const queryString = queryAt === -1 ? '' : url.slice(queryAt + 1);
  const segments = path.split('/').slice(1).map(decode);
  const [bucket, ...keyParts] = segments;
  const key = keyParts.join('/');
  return {
    method: (raw.method ?? 'GET').toUpperCase(),
    canonicalPath: `/${segments.map(escapeUri).join('/')}`,
    ...(bucket ? { bucket } : {}),
    ...(key ? { key } : {}),
    query: queryString
      .split('&')
      .filter((pair) => pair !== '')
      .map((pair) => {
        const equals = pair.indexOf('=');
        return equals === -1 ? [decode(pair), ''] : [decode(pair.slice(0, equals)), decode(pair.slice(equals + 1))];
      }),
    headers: Object.fromEntries(
      Object.entries(raw.headers)
        .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
        .map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(',') : value]),
    ),
    body,
  };
}

/** The first value of query parameter `name` (exact case), if sent. */
export function queryParam(request: S3Request, name: string): string | undefined {
  return request.query.find(([param]) => param === name)?.[1];
}

/** Like `queryParam`, ignoring case: S3 reads `x-amz-*` parameters of presigned URLs as headers. */
export function queryParamIgnoringCase(request: S3Request, name: string): string | undefined {
  const lower = name.toLowerCase();
  return request.query.find(([param]) => param.toLowerCase() === lower)?.[1];
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw refusals.invalidUri();
  }
}
