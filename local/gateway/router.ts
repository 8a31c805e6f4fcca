import type { HttpMethod, RouteDefinition } from '#shared/routes/types.ts';

export interface RouteMatch {
  readonly route: RouteDefinition;
  readonly pathParameters: Record<string, string>;
}

interface CompiledRoute {
  readonly route: RouteDefinition;
  readonly pattern: RegExp;
  readonly names: string[];
}

/** Matches requests to the shared route table the way API Gateway matches resources. */
export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly RouteDefinition[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.path
        .split('/')
        .map((segment) => {
          const param = /^\{([a-z_]+)\}$/.exec(segment);
          if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(param[1] as string);
          return '([^/]+)';
        })
        .join('/');
      return { route, pattern: new RegExp(`^${source}/?$`), names };
    });
  }

  match(method: string, path: string): RouteMatch | undefined {
    for (const { route, pattern, names } of this.compiled) {
      if (route.method !== (method as HttpMethod)) continue;
      const found = pattern.exec(path);
      if (!found) continue;
      const pathParameters: Record<string, string> = {};
      names.forEach((name, i) => {
        pathParameters[name] = decodeURIComponent(found[i + 1] as string);
      });
      return { route, pathParameters };
    }
    return undefined;
  }

  /** Methods served on a path, for CORS preflight answers. */
  methodsFor(path: string): string[] {
    return this.compiled.filter(({ pattern }) => pattern.test(path)).map(({ route }) => route.method);
  }
}
