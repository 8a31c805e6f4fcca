import type {
  UpdateCostAllocationTagsStatusRequest,
  UpdateCostAllocationTagsStatusResponse,
} from '@aws-sdk/client-cost-explorer';

/**
 * The user-defined tags finance reads cost by. Platform resources carry Project,
 * Environment and CostCenter; customer resources Customer, CostCenter, BillingAccount,
 * Environment and Project. Billing only reports a tag once it is activated as a
 * cost-allocation tag, in the payer (management) account.
 */
export const COST_ALLOCATION_TAG_KEYS = ['Customer', 'CostCenter', 'BillingAccount', 'Environment', 'Project'] as const;
export type CostAllocationTagKey = (typeof COST_ALLOCATION_TAG_KEYS)[number];

/** One activation resource per stack; an update keeps it, so CloudFormation never deletes it. */
export const TAG_ACTIVATION_PHYSICAL_ID = 'portico-cost-allocation-tags';

/** The custom resource's properties (everything CloudFormation sends arrives as strings). */
export const TAG_ACTIVATION_PROPERTIES = {
  /** The keys to activate. */
  tagKeys: 'TagKeys',
  /** Changes on every synthesis, so every deploy runs the activation again. */
  deployRun: 'DeployRun',
} as const;

/** Attributes of the resource (`Fn::GetAtt`): comma-separated keys. */
export const TAG_ACTIVATION_ATTRIBUTES = { activated: 'ActivatedTags', pending: 'PendingTags' } as const;

/** The Cost Category's value for a cost line whose resource has no `Customer` tag. */
export const COST_CATEGORY_DEFAULT_VALUE = 'shared-platform';
/** The tag whose value the Cost Category takes (INHERITED_VALUE). */
export const COST_CATEGORY_TAG_KEY: CostAllocationTagKey = 'Customer';

/** Cost Explorer takes at most 20 keys per UpdateCostAllocationTagsStatus call. */
export const MAX_TAG_KEYS_PER_CALL = 20;

/** The request that activates these keys (activating an active key changes nothing). */
export function activationRequest(tagKeys: readonly string[]): UpdateCostAllocationTagsStatusRequest {
  if (tagKeys.length === 0 || tagKeys.length > MAX_TAG_KEYS_PER_CALL) {
    throw new Error(`between 1 and ${MAX_TAG_KEYS_PER_CALL} tag keys can be activated at once (got ${tagKeys.length})`);
  }
  return { CostAllocationTagsStatus: tagKeys.map((TagKey) => ({ TagKey, Status: 'Active' })) };
}

/** A key Cost Explorer did not activate this time, and why. */
export interface PendingTag {
  readonly tagKey: string;
  readonly code: string;
  readonly message: string;
}

export interface ActivationOutcome {
  readonly activated: readonly string[];
  /**
   * Keys to try again on the next deploy. Billing only knows a key once a tagged
   * resource has shown up in a bill (up to 24 hours after it is first used); until then
   * Cost Explorer answers an error for that key alone.
   */
  readonly pending: readonly PendingTag[];
}

/** Splits the requested keys into activated and pending by the per-key errors of the answer. */
export function activationOutcome(tagKeys: readonly string[], response: UpdateCostAllocationTagsStatusResponse): ActivationOutcome {
  const errors = new Map((response.Errors ?? []).map((e) => [e.TagKey ?? '', e]));
  return {
    activated: tagKeys.filter((key) => !errors.has(key)),
    pending: tagKeys.flatMap((key) => {
      const error = errors.get(key);
      return error ? [{ tagKey: key, code: error.Code ?? 'Unknown', message: error.Message ?? '' }] : [];
    }),
  };
}

/**
 * What a Cost Explorer error means for the deployment:
 * - `denied`: the account may not activate tags (a member account, or a role without
 *   the grant). Fail, so an operator learns it; `portico:activateCostTags=false` opts out.
 * - `transient`: throttled or unavailable after the SDK's own retries. Every key stays
 *   pending and the deployment goes on: the next deploy tries again.
 * - `invalid`: anything else is a defect of the request; fail.
 */
export type ActivationFailure = 'denied' | 'transient' | 'invalid';

const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnrecognizedClientException']);
const TRANSIENT = new Set(['LimitExceededException', 'ThrottlingException', 'TooManyRequestsException', 'ServiceUnavailable', 'TimeoutError']);

export function classifyActivationError(error: unknown): ActivationFailure {
  const { name, $metadata, $retryable } = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number }; $retryable?: unknown };
  const status = $metadata?.httpStatusCode;
  if ((name && DENIED.has(name)) || status === 403) return 'denied';
  if ((name && TRANSIENT.has(name)) || $retryable !== undefined || (status !== undefined && status >= 500)) return 'transient';
  // No HTTP answer at all (DNS, connection reset, timeout): the service was not reached.
  if (status === undefined && name !== undefined && /Timeout|ECONN|ENOTFOUND|EAI_AGAIN|socket/i.test(`${name} ${(error as Error).message}`)) {
    return 'transient';
  }
  return 'invalid';
}

/** Why a denied activation fails the deployment, and the way out. */
export function deniedReason(error: unknown): string {
  const { name, message } = error as Error;
  return (
    `Cost Explorer refused to activate the cost-allocation tags (${name}: ${message}). ` +
    'Tags can only be activated in the payer (management) account of the organization: deploy there, ' +
    'or deploy with -c portico:activateCostTags=false and activate them in the payer account (Billing console, Cost allocation tags).'
  );
}
