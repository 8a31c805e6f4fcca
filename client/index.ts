/**
 * The typed Portico API client: openapi-fetch over the types openapi-typescript
 * generates from the API document (`schema.ts`, rewritten by
 * `npm run openapi`). The CLI, the tests' helpers and the portal call the API
 * through it, so a route change that breaks a caller breaks the type-check.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.ts';

export type { components, paths } from './schema.ts';
export type Problem = components['schemas']['Problem'];
export type PorticoClient = Client<paths>;

export interface ClientOptions {
  /** The API's base URL: `.local/stack.json`'s `api_url`, or a deployment's `ApiUrl` output. */
  readonly baseUrl: string;
  /** The ID token to send as a bearer token, asked for before each request (so a refreshed one is used). */
  readonly token?: () => string | undefined | Promise<string | undefined>;
  /** @default globalThis.fetch */
  readonly fetch?: (request: Request) => Promise<Response>;
}

export function createPorticoClient(options: ClientOptions): PorticoClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const { token } = options;
  if (token) {
    const bearer: Middleware = {
      async onRequest({ request }) {
        const value = await token();
        if (value) request.headers.set('Authorization', `Bearer ${value}`);
        return request;
      },
    };
    client.use(bearer);
  }
  return client;
}

/** A problem+json answer, thrown by `unwrap`: its message is the problem's title and detail. */
export class PorticoProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    readonly response: Response,
  ) {
    super(`${problem.title}: ${problem.detail}`);
    this.name = 'PorticoProblem';
  }

  /** Seconds the API asked to wait (`Retry-After`), when it did. */
  get retryAfterSeconds(): number | undefined {
    const header = this.response.headers.get('retry-after');
    return header !== null && /^\d+$/.test(header) ? Number(header) : undefined;
  }
}

/**
 * The body of a success answer, or a thrown `PorticoProblem`. Anything that
 * is not problem+json (a proxy's HTML page) becomes a problem with the status
 * text, so callers have one kind of error to show.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  const error = result.error;
  const problem: Problem =
    typeof error === 'object' && error !== null && 'title' in error && 'detail' in error
      ? (error as Problem)
      : {
          type: 'about:blank',
          title: result.response.statusText || `HTTP ${result.response.status}`,
          status: result.response.status,
          detail: typeof error === 'string' && error.length > 0 ? error.slice(0, 500) : 'The API answered without a problem document.',
        };
  throw new PorticoProblem(result.response.status, problem, result.response);
}
