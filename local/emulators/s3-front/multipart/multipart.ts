import type { LocalAnswer } from '../../passthrough-proxy.ts';
import { refusals } from '../refusals.ts';
import { queryParam, type S3Request } from '../s3-request.ts';
import { checkCompletion, parseCompleteRequest, partNumber } from './completion.ts';
import type { S3rverUploads } from './s3rver-uploads.ts';
import type { UploadLocks } from './upload-locks.ts';

const UPLOAD_CALLS = ['PUT', 'POST', 'DELETE'];

/**
 * The multipart calls s3rver gets wrong, answered or checked first:
 * - UploadPart to an upload that does not exist (s3rver would create it);
 * - CompleteMultipartUpload naming a part never uploaded (s3rver crashes
 *   its process on it), a wrong ETag, parts out of order or too small;
 * - AbortMultipartUpload, which s3rver lacks: the parts are deleted.
 * Returns the answer, or undefined to let s3rver serve the request.
 */
export async function multipartAnswer(request: S3Request, uploads: S3rverUploads): Promise<LocalAnswer | undefined> {
  const uploadId = queryParam(request, 'uploadId');
  const { bucket, key } = request;
  if (uploadId === undefined || !bucket || !key || !UPLOAD_CALLS.includes(request.method)) return undefined;
  // s3rver answers NoSuchBucket before it touches an upload.
  if (!(await uploads.bucketExists(bucket))) return undefined;
  if (request.method === 'PUT') partNumber(queryParam(request, 'partNumber'));
  if ((await uploads.key(bucket, uploadId)) !== key) throw refusals.noSuchUpload(uploadId);

  if (request.method === 'POST') {
    checkCompletion(uploadId, parseCompleteRequest(request.body.toString('utf8')), await uploads.parts(bucket, uploadId));
    return undefined;
  }
  if (request.method === 'DELETE') {
    await uploads.remove(bucket, uploadId);
    return { status: 204 };
  }
  return undefined;
}

/**
 * Takes the upload's lock for an UploadPart (shared), CompleteMultipartUpload
 * or AbortMultipartUpload (exclusive); hold it until s3rver has answered.
 */
export function lockUpload(request: S3Request, locks: UploadLocks): Promise<(() => void) | undefined> {
  const uploadId = queryParam(request, 'uploadId');
  if (uploadId === undefined || !request.bucket || !UPLOAD_CALLS.includes(request.method)) return Promise.resolve(undefined);
  const upload = `${request.bucket}/${uploadId}`;
  return request.method === 'PUT' ? locks.shared(upload) : locks.exclusive(upload);
}
