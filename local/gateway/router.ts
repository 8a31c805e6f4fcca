import { allowedMethods } from '#shared/http/method-not-allowed.ts';
import type { RouteDefinition } from '#shared/routes/types.ts';

/** What API Gateway does with a method and a path. */
export type Resolution =
  /** A route serves it. */
  | { readonly kind: 'route'; readonly route: RouteDefinition; readonly pathParameters: Record<string, string> }
  /** OPTIONS on a resource: the CORS preflight every resource answers. */
  | { readonly kind: 'preflight' }
  /** The path has routes, none for this method: the mock ANY method answers 405. */
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[] }
  /** No resource, or a resource without routes (`/users`): MISSING_AUTHENTICATION_TOKEN. */
  | { readonly kind: 'not-found' };

interface Resource {
  /** Route-table path: `/customers/{customer_id}`. */
  readonly path: string;
  readonly segments: readonly string[];
  readonly routes: readonly RouteDefinition[];
  readonly allowed: readonly string[];
}

const PARAM = /^\{([a-z_]+)\}$/;

/**
 * Matches requests to the shared route table the way API Gateway matches its
 * resource tree: every route path and each of its prefixes is a resource (CDK
 * creates the intermediate ones, and gives each a CORS preflight), a `{param}`
 * segment matches any non-empty segment, a literal segment wins over a parameter.
 */
export class Router {
  private readonly resources: Resource[];

  constructor(routes: readonly RouteDefinition[]) {
    const paths = new Set<string>(['/']);
    for (const route of routes) {
      const segments = route.path.split('/').filter(Boolean);
      segments.forEach((_, i) => paths.add(`/${segments.slice(0, i + 1).join('/')}`));
    }
    this.resources = [...paths].map((path) => ({
      path,
      segments: path.split('/').filter(Boolean),
      routes: routes.filter((route) => route.path === path),
      allowed: allowedMethods(routes, path),
    }));
  }

  resolve(method: string, requestPath: string): Resolution {
    const segments = (requestPath.length > 1 && requestPath.endsWith('/') ? requestPath.slice(0, -1) : requestPath).split('/').slice(1);
    const found = this.find(requestPath === '/' ? [] : segments);
    if (!found) return { kind: 'not-found' };
    if (method === 'OPTIONS') return { kind: 'preflight' };
    if (found.resource.routes.length === 0) return { kind: 'not-found' };
    const route = found.resource.routes.find((r) => r.method === method);
    if (!route) return { kind: 'method-not-allowed', allowed: found.resource.allowed };
    return { kind: 'route', route, pathParameters: found.pathParameters };
  }

  private find(segments: readonly string[]): { resource: Resource; pathParameters: Record<string, string> } | undefined {
    let best: { resource: Resource; pathParameters: Record<string, string>; literals: string } | undefined;
    for (const resource of this.resources) {
      if (resource.segments.length !== segments.length) continue;
      const pathParameters: Record<string, string> = {};
      let literals = '';
      const matches = resource.segments.every((pattern, i) => {
        const actual = segments[i] as string;
        const param = PARAM.exec(pattern)?.[1];
        if (!param) {
          literals += '1';
          return pattern === actual;
        }
        literals += '0';
        if (actual === '') return false;
        pathParameters[param] = decodeURIComponent(actual);
        return true;
      });
      // Literal segments first: '10' (…/users/{id}) beats '01' ({x}/users).
      if (matches && (!best || literals > best.literals)) best = { resource, pathParameters, literals };
    }
    return best;
  }
}
