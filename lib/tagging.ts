import { type IAspect, Tag } from 'aws-cdk-lib';
import { ProductStack } from 'aws-cdk-lib/aws-servicecatalog';
import type { IConstruct } from 'constructs';
import { MANAGED_BY } from '#shared/customers/template-contract.ts';

/** The tags every taggable resource of the platform stack carries. */
export const PLATFORM_TAG_KEYS = ['Project', 'Environment', 'ManagedBy', 'CostCenter'] as const;
export type PlatformTagKey = (typeof PLATFORM_TAG_KEYS)[number];
/** The platform tags the customer template carries too (see PorticoTagging). */
export const CUSTOMER_TEMPLATE_PLATFORM_TAG_KEYS = ['Project'] as const satisfies readonly PlatformTagKey[];

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
 * In the customer template it applies `Project` alone. A customer stack is billed to the
 * customer: its resources carry the customer's own tags (Customer, CostCenter,
 * BillingAccount, Environment, ManagedBy) from the template parameters, and the
 * platform's CostCenter must never land on them. `Project` names the service, not who
 * pays: with it on both templates, `Project = portico` in Cost Explorer is the whole
 * service, and grouping that by `Customer` separates each customer from the shared
 * platform (no Customer tag) without mixing in other workloads of the account.
 */
export class PorticoTagging implements IAspect {
  readonly tags: Readonly<Record<PlatformTagKey, string>>;
  private readonly aspects: readonly Tag[];
  private readonly customerTemplateAspects: readonly Tag[];

  constructor(values: PlatformTagValues) {
    this.tags = {
      Project: values.project,
      Environment: values.environment,
      ManagedBy: MANAGED_BY,
      CostCenter: values.costCenter,
    };
    this.aspects = Object.entries(this.tags).map(([key, value]) => new Tag(key, value));
    this.customerTemplateAspects = CUSTOMER_TEMPLATE_PLATFORM_TAG_KEYS.map((key) => new Tag(key, this.tags[key]));
  }

  visit(node: IConstruct): void {
    for (const aspect of inCustomerTemplate(node) ? this.customerTemplateAspects : this.aspects) aspect.visit(node);
  }
}
