import { Metrics } from '@aws-lambda-powertools/metrics';

/** The platform's own CloudWatch metrics (embedded metric format, no API call): namespace and service dimension are what the alarms read. */
export const METRICS_NAMESPACE = 'Portico';

export const customerMetrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: 'customers' });
export const usageMetrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: 'usage' });

/** Customers the reconciliation sweep found PROVISIONING for longer than its threshold (alarmed on when it lasts). */
export const STALE_PROVISIONING_METRIC = 'CustomersStaleInProvisioning';
