import { refusals } from './refusals.ts';
import type { S3Request } from './s3-request.ts';

/** Subresources of a PUT to a key that change something other than the object's bytes. */
const NOT_OBJECT_WRITES = ['uploadId', 'partNumber', 'tagging', 'acl', 'retention', 'legal-hold', 'torrent'];

/** The object a conditional write is about. */
export interface WrittenObject {
  readonly bucket: string;
  readonly key: string;
}

/**
 * The object `request` writes only if none is stored under its key: a PutObject
 * or CopyObject (a PUT to a key) or a CompleteMultipartUpload (a POST with
 * uploadId) carrying `If-None-Match: *`. Undefined for any other request,
 * which S3 stores whatever the key holds. S3 takes no other value of the
 * header, nor If-None-Match with If-Match: 501 NotImplemented.
 */
export function writtenIfNoObject(request: S3Request): WrittenObject | undefined {
  const { bucket, key } = request;
  const noneMatch = request.headers['if-none-match'];
  if (noneMatch === undefined || !bucket || !key || !isObjectWrite(request)) return undefined;
  if (request.headers['if-match'] !== undefined) {
    throw refusals.notImplementedHeader('If-Match,If-None-Match', 'Multiple conditional request headers present in the request');
  }
  if (noneMatch !== '*') throw refusals.notImplementedHeader('If-None-Match', "We don't accept the provided value of If-None-Match header for this API");
  return { bucket, key };
}

function isObjectWrite(request: S3Request): boolean {
  const has = (name: string) => request.query.some(([param]) => param === name);
  if (request.method === 'PUT') return !NOT_OBJECT_WRITES.some(has);
  return request.method === 'POST' && has('uploadId');
}
