import { createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * JWTs built by hand with node:crypto, for the isolation suite: tokens that
 * are wrong in exactly one way, starting from the claims of a real ID token,
 * so a refusal can only be due to the property under test.
 *
 * cognito-local signs every token of every pool with one RSA key it ships
 * (`kid: CognitoLocal`); signing with that key is what lets a test produce a
 * token whose signature is valid and whose claims are not.
 */

export type JwtHeader = { readonly alg: string; readonly kid?: string; readonly typ?: string } & Record<string, unknown>;
export type JwtClaims = Record<string, unknown>;

const require = createRequire(import.meta.url);
export const COGNITO_LOCAL_KID = 'CognitoLocal';

interface KeyFile {
  readonly jwk: JsonWebKey;
  readonly pem: string;
}

let cognitoLocalKey: KeyObject | undefined;

/** cognito-local's own signing key, the private half of the JWKS it serves. */
export function cognitoLocalPrivateKey(): KeyObject {
  if (!cognitoLocalKey) {
    const file = JSON.parse(readFileSync(require.resolve('cognito-local/lib/keys/cognitoLocal.private.json'), 'utf8')) as KeyFile;
    cognitoLocalKey = createPrivateKey({ key: file.jwk, format: 'jwk' });
  }
  return cognitoLocalKey;
}

/** The public key as PEM (SubjectPublicKeyInfo), which anyone can build from the JWKS. */
export function cognitoLocalPublicKeyPem(): string {
  return createPublicKey(cognitoLocalPrivateKey()).export({ type: 'spki', format: 'pem' }).toString();
}

const b64url = (value: Buffer | string): string => Buffer.from(value).toString('base64url');
const encodeJson = (value: unknown): string => b64url(JSON.stringify(value));

export function decodeJwt(token: string): { header: JwtHeader; payload: JwtClaims } {
  const [header, payload] = token.split('.');
  if (header === undefined || payload === undefined) throw new Error('not a JWT');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as JwtHeader,
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as JwtClaims,
  };
}

/** RS256 over `header.payload`; the header's `alg` is forced to RS256. */
export function signRs256(header: Omit<JwtHeader, 'alg'>, payload: JwtClaims, key: KeyObject = cognitoLocalPrivateKey()): string {
  const input = `${encodeJson({ ...header, alg: 'RS256' })}.${encodeJson(payload)}`;
  return `${input}.${b64url(sign('sha256', Buffer.from(input), key))}`;
}

/** `alg: none`: no signature at all, the third segment empty. */
export function unsignedJwt(payload: JwtClaims): string {
  return `${encodeJson({ alg: 'none', typ: 'JWT' })}.${encodeJson(payload)}.`;
}

/** HS256 with `secret` as the HMAC key: the RS256/HS256 confusion attack when `secret` is the public key. */
export function signHs256(header: Omit<JwtHeader, 'alg'>, payload: JwtClaims, secret: string): string {
  const input = `${encodeJson({ ...header, alg: 'HS256' })}.${encodeJson(payload)}`;
  return `${input}.${b64url(createHmac('sha256', secret).update(input).digest())}`;
}

let strangerKey: KeyObject | undefined;

/** A fresh RSA key nobody published. */
function unpublishedKey(): KeyObject {
  strangerKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  return strangerKey;
}

/** Every kind of bad bearer token the authorizer must refuse. */
export const BAD_TOKEN_KINDS = [
  'expired',
  'wrong-signature',
  'alg-none',
  'hs256-public-key',
  'foreign-issuer',
  'foreign-client',
  'token-use-access',
  'token-use-refresh',
] as const;

export type BadTokenKind = (typeof BAD_TOKEN_KINDS)[number];

export interface RealTokens {
  readonly idToken: string;
  readonly accessToken: string;
}

export interface ForgedTokens {
  /**
   * The real ID token's header and claims, re-signed with cognito-local's key
   * and a fresh expiry: the control. The authorizer must accept it, which
   * proves the refusals of the others come from the one property they change.
   */
  readonly control: string;
  readonly bad: Readonly<Record<BadTokenKind, string>>;
  /** Access tokens, which the API accepts as well: the real one, and one forged from the ID token's claims in an access token's shape. */
  readonly access: { readonly real: string; readonly forged: string };
}

/**
 * Builds the control and every bad token from a real user's ID and access
 * tokens. Each bad token differs from the control in one property only.
 */
export function forgeTokens(real: RealTokens, nowMs = Date.now()): ForgedTokens {
  const { header: realHeader, payload: claims } = decodeJwt(real.idToken);
  const { alg: _alg, ...header } = realHeader;
  const now = Math.floor(nowMs / 1000);
  // A fresh validity window, so the control cannot expire during a run.
  const base: JwtClaims = { ...claims, iat: now, exp: now + 3600 };
  const iss = String(claims.iss);
  const clientId = String(claims.aud);

  const { aud: _aud, ...withoutAudience } = base;
  const bad: Record<BadTokenKind, string> = {
    expired: signRs256(header, { ...base, iat: now - 7200, auth_time: now - 7200, exp: now - 3600 }),
    'wrong-signature': signRs256(header, base, unpublishedKey()),
    'alg-none': unsignedJwt(base),
    'hs256-public-key': signHs256(header, base, cognitoLocalPublicKeyPem()),
    // Another pool on the same emulator: cognito-local signs it with the same key.
    'foreign-issuer': signRs256(header, { ...base, iss: `${iss.slice(0, iss.lastIndexOf('/'))}/us-east-1_Foreign${randomUUID().slice(0, 4)}` }),
    'foreign-client': signRs256(header, { ...base, aud: `foreign${randomUUID().replaceAll('-', '').slice(0, 19)}` }),
    // An access token must name its client in client_id; this one only has an ID token's aud.
    'token-use-access': signRs256(header, { ...base, token_use: 'access' }),
    'token-use-refresh': signRs256(header, { ...base, token_use: 'refresh' }),
  };
  // The shape of a Cognito access token: client_id instead of aud.
  const forgedAccess = signRs256(header, { ...withoutAudience, token_use: 'access', client_id: clientId });
  return { control: signRs256(header, base), bad, access: { real: real.accessToken, forged: forgedAccess } };
}
