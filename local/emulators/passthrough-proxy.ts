import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readBody } from '../read-body.ts';

export interface LocalAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** Answers a call the emulator behind lacks, or returns undefined to pass it through. */
export type Intercept = (req: IncomingMessage, body: Buffer) => LocalAnswer | undefined;

/**
 * Stands in front of an emulator and passes every request through unchanged
 * (headers included, so signatures still verify), except those `intercept`
 * answers: the few calls an emulator does not implement.
 */
export class PassthroughProxy {
  private server?: Server;

  constructor(
    private readonly port: number,
    private readonly upstreamPort: number,
    private readonly intercept: Intercept,
  ) {}

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const answer = this.intercept(req, body);
    if (answer) {
      res.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? '');
      return;
    }
    const upstream = httpRequest(
      { host: '127.0.0.1', port: this.upstreamPort, method: req.method, path: req.url, headers: req.headers },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    upstream.end(body);
  }
}
