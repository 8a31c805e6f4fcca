import * as z from 'zod';
import { pageSchema } from '../http/response-schemas.ts';
import type { Describes } from '../validation/describes.ts';
import type { AuditAction } from './audit-log.ts';
import type { AuditEvent } from './audit-trail.ts';

const AUDIT_ACTIONS = [
  'customer.created',
  'customer.updated',
  'customer.quota_changed',
  'customer.provisioning_retried',
  'customer.provisioning_reconciled',
  'customer.activated',
  'customer.deactivated',
  'customer.offboarding_started',
  'customer.provisioned',
  'customer.provision_failed',
  'customer.offboarded',
  'membership.added',
  'membership.removed',
  'membership.role_changed',
  'membership.default_changed',
  'upload.created',
  'rollout.started',
  'tenant_access_denied',
] as const satisfies readonly AuditAction[];

// Every action the audit log can write is listed, and nothing else.
const _actions: [AuditAction] extends [(typeof AUDIT_ACTIONS)[number]] ? true : false = true;

export const auditEventSchema = z
  .object({
    event_id: z.uuid(),
    action: z.enum(AUDIT_ACTIONS),
    actor: z.string().meta({ description: 'User id of who acted, or `system:<component>`.' }),
    actor_email: z.string().optional(),
    target: z.string().meta({ description: 'What was acted on: a customer id, `user:<id>`, a route.' }),
    request_id: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
    at: z.iso.datetime(),
  })
  .meta({ id: 'AuditEvent', description: 'One entry of the audit trail.' });

export const auditPageSchema = pageSchema('events', auditEventSchema, "One page of a customer's audit trail, newest first.");

const _event: Describes<typeof auditEventSchema, AuditEvent> = true;
