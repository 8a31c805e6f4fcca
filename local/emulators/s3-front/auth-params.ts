import { parseCredential, type Credential } from './credential-scope.ts';
import { refusals } from './refusals.ts';
import { queryParam, type S3Request } from './s3-request.ts';

/** What a SigV4-signed request claims: who signed it, when, over which headers, and the signature. */
export interface SignedAuth {
  readonly via: 'header' | 'query';
  readonly credential: Credential;
  /** The signing time as SigV4 writes it, `yyyymmddThhmmssZ`. */
  readonly longDate: string;
  readonly signedAt: Date;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  /** Query authentication only: seconds the URL lives after `signedAt`. */
  readonly expiresSeconds?: number;
  readonly sessionToken?: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
export const MAX_EXPIRES_SECONDS = 7 * 24 * 60 * 60;
const LONG_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * Reads the SigV4 authentication a request carries, in the Authorization
 * header or in the query of a presigned URL; undefined for an anonymous
 * request. Malformed authentication is refused as S3 refuses it.
 */
export function readAuth(request: S3Request, region: string): SignedAuth | undefined {
  const header = request.headers.authorization;
  const mechanisms = [header !== undefined, queryParam(request, 'X-Amz-Algorithm') !== undefined, queryParam(request, 'Signature') !== undefined];
  if (mechanisms.filter(Boolean).length > 1) {
    throw refusals.invalidArgument(
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
      'Authorization',
      header,
    );
  }
  if (header !== undefined) return readHeaderAuth(request, header, region);
  if (mechanisms[1]) return readQueryAuth(request, region);
  if (mechanisms[2]) throw unsupportedMechanism();
  return undefined;
}

function readHeaderAuth(request: S3Request, header: string, region: string): SignedAuth {
  const trimmed = header.trim();
  const space = trimmed.indexOf(' ');
  const algorithm = space === -1 ? trimmed : trimmed.slice(0, space);
  if (algorithm === 'AWS') throw unsupportedMechanism();
  if (algorithm !== ALGORITHM) throw refusals.invalidArgument('Unsupported Authorization Type', 'Authorization', header);
  const components = new Map(
    trimmed
      .slice(space + 1)
      .split(',')
      .map((component) => {
        const equals = component.indexOf('=');
        return [component.slice(0, equals).trim(), component.slice(equals + 1).trim()] as const;
      }),
  );
  const credential = components.get('Credential');
  const signedHeaders = components.get('SignedHeaders');
  const signature = components.get('Signature');
  if (!credential || !signedHeaders || !signature) {
    throw refusals.authorizationHeaderMalformed('the authorization header requires three components: Credential, SignedHeaders, and Signature.');
  }
  const signedAt = headerDate(request);
  const longDate = toLongDate(signedAt);
  const sessionToken = request.headers['x-amz-security-token'];
  return {
    via: 'header',
    credential: parseCredential(credential, longDate, region, refusals.authorizationHeaderMalformed),
    longDate,
    signedAt,
    signedHeaders: signedHeaders.split(';'),
    signature,
    ...(sessionToken !== undefined ? { sessionToken } : {}),
  };
}

function readQueryAuth(request: S3Request, region: string): SignedAuth {
  const param = (name: string) => queryParam(request, name);
  if (param('X-Amz-Algorithm') !== ALGORITHM) {
    throw refusals.authorizationQueryParametersError('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
  }
  const [credential, signature, longDate, signedHeaders, expires] = ['X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders', 'X-Amz-Expires'].map(param);
  if (credential === undefined || signature === undefined || longDate === undefined || signedHeaders === undefined || expires === undefined) {
    throw refusals.authorizationQueryParametersError(
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    );
  }
  const signedAt = parseLongDate(longDate);
  if (!signedAt) throw refusals.authorizationQueryParametersError('X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd\'T\'HHmmss\'Z\'"');
  if (!/^\d+$/.test(expires)) throw refusals.authorizationQueryParametersError('X-Amz-Expires should be a number');
  const expiresSeconds = Number(expires);
  if (expiresSeconds > MAX_EXPIRES_SECONDS) {
    throw refusals.authorizationQueryParametersError(
      `X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than ${MAX_EXPIRES_SECONDS} seconds`,
    );
  }
  const sessionToken = param('X-Amz-Security-Token');
  return {
    via: 'query',
    credential: parseCredential(credential, longDate, region, (message) =>
      refusals.authorizationQueryParametersError(`Error parsing the X-Amz-Credential parameter; ${message}`),
    ),
    longDate,
    signedAt,
    signedHeaders: signedHeaders.split(';'),
    signature,
    expiresSeconds,
    ...(sessionToken !== undefined ? { sessionToken } : {}),
  };
}

/** Header authentication dates the request with x-amz-date, or else the Date header. */
function headerDate(request: S3Request): Date {
  const amzDate = request.headers['x-amz-date'];
  const date = amzDate !== undefined ? parseLongDate(amzDate) : parseHttpDate(request.headers.date);
  if (!date) throw refusals.accessDenied('AWS authentication requires a valid Date or x-amz-date header');
  return date;
}

function parseLongDate(value: string): Date | undefined {
  const parts = LONG_DATE.exec(value);
  if (!parts) return undefined;
  const date = new Date(`${parts[1]}-${parts[2]}-${parts[3]}T${parts[4]}:${parts[5]}:${parts[6]}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function parseHttpDate(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function toLongDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

function unsupportedMechanism() {
  return refusals.invalidRequest('The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.');
}
