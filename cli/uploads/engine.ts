import { open } from 'node:fs/promises';
import { PorticoProblem, type PorticoClient } from '#client/index.ts';
import { abortUpload, completeUpload, createUpload, type CreatedUpload, type MultipartUpload, type Upload } from '../api/uploads.ts';
import type { OutputStream } from '../io.ts';
import { isLoopback } from '../config/endpoints.ts';
import { CliError } from '../output/errors.ts';
import { ByteProgress } from '../output/progress.ts';
import { whyNotResumable, type FileIdentity, type ResumeState, type ResumeStore } from './resume-state.ts';

export interface UploadDeps {
  readonly client: PorticoClient;
  /** For the presigned S3 URLs (not API routes). */
  readonly fetch: typeof globalThis.fetch;
  readonly store: ResumeStore;
  readonly stderr: OutputStream;
  readonly concurrency: number;
  readonly now?: () => number;
}

export interface UploadResult {
  /** The upload as the API last described it (COMPLETED for a multipart one). */
  readonly upload: Upload;
  /** Part numbers this run sent (a single PUT counts as part 1). */
  readonly sentParts: readonly number[];
  readonly resumed: boolean;
}

const CHUNK_BYTES = 1024 * 1024;

/**
 * Puts a file into the customer's bucket through the API's presigned URLs:
 * one PUT, or a multipart upload whose progress is kept on disk, so running
 * the same command after an interruption sends only the parts not yet sent.
 * An upload whose URLs expired (or that the API no longer takes) starts afresh.
 */
export async function putFile(deps: UploadDeps, file: FileIdentity): Promise<UploadResult> {
  const now = deps.now ?? Date.now;
  const saved = deps.store.load(file);
  const notResumable = saved ? whyNotResumable(saved, file, now()) : undefined;
  if (saved && !notResumable) {
    try {
      return await sendParts(deps, file, saved, true);
    } catch (error) {
      if (!(error instanceof PorticoProblem && (error.status === 409 || error.status === 404))) throw error;
      deps.stderr.write(`The upload ${saved.upload.upload_id} can no longer be completed (${error.problem.detail}); starting afresh.\n`);
    }
  } else if (saved) {
    // Aborted, so its parts and its reservation on the storage quota do not wait for the server's sweep.
    deps.stderr.write(`The interrupted upload ${saved.upload.upload_id} ${notResumable}; aborting it and starting afresh.\n`);
    await abortUpload(deps.client, file.customerId, saved.upload.upload_id).catch(() => undefined);
  }
  deps.store.remove(file);

  const created = await createUpload(deps.client, file.customerId, { filename: file.filename, size_bytes: file.size });
  if (!created.multipart) {
    await putSingle(deps, file, created);
    return { upload: withoutUrls(created), sentParts: [1], resumed: false };
  }
  const state: ResumeState = {
    version: 1,
    file,
    upload: {
      upload_id: created.upload_id,
      key: created.key,
      bucket: created.bucket,
      expires_at: created.expires_at,
      part_size_bytes: created.part_size_bytes,
      parts: created.parts,
      size_bytes: created.size_bytes,
    },
    done: {},
  };
  deps.store.save(state);
  return sendParts(deps, file, state, false);
}

async function putSingle(deps: UploadDeps, file: FileIdentity, created: Exclude<CreatedUpload, MultipartUpload>): Promise<void> {
  const progress = new ByteProgress(deps.stderr, file.filename, file.size);
  try {
    const response = await deps.fetch(handedOut(created.url), {
      method: 'PUT',
      headers: created.headers,
      body: fileRange(file.path, 0, file.size, (n) => progress.add(n)),
      duplex: 'half',
    });
    if (!response.ok) throw new CliError(`The upload was refused by S3: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
  } finally {
    progress.stop();
  }
}

async function sendParts(deps: UploadDeps, file: FileIdentity, initial: ResumeState, resumed: boolean): Promise<UploadResult> {
  let state = initial;
  const { parts } = state.upload;
  const missing = parts.filter((p) => !(String(p.part_number) in state.done));
  const already = parts.filter((p) => String(p.part_number) in state.done).reduce((sum, p) => sum + p.size_bytes, 0);
  if (resumed) deps.stderr.write(`Resuming upload ${state.upload.upload_id}: ${parts.length - missing.length} of ${parts.length} parts already sent.\n`);

  const progress = new ByteProgress(deps.stderr, file.filename, file.size, already);
  const sentParts: number[] = [];
  let failure: Error | undefined;
  const queue = [...missing];
  const worker = async () => {
    for (let part = queue.shift(); part && !failure; part = queue.shift()) {
      let sent = 0;
      try {
        const response = await deps.fetch(handedOut(part.url), {
          method: 'PUT',
          headers: part.headers,
          body: fileRange(file.path, (part.part_number - 1) * state.upload.part_size_bytes, part.size_bytes, (n) => {
            sent += n;
            progress.add(n);
          }),
          duplex: 'half',
        });
        const etag = response.headers.get('etag');
        if (!response.ok || !etag) throw new Error(`HTTP ${response.status}${etag ? '' : ' without an ETag'}`);
        state = { ...state, done: { ...state.done, [part.part_number]: etag } };
        deps.store.save(state);
        sentParts.push(part.part_number);
      } catch (error) {
        progress.add(-sent);
        failure ??= new Error(`part ${part.part_number}: ${(error as Error).message}`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(deps.concurrency, missing.length)) }, worker));
  } finally {
    progress.stop();
  }
  if (failure) {
    const count = Object.keys(state.done).length;
    throw new CliError(`The upload stopped at ${failure.message}. ${count} of ${parts.length} parts are sent: run the same command again to send the rest`);
  }
  const upload = await completeUpload(
    deps.client,
    file.customerId,
    state.upload.upload_id,
    Object.entries(state.done)
      .map(([partNumber, etag]) => ({ part_number: Number(partNumber), etag }))
      .sort((a, b) => a.part_number - b.part_number),
  );
  deps.store.remove(file);
  return { upload, sentParts: sentParts.sort((a, b) => a - b), resumed };
}

/** `length` bytes of the file from `start`, read as the request sends them (the file is opened only then). */
async function* fileRange(path: string, start: number, length: number, onBytes: (n: number) => void): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    let offset = 0;
    while (offset < length) {
      const buffer = Buffer.alloc(Math.min(CHUNK_BYTES, length - offset));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, start + offset);
      if (bytesRead === 0) throw new Error('the file got shorter while it was uploaded');
      offset += bytesRead;
      onBytes(bytesRead);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

function withoutUrls(created: Exclude<CreatedUpload, MultipartUpload>): Upload {
  const { url: _url, headers: _headers, method: _method, expires_at: _expires, ...upload } = created;
  return upload;
}

/** A URL the API handed out (a presigned PUT): https, or http only to this machine (the local stack). */
function handedOut(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`The API handed out an upload URL that is not a URL: ${url.slice(0, 100)}`);
  }
  if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopback(parsed.hostname))) return url;
  throw new Error(`The API handed out an upload URL that is neither https nor on this machine: ${parsed.origin}`);
}
