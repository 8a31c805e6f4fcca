/**
 * Why undici and a small driver of our own rather than autocannon: each request
 * here depends on the one before it (a presigned PUT goes to the URL the upload
 * route answered, to another host; a cancel names a workset a submission
 * admitted), each is judged by its kind (a 429 is right for a submission over
 * quota and wrong anywhere else), and latency is wanted per route. Autocannon
 * targets one origin with one latency histogram; its hooks cannot follow a
 * request to another host. undici is the client Node's own fetch is built on,
 * without fetch's stream overhead, which counts on 2 cores shared with the stack.
 */
import { performance } from 'node:perf_hooks';
import { Agent, request, type Dispatcher } from 'undici';

export interface TimedAnswer {
  /** 0 when no answer came. */
  readonly status: number;
  readonly text: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly latencyMs: number;
}

export class LoadClient {
  private readonly agent: Agent;

  /** @param connections sockets per origin; one per worker, so no request waits for a socket. */
  constructor(connections: number) {
    // No retries and no pipelining: every request is measured as a client sends it once.
    this.agent = new Agent({ connections, pipelining: 1, keepAliveTimeout: 30_000, headersTimeout: 60_000, bodyTimeout: 60_000 });
  }

  async send(method: Dispatcher.HttpMethod, url: string, options: { token?: string; json?: unknown; body?: Buffer; headers?: Record<string, string> } = {}): Promise<TimedAnswer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Buffer | undefined = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    }
    const started = performance.now();
    try {
      const answer = await request(url, { method, headers, body, dispatcher: this.agent });
      const text = await answer.body.text();
      return { status: answer.statusCode, text, headers: answer.headers, latencyMs: performance.now() - started };
    } catch (error) {
      return { status: 0, text: `${(error as Error).name}: ${(error as Error).message}`, headers: {}, latencyMs: performance.now() - started };
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

/** The body as JSON, or undefined when it is not. */
export function parseJson(text: string): any {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
