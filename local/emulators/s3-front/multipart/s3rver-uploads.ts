import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface UploadedPart {
  readonly etag: string;
  readonly size: number;
}

/** s3rver's upload ids: `crypto.randomBytes(16).toString('hex')`. Anything else names no upload (and no path). */
const UPLOAD_ID = /^[0-9a-f]{32}$/;
/** The folder s3rver's FilesystemStore keeps a bucket's multipart uploads in (`'%s._S3rver_%s'` of '' and 'uploads'). */
const UPLOADS_FOLDER = '._S3rver_uploads';
const PART_MD5 = /^([1-9]\d{0,4})\.md5$/;

/**
 * Multipart uploads as s3rver keeps them on disk, so the front reads the
 * same truth s3rver will use, and a restart loses nothing:
 * `<dir>/<bucket>/._S3rver_uploads/<uploadId>/` holds `key` (the object key),
 * `metadata`, and for each uploaded part `<n>` (its bytes) and `<n>.md5`,
 * written once the part is complete (its ETag).
 */
export class S3rverUploads {
  constructor(private readonly dataDir: string) {}

  async bucketExists(bucket: string): Promise<boolean> {
    return (await statOrUndefined(join(this.dataDir, bucket)))?.isDirectory() ?? false;
  }

  /** The key the upload was created for, or undefined if s3rver has no such upload. */
  async key(bucket: string, uploadId: string): Promise<string | undefined> {
    if (!UPLOAD_ID.test(uploadId)) return undefined;
    return readFile(join(this.uploadDir(bucket, uploadId), 'key'), 'utf8').catch(ifMissing(undefined));
  }

  /** The parts s3rver has finished storing, by part number. */
  async parts(bucket: string, uploadId: string): Promise<Map<number, UploadedPart>> {
    const dir = this.uploadDir(bucket, uploadId);
    const names = await readdir(dir).catch(ifMissing([] as string[]));
    const parts = await Promise.all(
      names.flatMap((name) => {
        const partNumber = PART_MD5.exec(name)?.[1];
        return partNumber ? [this.part(dir, partNumber)] : [];
      }),
    );
    return new Map(parts.filter((p): p is [number, UploadedPart] => p !== undefined));
  }

  /** Forgets the upload and deletes its parts, as AbortMultipartUpload does. */
  async remove(bucket: string, uploadId: string): Promise<void> {
    if (UPLOAD_ID.test(uploadId)) await rm(this.uploadDir(bucket, uploadId), { recursive: true, force: true });
  }

  private uploadDir(bucket: string, uploadId: string): string {
    return join(this.dataDir, bucket, UPLOADS_FOLDER, uploadId);
  }

  private async part(dir: string, partNumber: string): Promise<[number, UploadedPart] | undefined> {
    const [md5, stats] = await Promise.all([readFile(join(dir, `${partNumber}.md5`), 'utf8').catch(ifMissing(undefined)), statOrUndefined(join(dir, partNumber))]);
    return md5 === undefined || stats === undefined ? undefined : [Number(partNumber), { etag: `"${md5.trim()}"`, size: stats.size }];
  }
}

function statOrUndefined(path: string) {
  return stat(path).catch(ifMissing(undefined));
}

/** A missing file is an answer (no such upload or part); any other failure is not. */
function ifMissing<T>(fallback: T): (error: unknown) => T {
  return (error) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw error;
  };
}
