import { createHash } from 'node:crypto';
import { appendAudit } from '../audit/audit-log.ts';
import { ENV } from '../config/env-vars.ts';
import { requireEnv } from '../config/runtime.ts';
import type { Caller } from '../identity/caller.ts';
import { ConflictError, UnprocessableError } from '../http/errors.ts';
import { findIdempotencyRecord, IDEMPOTENCY_TTL_SECONDS, idempotencyKey, requestHash } from '../idempotency/idempotency.ts';
import { logger } from '../observability/logger.ts';
import type { CustomerItem } from './customer.ts';
import { newCustomerId } from './customer-id.ts';
import { DEFAULT_PLAN, isQuotaName, QUOTA_NAMES, type QuotaName } from '../quotas/declarations.ts';
import { createToken } from './provisioner.ts';
import { startProvisioning } from './provisioning.ts';
import {
  CustomerIdTakenError,
  IdempotencyKeyTakenError,
  insertCustomer,
  requireCustomer,
} from './repository.ts';
import type { CreateCustomerRequest } from './schemas.ts';
import { customerBucketName, customerStackName } from './template-contract.ts';

const bucketPrefix = requireEnv(ENV.bucketPrefix);
const ID_ATTEMPTS = 3;

export interface OnboardingRequest {
  readonly input: CreateCustomerRequest;
  readonly rawBody: unknown;
  readonly caller: Caller;
  readonly idempotencyHeader: string | undefined;
  readonly requestId: string;
}

export interface OnboardingResult {
  readonly customer: CustomerItem;
  /** True when an earlier request (same Idempotency-Key, or same name and email just before) created it. */
  readonly replayed: boolean;
}

/**
 * How a retry is recognised. With an Idempotency-Key, the key (a day). Without
 * one, the customer's natural key, its name and email, for a short window: a
 * client that retries after a timeout or a 503 (the first write may still
 * have landed) gets the same customer, never a second one.
 */
interface Dedupe {
  readonly key: string;
  readonly ttlSeconds: number;
  readonly natural: boolean;
}

/** Window in which the same name and email, without an Idempotency-Key, is taken as a retry. */
export const NATURAL_KEY_WINDOW_SECONDS = 15 * 60;

function dedupeOf(request: OnboardingRequest): Dedupe {
  const explicit = idempotencyKey('customers.create', request.caller.userId, request.idempotencyHeader);
  if (explicit) return { key: explicit, ttlSeconds: IDEMPOTENCY_TTL_SECONDS, natural: false };
  const natural = createHash('sha256')
    .update(`${request.input.customer_name.trim().toLowerCase()}\n${request.input.email.trim().toLowerCase()}`)
    .digest('hex');
  return { key: `customers.create#natural#${natural}`, ttlSeconds: NATURAL_KEY_WINDOW_SECONDS, natural: true };
}

/**
 * Records the customer as PROVISIONING and asks CloudFormation for its stack.
 * A retry (same Idempotency-Key, or same name and email shortly after) returns
 * the same customer and, if its stack request never got through, sends it
 * again with the same token.
 */
export async function onboardCustomer(request: OnboardingRequest): Promise<OnboardingResult> {
  const dedupe = dedupeOf(request);
  const hash = requestHash(request.rawBody);
  const replay = await replayed(dedupe, hash);
  if (replay) return replay;

  for (let attempt = 1; ; attempt += 1) {
    const item = newCustomerItem(request, new Date());
    // Every later log line of this request names the customer it creates.
    logger.appendKeys({ customer_id: item.customer_id });
    try {
      await insertCustomer(item, { key: dedupe.key, hash, ttlSeconds: dedupe.ttlSeconds });
    } catch (error) {
      if (error instanceof IdempotencyKeyTakenError) {
        // A concurrent request with the same key won the race.
        const concurrent = await replayed(dedupe, hash);
        if (concurrent) return concurrent;
      }
      if (error instanceof CustomerIdTakenError && attempt < ID_ATTEMPTS) continue;
      throw error;
    }
    await appendAudit({
      customerId: item.customer_id,
      action: 'customer.created',
      actor: request.caller.userId,
      actorEmail: request.caller.email,
      target: item.customer_id,
      requestId: request.requestId,
      details: { plan: item.plan, quota_overrides: item.quota_overrides },
    });
    return { customer: await startProvisioning(item, request.caller.userId), replayed: false };
  }
}

async function replayed(dedupe: Dedupe, hash: string): Promise<OnboardingResult | undefined> {
  const record = await findIdempotencyRecord(dedupe.key);
  if (!record) return undefined;
  if (record.request_hash !== hash) {
    if (!dedupe.natural) throw new UnprocessableError('This Idempotency-Key was already used with a different request body.');
    throw new ConflictError(
      `A customer with this name and email was onboarded at ${record.created_at} as ${record.resource_id}, with other settings. ` +
        'Change it with PATCH, or send an Idempotency-Key header to onboard another customer with the same name and email.',
      { existing_customer_id: record.resource_id },
    );
  }
  const customer = await requireCustomer(record.resource_id);
  logger.appendKeys({ customer_id: customer.customer_id });
  const resumed = customer.status === 'PROVISIONING' ? await startProvisioning(customer, 'system:onboarding') : customer;
  return { customer: resumed, replayed: true };
}

function newCustomerItem({ input, caller }: OnboardingRequest, now: Date): CustomerItem {
  const customerId = newCustomerId(input.customer_name);
  const stamp = now.toISOString();
  // The body's quota fields override the plan's limits; everything else is profile.
  const overrides = Object.fromEntries(QUOTA_NAMES.flatMap((name) => (input[name] === undefined ? [] : [[name, input[name]]])));
  const profile = Object.fromEntries(Object.entries(input).filter(([field]) => !isQuotaName(field)));
  const item: CustomerItem = {
    ...(profile as Omit<CreateCustomerRequest, QuotaName>),
    customer_id: customerId,
    record_type: 'customer',
    plan: input.plan ?? DEFAULT_PLAN,
    quota_overrides: overrides,
    quota_modes: {},
    s3_bucket: customerBucketName(bucketPrefix, customerId),
    stack_name: customerStackName(customerId),
    status: 'PROVISIONING',
    provision_attempt: 1,
    stack_operation_token: '',
    created_at: stamp,
    created_by: caller.userId,
    updated_at: stamp,
    updated_by: caller.userId,
  };
  return { ...item, stack_operation_token: createToken(item) };
}
