import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * Sits in front of cognito-local and passes every call through, except the
 * admin calls cognito-local does not implement, which it answers as Cognito
 * does. It also keeps a log of the admin calls it saw, so tests can assert
 * that a removed user was really disabled and signed out.
 */
const IMPLEMENTED_HERE: Record<string, () => unknown> = {
  // Revokes the user's refresh tokens. cognito-local keeps no refresh-token
  // state to revoke, so answering success is what Cognito would do here.
  AdminUserGlobalSignOut: () => ({}),
};

export interface CognitoCall {
  readonly target: string;
  readonly body: unknown;
}

export class CognitoProxy {
  readonly calls: CognitoCall[] = [];
  private server?: Server;

  constructor(
    private readonly port: number,
    private readonly upstreamPort: number,
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
    if (req.method === 'GET' && req.url === '/__local/requests') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(this.calls));
      return;
    }
    const target = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    if (target.startsWith('Admin')) this.calls.push({ target, body: safeJson(body) });
    const local = IMPLEMENTED_HERE[target];
    if (local) {
      res.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.1' }).end(JSON.stringify(local()));
      return;
    }
    const upstream = httpRequest(
      { host: '127.0.0.1', port: this.upstreamPort, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    upstream.end(body);
  }
}

function safeJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
