/**
 * The Cognito groups that make platform roles, declared once: the CDK stack
 * creates them in the user pool, the local stack in the emulator, and the API
 * reads them from tokens (and confirms them in the directory).
 */
export const PLATFORM_GROUPS = {
  admin: { name: 'platform-admin', description: 'Portico operators: every customer, every administrative route.', precedence: 0 },
  service: { name: 'platform-service', description: 'Machine users of the platform (integrations, pipelines).', precedence: 10 },
} as const;

export const PLATFORM_ADMIN_GROUP = PLATFORM_GROUPS.admin.name;
export const PLATFORM_SERVICE_GROUP = PLATFORM_GROUPS.service.name;
export const PLATFORM_GROUP_NAMES: readonly string[] = Object.values(PLATFORM_GROUPS).map((g) => g.name);

export function isPlatformGroup(group: string): boolean {
  return PLATFORM_GROUP_NAMES.includes(group);
}
