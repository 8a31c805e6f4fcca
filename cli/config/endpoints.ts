import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LocalStackInfo } from '#local/stack.ts';
import { UsageError } from '../output/errors.ts';

/** Where the API and its user pool are: flags > environment > the local stack's `.local/stack.json`. */
export interface Endpoints {
  readonly apiUrl: string;
  /** Absent only when nothing says where Cognito is (then signing in fails, API calls with a cached token still work). */
  readonly cognito?: CognitoEndpoint;
}

export interface CognitoEndpoint {
  readonly clientId: string;
  readonly region: string;
  /** A local emulator's URL; absent: the region's Cognito. */
  readonly endpoint?: string;
}

export interface EndpointFlags {
  readonly apiUrl?: string;
  readonly clientId?: string;
  readonly region?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

export function stackFilePath(env: Env, cwd: string): string {
  return resolve(cwd, env.PORTICO_STACK_FILE ?? '.local/stack.json');
}

/** The stack file, if there is one; a damaged one is an error (it would otherwise be silently ignored). */
function readStackFile(file: string): Partial<LocalStackInfo> | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as Partial<LocalStackInfo>;
  } catch (error) {
    throw new UsageError(`${file} is not JSON (${(error as Error).message}): restart the local stack, or pass --api-url`);
  }
}

/** `https://abc.execute-api.eu-west-1.amazonaws.com/prod` -> eu-west-1. */
function regionOfApiUrl(apiUrl: string): string | undefined {
  return /\.execute-api\.([a-z0-9-]+)\.amazonaws\.com/.exec(apiUrl)?.[1];
}

/** `http:` only to this machine: a bearer token, a password or a refresh token never crosses a network in clear. */
export function assertSafeUrl(url: string, what: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`${what} ${url} is not a URL`);
  }
  if (parsed.protocol === 'https:') return parsed;
  if (parsed.protocol === 'http:' && isLoopback(parsed.hostname)) return parsed;
  throw new UsageError(`${what} ${url} must be https (http is accepted only to this machine: localhost, 127.0.0.1, ::1)`);
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/** One spelling per API: no trailing slash, scheme and host lower case (the credentials are kept under it). */
export function normalizedApiUrl(url: string): string {
  const parsed = assertSafeUrl(url, 'The API URL');
  return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
}

export function resolveEndpoints(flags: EndpointFlags, env: Env, cwd: string): Endpoints {
  const file = stackFilePath(env, cwd);
  let stack: Partial<LocalStackInfo> | undefined;
  const fromStack = () => (stack ??= readStackFile(file) ?? {});
  const given = flags.apiUrl ?? env.PORTICO_API_URL ?? fromStack().api_url;
  if (!given) {
    throw new UsageError(
      `No API URL: pass --api-url, set PORTICO_API_URL (a deployment's ApiUrl output), or start the local stack (no ${file})`,
    );
  }
  const apiUrl = normalizedApiUrl(given);
  const cognito = flags.clientId || env.PORTICO_CLIENT_ID ? cognitoFromSettings(flags, env, apiUrl) : cognitoFromStackFile(fromStack(), apiUrl, file);
  return { apiUrl, ...(cognito ? { cognito } : {}) };
}

/**
 * The user pool from flags and the environment, all of it: never mixed with a
 * stack file, whose endpoint would then receive a production password.
 */
function cognitoFromSettings(flags: EndpointFlags, env: Env, apiUrl: string): CognitoEndpoint | undefined {
  const clientId = (flags.clientId ?? env.PORTICO_CLIENT_ID) as string;
  const region = flags.region ?? env.PORTICO_REGION ?? regionOfApiUrl(apiUrl);
  const endpoint = env.PORTICO_COGNITO_ENDPOINT;
  if (endpoint) assertSafeUrl(endpoint, 'PORTICO_COGNITO_ENDPOINT');
  return region ? { clientId, region, ...(endpoint ? { endpoint } : {}) } : undefined;
}

/** The local stack's user pool, for the local stack's API only, and its emulator only on this machine. */
function cognitoFromStackFile(stack: Partial<LocalStackInfo>, apiUrl: string, file: string): CognitoEndpoint | undefined {
  if (!stack.api_url || !stack.cognito || normalizedApiUrl(stack.api_url) !== apiUrl) return undefined;
  const { client_id: clientId, endpoint } = stack.cognito;
  if (endpoint && !isLoopback(new URL(endpoint).hostname)) {
    throw new UsageError(`${file} names a Cognito endpoint off this machine (${endpoint}); a local stack's is on 127.0.0.1`);
  }
  return stack.region ? { clientId, region: stack.region, ...(endpoint ? { endpoint } : {}) } : undefined;
}
