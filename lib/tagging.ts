import { type IAspect, Tag } from 'aws-cdk-lib';
import { ProductStack } from 'aws-cdk-lib/aws-servicecatalog';
import type { IConstruct } from 'constructs';
import { MANAGED_BY } from '#shared/customers/template-contract.ts';

/** The tags every taggable resource of the platform stack carries. */
export const PLATFORM_TAG_KEYS = ['Project', 'Environment', 'ManagedBy', 'CostCenter'] as const;
export type PlatformTagKey = (typeof PLATFORM_TAG_KEYS)[number];

export interface PlatformTagValues {
  /** `Project` tag (context `portico:project`, default 'portico'). */
  readonly project: string;
  /** `Environment` tag (context `portico:environment`, default 'dev'). */
  readonly environment: string;
  /** `CostCenter` tag (context `portico:costCenter`, default 'platform'). */
  readonly costCenter: string;
}

/** Whether a construct belongs to a ProductStack (the per-customer template). */
function inCustomerTemplate(node: IConstruct): boolean {
  return node.node.scopes.some((scope) => scope instanceof ProductStack);
}

/**
 * Applies Project, Environment, ManagedBy and CostCenter to every taggable resource
 * (L1 `tags` and L2 `cdkTagManager`, e.g. TableV2 replicas) of the scope it is added to.
 *
 * It stops at the customer template: a customer stack is billed to the customer, so
 * its resources carry the customer's own tags (Customer, CostCenter, BillingAccount,
 * Environment, ManagedBy) from the template parameters, and the platform's CostCenter
 * or Project must never land on them.
 */
export class PorticoTagging implements IAspect {
  readonly tags: Readonly<Record<PlatformTagKey, string>>;
  private readonly aspects: readonly Tag[];

  constructor(values: PlatformTagValues) {
    this.tags = {
      Project: values.project,
      Environment: values.environment,
      ManagedBy: MANAGED_BY,
      CostCenter: values.costCenter,
    };
    this.aspects = Object.entries(this.tags).map(([key, value]) => new Tag(key, value));
  }

  visit(node: IConstruct): void {
    if (inCustomerTemplate(node)) return;
    for (const aspect of this.aspects) aspect.visit(node);
  }
}
