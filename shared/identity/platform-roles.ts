import { AdminListGroupsForUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognito } from '../clients/cognito.ts';
import { ENV } from '../config/env-vars.ts';
import { requireEnv } from '../config/runtime.ts';
import { MEMBERSHIP_CACHE_SECONDS } from '../memberships/membership-lookup.ts';
import { cacheScope } from '../runtime/invocation.ts';
import { isPlatformGroup, PLATFORM_ADMIN_GROUP } from './groups.ts';

/**
 * Platform groups confirmed in the directory. A token keeps claiming a group
 * for up to an hour after an operator removes the user from it; checking the
 * directory (cached as long as a membership may be) makes the removal count
 * within the same bound as a removed membership.
 */
const cache = new Map<string, { groups: readonly string[]; expiresAt: number }>();

/** The platform groups of `userId` that the directory confirms, among those the token claims. */
export async function confirmedPlatformGroups(userId: string, claimed: readonly string[], now = Date.now()): Promise<readonly string[]> {
  const wanted = claimed.filter(isPlatformGroup);
  if (wanted.length === 0) return [];
  const groups = await directoryGroups(userId, now);
  return wanted.filter((group) => groups.includes(group));
}

export async function isConfirmedPlatformAdmin(userId: string, claimed: readonly string[]): Promise<boolean> {
  return (await confirmedPlatformGroups(userId, claimed)).includes(PLATFORM_ADMIN_GROUP);
}

/** Every group of a user, from the directory (for decisions about another user, never cached). */
export async function groupsOfUser(userId: string): Promise<readonly string[]> {
  const groups: string[] = [];
  let nextToken: string | undefined;
  try {
    do {
      const page = await cognito.send(
        new AdminListGroupsForUserCommand({ UserPoolId: requireEnv(ENV.userPoolId), Username: userId, ...(nextToken ? { NextToken: nextToken } : {}) }),
      );
      groups.push(...(page.Groups ?? []).map((g) => g.GroupName ?? ''));
      nextToken = page.NextToken;
    } while (nextToken);
  } catch (error) {
    // A deleted user belongs to no group.
    if ((error as Error).name === 'UserNotFoundException') return [];
    throw error;
  }
  return groups;
}

async function directoryGroups(userId: string, now: number): Promise<readonly string[]> {
  const key = `${cacheScope()}#${userId}`;
  const cached = cache.get(key);
  if (cached && cached.expiresAt > now) return cached.groups;
  const groups = await groupsOfUser(userId);
  cache.set(key, { groups, expiresAt: now + MEMBERSHIP_CACHE_SECONDS * 1000 });
  return groups;
}
