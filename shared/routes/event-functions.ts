import type { Capability, TableAccess } from './types.ts';
import type { TableName } from '../tables/definitions.ts';

/**
 * Functions that are not behind a route, with what they may touch. The CDK
 * stack grants exactly this; the local stack enforces it.
 */
export interface EventFunctionDefinition {
  readonly id: string;
  /** Entry under `functions/`, without extension. */
  readonly handler: string;
  readonly summary: string;
  readonly tables: Partial<Record<TableName, TableAccess>>;
  readonly capabilities?: readonly Capability[];
}

export const eventFunctions = {
  authorizer: {
    id: 'authorizer',
    handler: 'authorizer/index',
    summary: 'API Gateway TOKEN authorizer: verifies Cognito ID tokens',
    tables: {},
  },
  stackStatus: {
    id: 'customers.stackStatus',
    handler: 'customers/stack-status',
    summary: 'Marks customers ACTIVE, PROVISION_FAILED or OFFBOARDED from portico-customer-* stack status events',
    tables: { customers: 'readwrite', audit: 'readwrite' },
  },
  s3ObjectEvents: {
    id: 'usage.s3ObjectEvents',
    handler: 'usage/s3-object-events',
    summary: 'Counts storage per customer from S3 Object Created / Object Deleted events',
    tables: { usage: 'readwrite' },
  },
} as const satisfies Record<string, EventFunctionDefinition>;
