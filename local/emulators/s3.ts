import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';

export interface S3Emulator {
  readonly endpoint: string;
  readonly server: S3rver;
  stop(): Promise<void>;
}

/** s3rver signs with its built-in account, so local clients use S3RVER/S3RVER as credentials. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export async function startS3(port: number, dataDir: string): Promise<S3Emulator> {
  mkdirSync(dataDir, { recursive: true });
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    directory: dataDir,
    silent: true,
    // Buckets are named like real ones; keep path-style addressing on loopback.
    vhostBuckets: false,
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    server,
    stop: () => server.close(),
  };
}
