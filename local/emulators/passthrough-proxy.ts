import { constants as bufferConstants } from 'node:buffer';
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { BodyTooLarge, ClientHungUp, CLOSE_CONNECTION, readBody } from '../read-body.ts';

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

/** The largest body the service behind accepts, and how it refuses a larger one. */
export interface BodyLimit {
  readonly bytes: number;
  /** The service's answer; `declaredBytes` is the Content-Length that announced the body, if one did. */
  readonly answer: (declaredBytes: number | undefined) => LocalAnswer;
}

export interface PassthroughOptions {
  /** Names the proxy in its logs. @default 'local-proxy' */
  readonly name?: string;
  /** The answer to a request whose handling failed unexpectedly (the error is logged). @default an empty 500 */
  readonly onError?: (error: unknown) => LocalAnswer;
  /** @default the largest body Node can hold, refused with an empty 413 */
  readonly bodyLimit?: BodyLimit;
}

const NODE_LIMIT: BodyLimit = { bytes: bufferConstants.MAX_LENGTH, answer: () => ({ status: 413 }) };

/**
 * Stands in front of an emulator and passes every request through unchanged
 * (headers included, so signatures still verify), except those `intercept`
 * answers: the few calls an emulator does not implement. A request that
 * fails, or a client that hangs up mid-body, gets an answer or a closed
 * socket; it never takes the process down. A body over `bodyLimit` is
 * refused as the service refuses it, without being read into memory.
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
      const body = await this.readBody(req, res);
      if (!body) return;
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

  /** The body, or undefined once a body over the limit was refused. */
  private async readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
    const limit = this.options.bodyLimit ?? NODE_LIMIT;
    try {
      return await readBody(req, limit.bytes);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      const answer = limit.answer(error.declaredBytes);
      res.writeHead(answer.status, { ...answer.headers, ...CLOSE_CONNECTION }).end(answer.body ?? '');
      return undefined;
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
    if (error instanceof ClientHungUp) return;
    console.error(`[${this.options.name ?? 'local-proxy'}] ${req.method} ${req.url} failed:`, error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const answer = this.options.onError?.(error) ?? { status: 500 };
    res.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? '');
  }
}
