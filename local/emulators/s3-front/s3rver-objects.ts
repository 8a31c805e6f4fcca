import { stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The file s3rver's FilesystemStore keeps an object's bytes in: `'%s._S3rver_%s'` of the key's last segment and 'object'. */
const OBJECT_SUFFIX = '._S3rver_object';

/**
 * Objects as s3rver keeps them on disk, so the front reads the same truth
 * s3rver serves: `<dir>/<bucket>/<key's folders>/<key's last segment>._S3rver_object`.
 */
export class S3rverObjects {
  constructor(private readonly dataDir: string) {}

  /** Whether an object is stored under the key (s3rver's own `existsObject`). */
  async exists(bucket: string, key: string): Promise<boolean> {
    const folders = key.split('/');
    const name = folders.pop() ?? '';
    try {
      return (await stat(join(this.dataDir, bucket, ...folders, `${name}${OBJECT_SUFFIX}`))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }
}
