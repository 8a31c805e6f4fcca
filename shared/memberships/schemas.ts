import * as z from 'zod';
import { MEMBERSHIP_ROLES } from './membership.ts';

export const addMemberSchema = z.strictObject({
  email: z.email('must be an email address').max(254, 'must be at most 254 characters'),
  role: z.enum(MEMBERSHIP_ROLES),
});

export const changeRoleSchema = z.strictObject({ role: z.enum(MEMBERSHIP_ROLES) });
