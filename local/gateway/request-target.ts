/** The path and query of a request, still percent-encoded as sent. */
export interface RequestTarget {
  readonly path: string;
  /** `?...` as sent, or '' (for the access log). */
  readonly search: string;
  readonly query: URLSearchParams;
}

/**
 * Reads a request-target (`/path?query`, or the absolute form `http://host/path?query`)
 * without resolving it against anything: `//customers` stays a path, it does not
 * become a host. Undefined when it is not a URL path or when its percent-encoding does
 * not decode (`%ZZ`, a lone `%`, `%E0%A4%A`, which is not UTF-8). The API Gateway docs
 * do not say what it answers to those; it answers a badly encoded parameter with 400
 * (reported in adamchainz/apig-wsgi#102), so the local gateway refuses them with 400
 * before any route is looked up.
 */
export function parseRequestTarget(raw: string): RequestTarget | undefined {
  let target = raw;
  if (!target.startsWith('/')) {
    try {
      const absolute = new URL(target);
      target = `${absolute.pathname}${absolute.search}`;
    } catch {
      return undefined;
    }
  }
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const rawQuery = queryAt === -1 ? '' : target.slice(queryAt + 1);
  if (!decodes(path) || !decodes(rawQuery.replaceAll('+', ' '))) return undefined;
  return { path, search: rawQuery ? `?${rawQuery}` : '', query: new URLSearchParams(rawQuery) };
}

function decodes(encoded: string): boolean {
  try {
    decodeURIComponent(encoded);
    return true;
  } catch {
    return false;
  }
}
