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
 * customer, absolute path, size and modification time (0600: it holds
 * presigned URLs). Deleted once the upload completes.
 */
export class ResumeStore {
  constructor(private readonly dir: string) {}

  static keyOf(file: Pick<FileIdentity, 'customerId' | 'path' | 'size' | 'mtimeMs'>): string {
    return createHash('sha256').update(JSON.stringify([file.customerId, file.path, file.size, file.mtimeMs])).digest('hex').slice(0, 32);
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

/** Whether the state can still be used: the same file name and API, and URLs valid for another minute. */
export function isResumable(state: ResumeState, file: FileIdentity, now: number): boolean {
  return state.file.apiUrl === file.apiUrl && state.file.filename === file.filename && Date.parse(state.upload.expires_at) - now > 60_000;
}
