import { UpdateCostAllocationTagsStatusCommand } from '@aws-sdk/client-cost-explorer';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { costExplorer } from '../clients/cost-explorer.ts';
import type { CustomResourceResult } from '../custom-resources/response.ts';
import { logger } from '../observability/logger.ts';
import {
  activationOutcome,
  activationRequest,
  classifyActivationError,
  deniedReason,
  MAX_TAG_KEYS_PER_CALL,
  TAG_ACTIVATION_ATTRIBUTES,
  TAG_ACTIVATION_PHYSICAL_ID,
  TAG_ACTIVATION_PROPERTIES,
} from './cost-allocation-tags.ts';

function requestedKeys(event: CloudFormationCustomResourceEvent): string[] | undefined {
  const raw: unknown = event.ResourceProperties[TAG_ACTIVATION_PROPERTIES.tagKeys];
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_TAG_KEYS_PER_CALL) return undefined;
  return raw.every((key): key is string => typeof key === 'string' && key.length > 0) ? raw : undefined;
}

/**
 * Create and Update activate the keys; Delete does nothing (deactivating a key would take
 * it out of finance's reports for every resource that carries it, Portico's or not).
 * Keys billing has not seen yet are reported as pending and the deployment succeeds;
 * the next deploy tries them again.
 */
export async function runTagActivation(event: CloudFormationCustomResourceEvent): Promise<CustomResourceResult> {
  const physicalResourceId = event.RequestType === 'Create' ? TAG_ACTIVATION_PHYSICAL_ID : event.PhysicalResourceId;
  if (event.RequestType === 'Delete') return { status: 'SUCCESS', physicalResourceId };

  const tagKeys = requestedKeys(event);
  if (!tagKeys) {
    return { status: 'FAILED', physicalResourceId, reason: `${TAG_ACTIVATION_PROPERTIES.tagKeys} must list 1 to ${MAX_TAG_KEYS_PER_CALL} tag keys` };
  }
  try {
    const response = await costExplorer.send(new UpdateCostAllocationTagsStatusCommand(activationRequest(tagKeys)));
    const outcome = activationOutcome(tagKeys, response);
    if (outcome.pending.length > 0) {
      logger.warn('cost-allocation tags pending: billing has not seen them yet; the next deploy tries again', {
        pending_tags: outcome.pending,
        activated_tags: outcome.activated,
      });
    } else {
      logger.info('cost-allocation tags active', { activated_tags: outcome.activated });
    }
    return {
      status: 'SUCCESS',
      physicalResourceId,
      data: {
        [TAG_ACTIVATION_ATTRIBUTES.activated]: outcome.activated.join(','),
        [TAG_ACTIVATION_ATTRIBUTES.pending]: outcome.pending.map((p) => p.tagKey).join(','),
      },
    };
  } catch (error) {
    const failure = classifyActivationError(error);
    if (failure === 'transient') {
      logger.warn('Cost Explorer unavailable: every cost-allocation tag stays pending; the next deploy tries again', {
        pending_tags: tagKeys,
        error: error as Error,
      });
      return {
        status: 'SUCCESS',
        physicalResourceId,
        data: { [TAG_ACTIVATION_ATTRIBUTES.activated]: '', [TAG_ACTIVATION_ATTRIBUTES.pending]: tagKeys.join(',') },
      };
    }
    logger.error('cost-allocation tag activation refused', { failure, error: error as Error });
    const reason =
      failure === 'denied' ? deniedReason(error) : `Cost Explorer refused UpdateCostAllocationTagsStatus: ${(error as Error).name}: ${(error as Error).message}`;
    return { status: 'FAILED', physicalResourceId, reason };
  }
}
