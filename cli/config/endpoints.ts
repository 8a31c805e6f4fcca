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

export function resolveEndpoints(flags: EndpointFlags, env: Env, cwd: string): Endpoints {
  const file = stackFilePath(env, cwd);
  let stack: Partial<LocalStackInfo> | undefined;
  const fromStack = () => (stack ??= readStackFile(file) ?? {});
  const apiUrl = flags.apiUrl ?? env.PORTICO_API_URL ?? fromStack().api_url;
  if (!apiUrl) {
    throw new UsageError(
      `No API URL: pass --api-url, set PORTICO_API_URL (a deployment's ApiUrl output), or start the local stack (no ${file})`,
    );
  }
  // The stack file's Cognito belongs to the stack file's API only.
  const stackCognito = fromStack().api_url === apiUrl ? fromStack() : {};
  const clientId = flags.clientId ?? env.PORTICO_CLIENT_ID ?? stackCognito.cognito?.client_id;
  const region = flags.region ?? env.PORTICO_REGION ?? stackCognito.region ?? regionOfApiUrl(apiUrl);
  const endpoint = env.PORTICO_COGNITO_ENDPOINT ?? stackCognito.cognito?.endpoint;
  const cognito = clientId && region ? { clientId, region, ...(endpoint ? { endpoint } : {}) } : undefined;
  return { apiUrl: apiUrl.replace(/\/+$/, ''), ...(cognito ? { cognito } : {}) };
}
