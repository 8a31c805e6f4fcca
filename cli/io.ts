/**
 * Everything the CLI touches outside itself, passed in: `run(argv, io)` is
 * called in-process by the tests with captured streams, an environment, a
 * temporary config directory and, where a test needs it, a fetch of its own.
 */
export interface OutputStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface CliIo {
  /** Results only: tables, or the API's JSON with `--json`. */
  readonly stdout: OutputStream;
  /** Everything for the person at the terminal: progress, prompts, notes, errors. */
  readonly stderr: OutputStream;
  /** Read by `--password-stdin`; prompts need it to be a terminal. */
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Every HTTP request: the API (through the typed client) and presigned S3 URLs. @default globalThis.fetch */
  readonly fetch?: typeof globalThis.fetch;
}

/** The real process's streams and environment. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}
