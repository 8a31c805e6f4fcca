import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { readBody } from '../read-body.ts';

export interface LocalAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** Sends upstream the same method and URL with these headers and body (e.g. a decoded body). */
export interface Rewrite {
  readonly forward: {
    readonly headers: IncomingHttpHeaders;
    readonly body: Buffer;
    /** Called once the answer has gone back to the client, or the exchange failed. */
    readonly onSettled?: () => void;
  };
}

/** Answers a call the emulator behind lacks, or returns undefined to pass it through. */
export type Intercept = (req: IncomingMessage, body: Buffer) => LocalAnswer | undefined;

/** An intercept that may take its time (disk, hashing) and may rewrite what goes upstream. */
export type AsyncIntercept = (req: IncomingMessage, body: Buffer) => Promise<LocalAnswer | Rewrite | undefined>;

export interface PassthroughOptions {
  /** Names the proxy in its logs. @default 'local-proxy' */
  readonly name?: string;
  /** The answer to a request whose handling failed unexpectedly (the error is logged). @default an empty 500 */
  readonly onError?: (error: unknown) => LocalAnswer;
}

/**
 * Stands in front of an emulator and passes every request through unchanged
 * (headers included, so signatures still verify), except those `intercept`
 * answers: the few calls an emulator does not implement. A request that
 * fails, or a client that hangs up mid-body, gets an answer or a closed
 * socket; it never takes the process down.
 */
export class PassthroughProxy {
  private server?: Server;

  constructor(
    private readonly port: number,
    private readonly upstreamPort: number,
    private readonly intercept: Intercept | AsyncIntercept,
    private readonly options: PassthroughOptions = {},
  ) {}

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.serve(req, res));
    // A port taken between the check and now is an error to report, not an unhandled 'error' event.
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(this.port, '127.0.0.1', () => {
        this.server?.off('error', reject);
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const body = await readBody(req);
      const answer = await this.intercept(req, body);
      if (answer && 'status' in answer) {
        res.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? '');
        return;
      }
      this.forward(req, res, answer?.forward ?? { headers: req.headers, body });
    } catch (error) {
      this.fail(req, res, error);
    }
  }

  private forward(req: IncomingMessage, res: ServerResponse, { headers, body, onSettled }: Rewrite['forward']): void {
    if (onSettled) res.once('close', onSettled);
    const upstream = httpRequest(
      { host: '127.0.0.1', port: this.upstreamPort, method: req.method, path: req.url, headers },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
    upstream.end(body);
  }

  private fail(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    // A client that hung up has no one left to answer.
    if (req.destroyed && (error as NodeJS.ErrnoException).code === 'ECONNRESET') return;
    console.error(`[${this.options.name ?? 'local-proxy'}] ${req.method} ${req.url} failed:`, error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const answer = this.options.onError?.(error) ?? { status: 500 };
    res.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? '');
  }
}
