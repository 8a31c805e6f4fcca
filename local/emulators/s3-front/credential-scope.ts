import type { S3Error } from './s3-error.ts';

/** `<access key>/<yyyymmdd>/<region>/s3/aws4_request`, as SigV4 names who signed, when and where. */
export interface Credential {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  /** The scope part, `<yyyymmdd>/<region>/s3/aws4_request`. */
  readonly scope: string;
}

/**
 * Reads a credential and checks its scope against the request date and the
 * region the local S3 serves; `malformed` words the refusal for header or
 * query authentication.
 */
export function parseCredential(value: string, requestDate: string, region: string, malformed: (message: string) => S3Error): Credential {
  const parts = value.split('/');
  const [accessKeyId, date, scopeRegion, service, terminator] = parts;
  if (parts.length !== 5 || !accessKeyId || !date || !scopeRegion || !service || !terminator) {
    throw malformed('the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".');
  }
  if (date !== requestDate.slice(0, 8)) {
    throw malformed(`Invalid credential date "${date}". This date is not the same as X-Amz-Date: "${requestDate.slice(0, 8)}".`);
  }
  if (scopeRegion !== region) throw malformed(`the region '${scopeRegion}' is wrong; expecting '${region}'`);
  if (service !== 's3') throw malformed(`incorrect service "${service}". This endpoint belongs to "s3".`);
  if (terminator !== 'aws4_request') throw malformed(`incorrect terminal "${terminator}". This endpoint uses "aws4_request".`);
  return { accessKeyId, date, region: scopeRegion, service, scope: parts.slice(1).join('/') };
}
