import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { MultipartUpload } from '../api/uploads.ts';
import { writePrivateFile } from '../config/paths.ts';

/** The file being uploaded, as it was when the upload began: a changed file starts afresh. */
export interface FileIdentity {
  readonly apiUrl: string;
  readonly customerId: string;
  /** Absolute. */
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** The object's file name. */
  readonly filename: string;
}

/** A multipart upload under way: its presigned part URLs and the ETags of the parts sent so far. */
export interface ResumeState {
  readonly version: 1;
  readonly file: FileIdentity;
  readonly upload: Pick<MultipartUpload, 'upload_id' | 'key' | 'bucket' | 'expires_at' | 'part_size_bytes' | 'parts' | 'size_bytes'>;
  /** Part number -> ETag. */
  readonly done: Readonly<Record<string, string>>;
}

/**
 * `<config dir>/uploads/<hash>.json`, one per file being uploaded, keyed by
 * API, customer and absolute path (0600: it holds presigned URLs); the size
 * and modification time are kept inside, so a file changed since its upload
 * began finds that upload (and aborts it) instead of leaving it behind.
 * Deleted once the upload completes.
 */
export class ResumeStore {
  constructor(private readonly dir: string) {}

  static keyOf(file: Pick<FileIdentity, 'apiUrl' | 'customerId' | 'path'>): string {
    return createHash('sha256').update(JSON.stringify([file.apiUrl, file.customerId, file.path])).digest('hex').slice(0, 32);
  }

  fileFor(file: FileIdentity): string {
    return join(this.dir, `${ResumeStore.keyOf(file)}.json`);
  }

  load(file: FileIdentity): ResumeState | undefined {
    try {
      const state = JSON.parse(readFileSync(this.fileFor(file), 'utf8')) as ResumeState;
      return state.version === 1 && state.upload?.parts ? state : undefined;
    } catch {
      return undefined;
    }
  }

  save(state: ResumeState): void {
    writePrivateFile(this.fileFor(state.file), `${JSON.stringify(state)}\n`);
  }

  remove(file: FileIdentity): void {
    rmSync(this.fileFor(file), { force: true });
  }
}

/** Why a saved upload cannot be continued, or undefined when it can: the same file, unchanged, and URLs valid for another minute. */
export function whyNotResumable(state: ResumeState, file: FileIdentity, now: number): string | undefined {
  if (state.file.size !== file.size || state.file.mtimeMs !== file.mtimeMs || state.file.filename !== file.filename) return 'was for the file as it was before it changed';
  if (Date.parse(state.upload.expires_at) - now <= 60_000) return 'expired';
  return undefined;
}
