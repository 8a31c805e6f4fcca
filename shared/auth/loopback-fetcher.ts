import { FetchError } from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * aws-jwt-verify fetches keys over HTTPS only. The local Cognito emulator
 * serves its JWKS over plain HTTP on loopback, so the local stack uses this
 * fetcher, which allows exactly that and nothing else: keys are never fetched
 * over plain HTTP from another host.
 */
export class LoopbackFetcher implements Fetcher {
  async fetch(uri: string): Promise<ArrayBuffer> {
    const url = new URL(uri);
    if (url.protocol !== 'https:' && !LOOPBACK_HOSTS.has(url.hostname)) {
      throw new Error(`Refusing to fetch keys over ${url.protocol} from ${url.hostname}`);
    }
    // Failures are FetchErrors, as aws-jwt-verify's own fetcher throws them: the keys
    // could not be read, which the authorizer answers as a dependency failure, not a 401.
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (!response.ok) throw new FetchError(uri, `status ${response.status}`);
      return await response.arrayBuffer();
    } catch (error) {
      if (error instanceof FetchError) throw error;
      throw new FetchError(uri, (error as Error).message);
    }
  }
}
