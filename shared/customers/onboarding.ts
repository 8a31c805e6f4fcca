import { appendAudit } from '../audit/audit-log.ts';
import { ENV } from '../config/env-vars.ts';
import { requireEnv } from '../config/runtime.ts';
import type { Caller } from '../http/caller.ts';
import { findReplay, idempotencyKey, requestHash } from '../idempotency/idempotency.ts';
import { logger } from '../observability/logger.ts';
import type { CustomerItem } from './customer.ts';
import { newCustomerId } from './customer-id.ts';
import { DEFAULT_PLAN, PLANS } from './plans.ts';
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
  /** True when an earlier request with the same Idempotency-Key created it. */
  readonly replayed: boolean;
}

/**
 * Records the customer as PROVISIONING and asks CloudFormation for its stack.
 * A retry with the same Idempotency-Key returns the same customer and, if its
 * stack request never got through, sends it again with the same token.
 */
export async function onboardCustomer(request: OnboardingRequest): Promise<OnboardingResult> {
  const key = idempotencyKey('customers.create', request.caller.userId, request.idempotencyHeader);
  const hash = requestHash(request.rawBody);
  if (key) {
    const replay = await replayed(key, hash);
    if (replay) return replay;
  }

  for (let attempt = 1; ; attempt += 1) {
    const item = newCustomerItem(request, new Date());
    // Every later log line of this request names the customer it creates.
    logger.appendKeys({ customer_id: item.customer_id });
    try {
      await insertCustomer(item, key ? { key, hash } : undefined);
    } catch (error) {
      if (error instanceof IdempotencyKeyTakenError && key) {
        // A concurrent request with the same key won the race.
        const replay = await replayed(key, hash);
        if (replay) return replay;
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
      details: { plan: item.plan, max_concurrent_worksets: item.max_concurrent_worksets, max_storage_gb: item.max_storage_gb },
    });
    return { customer: await startProvisioning(item, request.caller.userId), replayed: false };
  }
}

async function replayed(key: string, hash: string): Promise<OnboardingResult | undefined> {
  const customerId = await findReplay(key, hash);
  if (!customerId) return undefined;
  const customer = await requireCustomer(customerId);
  logger.appendKeys({ customer_id: customerId });
  const resumed = customer.status === 'PROVISIONING' ? await startProvisioning(customer, 'system:onboarding') : customer;
  return { customer: resumed, replayed: true };
}

function newCustomerItem({ input, caller }: OnboardingRequest, now: Date): CustomerItem {
  const customerId = newCustomerId(input.customer_name);
  const plan = input.plan ?? DEFAULT_PLAN;
  const stamp = now.toISOString();
  const item: CustomerItem = {
    ...input,
    customer_id: customerId,
    record_type: 'customer',
    plan,
    max_monthly_runs: input.max_monthly_runs ?? PLANS[plan].max_monthly_runs,
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
