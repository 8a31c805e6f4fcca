import { CognitoError, InvalidParameterError, NotAuthorizedError, UserNotFoundError } from 'cognito-local/lib/errors.js';
import type { Route, Router } from 'cognito-local/lib/server/Router.js';
import type { AppClient } from 'cognito-local/lib/services/appClient.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import type { User, UserPoolService } from 'cognito-local/lib/services/userPoolService.js';
import { passwordPolicyViolation } from './password-policy.ts';

/** How long a challenge's session stays valid (Cognito's default: 3 minutes). */
const SESSION_LIFETIME_MS = 3 * 60_000;
const PASSWORD_FLOWS = new Set(['USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH']);

interface ChallengeSession {
  readonly userPoolId: string;
  readonly username: string;
  readonly challenge: string;
  readonly expiresAt: number;
}

interface AuthRequest {
  readonly AuthFlow?: string;
  readonly ClientId?: string;
  readonly UserPoolId?: string;
  readonly AuthParameters?: Record<string, string | undefined>;
}

interface ChallengeRequest {
  readonly ChallengeName?: string;
  readonly ClientId?: string;
  readonly Session?: string;
  readonly ChallengeResponses?: Record<string, string | undefined>;
}

interface AuthAnswer {
  readonly ChallengeName?: string;
  readonly Session?: string;
}

const incorrect = () => new NotAuthorizedError('Incorrect username or password.');

/**
 * Puts Cognito's sign-in rules in front of cognito-local's, which lets
 * through what Cognito refuses:
 * - a disabled user ("User is disabled.");
 * - a wrong temporary password (cognito-local answers NEW_PASSWORD_REQUIRED
 *   without checking it), and any wrong password gets Cognito's answer;
 * - an unknown user gets the answer the app client's
 *   PreventUserExistenceErrors setting gives in Cognito;
 * - an answer to a challenge must carry a session Cognito issued for that
 *   challenge and user, still valid (cognito-local accepts any string);
 * - a new password must meet the pool's password policy.
 */
export function strictSignIn(router: Router, services: Services, now: () => number = Date.now): Router {
  const sessions = new Map<string, ChallengeSession>();

  const remember = (answer: AuthAnswer, userPoolId: string, username: string): void => {
    for (const [id, session] of sessions) if (session.expiresAt <= now()) sessions.delete(id);
    if (answer.ChallengeName && answer.Session) {
      sessions.set(answer.Session, { userPoolId, username, challenge: answer.ChallengeName, expiresAt: now() + SESSION_LIFETIME_MS });
    }
  };

  const checkPassword = async (ctx: Context, pool: UserPoolService, client: AppClient | null, req: AuthRequest): Promise<User | undefined> => {
    const username = req.AuthParameters?.USERNAME;
    const password = req.AuthParameters?.PASSWORD;
    if (typeof username !== 'string') throw new InvalidParameterError('Missing required parameter USERNAME');
    if (typeof password !== 'string') throw new InvalidParameterError('Missing required parameter PASSWORD');
    const user = await pool.getUserByUsername(ctx, username);
    if (!user) {
      // A UserMigration trigger may still create the user: cognito-local runs it.
      if (services.triggers.enabled('UserMigration')) return undefined;
      throw client?.PreventUserExistenceErrors === 'LEGACY' ? new UserNotFoundError('User does not exist.') : incorrect();
    }
    if (user.Password !== password) throw incorrect();
    if (!user.Enabled) throw new NotAuthorizedError('User is disabled.');
    return user;
  };

  const passwordSignIn =
    (route: Route, poolOf: (ctx: Context, req: AuthRequest) => Promise<UserPoolService>): Route =>
    async (ctx, req: AuthRequest) => {
      if (!PASSWORD_FLOWS.has(req.AuthFlow ?? '')) return route(ctx, req);
      const pool = await poolOf(ctx, req);
      const client = req.ClientId ? await services.cognito.getAppClient(ctx, req.ClientId) : null;
      const user = await checkPassword(ctx, pool, client, req);
      const answer: AuthAnswer = await route(ctx, req);
      if (user) remember(answer, pool.options.Id ?? '', user.Username);
      return answer;
    };

  const respondToChallenge =
    (route: Route): Route =>
    async (ctx, req: ChallengeRequest) => {
      const username = req.ChallengeResponses?.USERNAME;
      if (!req.ClientId || !req.Session || !username) return route(ctx, req); // cognito-local names what is missing
      const pool = await services.cognito.getUserPoolForClientId(ctx, req.ClientId);
      const user = await pool.getUserByUsername(ctx, username);
      const session = sessions.get(req.Session);
      if (!user || !session || session.userPoolId !== pool.options.Id || session.username !== user.Username || session.challenge !== req.ChallengeName) {
        throw new NotAuthorizedError('Invalid session for the user.');
      }
      if (session.expiresAt <= now()) {
        sessions.delete(req.Session);
        throw new NotAuthorizedError('Invalid session for the user, session is expired.');
      }
      if (!user.Enabled) throw new NotAuthorizedError('User is disabled.');
      const newPassword = req.ChallengeResponses?.NEW_PASSWORD;
      if (req.ChallengeName === 'NEW_PASSWORD_REQUIRED' && typeof newPassword === 'string') {
        const violation = passwordPolicyViolation(newPassword, pool.options.Policies?.PasswordPolicy);
        if (violation) throw new CognitoError('InvalidPasswordException', violation);
      }
      const answer: AuthAnswer = await route(ctx, req);
      sessions.delete(req.Session);
      remember(answer, pool.options.Id ?? '', user.Username);
      return answer;
    };

  return (target) => {
    const route = router(target);
    switch (target) {
      case 'InitiateAuth':
        return passwordSignIn(route, (ctx, req) => services.cognito.getUserPoolForClientId(ctx, req.ClientId ?? ''));
      case 'AdminInitiateAuth':
        return passwordSignIn(route, (ctx, req) => services.cognito.getUserPool(ctx, req.UserPoolId ?? ''));
      case 'RespondToAuthChallenge':
        return respondToChallenge(route);
      default:
        return route;
    }
  };
}
