import type * as z from 'zod';

/** One answer a route gives, as the API documents it (issue 11: OpenAPI is generated from these). */
export interface ResponseVariant {
  readonly status: 200 | 201 | 202 | 204 | 303;
  /** What this answer means, for the reader of the API document. */
  readonly description: string;
  /** The body's schema (its output side is what clients receive); null: no body. */
  readonly body: z.ZodType | null;
  /** @default 'application/json' */
  readonly contentType?: string;
  /** Other media types the same answer can take (content negotiation), with their own body schema. */
  readonly alternatives?: readonly { readonly contentType: string; readonly body: z.ZodType | null; readonly description?: string }[];
  /** Response headers a client may rely on. */
  readonly headers?: Readonly<Record<string, { readonly description: string; readonly required?: boolean }>>;
  /** Examples of this body, by name; each must validate against `body` (a test proves it). */
  readonly examples?: Readonly<Record<string, { readonly summary: string; readonly value: unknown }>>;
}

/** Everything a route answers, success and problems. */
export interface ResponseSpec {
  /** The success answers; the first is the usual one. */
  readonly success: readonly [ResponseVariant, ...ResponseVariant[]];
  /**
   * Problem statuses this route answers beyond the ones every route of its
   * access kind and request schemas answers (the generator adds 400 for a
   * route with a body or query, 401/403 by access, 404 for a `{customer_id}`,
   * 413, 415, 429 throttling, 503 for dependencies), each with when it happens;
   * `null` says a route does not answer one of those after all.
   */
  readonly problems?: Readonly<Partial<Record<400 | 403 | 404 | 406 | 409 | 410 | 412 | 422 | 429 | 502, string | null>>>;
}

/** An example request body, for the API document; validated against the route's body schema by a test. */
export interface RequestExample {
  readonly summary: string;
  readonly value: unknown;
}
