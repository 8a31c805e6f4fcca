import * as z from 'zod';
import { customerIdSchema, customerStatusSchema } from '../customers/response-schemas.ts';
import { membershipRoleSchema } from '../memberships/response-schemas.ts';
import type { Describes } from '../validation/describes.ts';
import type { CustomerMembershipView, profileOf } from './profile.ts';

export const customerMembershipSchema = z
  .object({
    customer_id: customerIdSchema,
    customer_name: z.string().nullable().meta({ description: 'null when the customer record could not be read.' }),
    display_name: z.string().nullable(),
    status: customerStatusSchema.nullable(),
    role: membershipRoleSchema,
    is_default: z.boolean(),
  })
  .meta({ id: 'CustomerMembership', description: 'A customer the user belongs to, with its name and status and the user\'s role.' });

export const profileSchema = z
  .object({
    user_id: z.string(),
    email: z.string().meta({ description: "The token's email claim." }),
    groups: z.array(z.string()).meta({ description: 'Cognito groups; platform groups only when the directory confirms them.' }),
    is_platform_admin: z.boolean(),
    default_customer_id: customerIdSchema.nullable(),
    memberships: z.array(customerMembershipSchema),
  })
  .meta({ id: 'Profile', description: 'The signed-in user.' });

export const userCustomersSchema = z
  .object({ user_id: z.string(), customers: z.array(customerMembershipSchema) })
  .meta({ description: "A user's memberships." });

const _membership: Describes<typeof customerMembershipSchema, CustomerMembershipView> = true;
const _profile: Describes<typeof profileSchema, Awaited<ReturnType<typeof profileOf>>> = true;
