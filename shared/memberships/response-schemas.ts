import * as z from 'zod';
import { customerIdSchema, emailSchema } from '../customers/response-schemas.ts';
import { pageSchema } from '../http/response-schemas.ts';
import type { Describes } from '../validation/describes.ts';
import { MEMBERSHIP_ROLES } from './membership.ts';
import type { toMember } from './wire.ts';

export const membershipRoleSchema = z
  .enum(MEMBERSHIP_ROLES)
  .meta({ id: 'MembershipRole', description: '`admin` manages the customer\'s users and everything a `member` may do.' });

export const memberSchema = z
  .object({
    user_id: z.string().meta({ description: 'The Cognito user id (a UUID).' }),
    customer_id: customerIdSchema,
    email: emailSchema.meta({ description: 'The address the user was added with (lowercased).' }),
    role: membershipRoleSchema,
    is_default: z.boolean().meta({ description: "Whether this customer is the user's default." }),
    added_at: z.iso.datetime(),
    added_by: z.string(),
    updated_at: z.iso.datetime().optional().meta({ description: 'When the role last changed.' }),
  })
  .meta({ id: 'Member', description: "A user's membership of one customer." });

export const memberListSchema = pageSchema('users', memberSchema, "One page of a customer's members.");

const _member: Describes<typeof memberSchema, ReturnType<typeof toMember>> = true;
