import type { CachedTokens, CredentialStore } from '../config/credentials.ts';
import { SignInRequiredError } from '../output/errors.ts';
import { cognitoClient, endpointOf, refresh, type CognitoLike } from './cognito.ts';

/** An ID token expiring within this is refreshed before a request. */
export const REFRESH_MARGIN_MS = 60_000;

/**
 * The cached sign-in for one API: hands the client a valid ID token,
 * refreshing it (and caching the new one) when it is about to expire.
 */
export class Session {
  private refreshing: Promise<CachedTokens> | undefined;

  constructor(
    private readonly store: CredentialStore,
    private readonly apiUrl: string,
    private readonly cognito: (tokens: CachedTokens) => CognitoLike = (tokens) => cognitoClient(endpointOf(tokens)),
    private readonly now: () => number = Date.now,
  ) {}

  async idToken(): Promise<string> {
    const tokens = this.store.get(this.apiUrl);
    if (!tokens) throw new SignInRequiredError('Not signed in', this.apiUrl);
    if (Date.parse(tokens.expires_at) - this.now() > REFRESH_MARGIN_MS) return tokens.id_token;
    // Parallel requests share one refresh.
    this.refreshing ??= this.refresh(tokens).finally(() => (this.refreshing = undefined));
    return (await this.refreshing).id_token;
  }

  private async refresh(tokens: CachedTokens): Promise<CachedTokens> {
    let fresh: CachedTokens;
    try {
      fresh = await refresh(this.cognito(tokens), tokens);
    } catch (error) {
      throw new SignInRequiredError(`The sign-in of ${tokens.username} expired and could not be refreshed (${(error as Error).message})`, this.apiUrl);
    }
    this.store.put(this.apiUrl, fresh);
    return fresh;
  }
}
