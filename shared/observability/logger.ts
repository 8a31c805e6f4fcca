import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one logger of a container. Per-request keys (customer_id, user_id,
 * route) are appended by the HTTP chain and cleared after each invocation.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'portico' });
