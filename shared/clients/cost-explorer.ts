import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { SERVICE_CLIENT_TIMEOUTS } from './timeouts.ts';

/**
 * Cost Explorer has one endpoint per partition (us-east-1 in `aws`): the SDK resolves it
 * whatever region the function runs in. No local engine exists; tests mock this client.
 */
export const costExplorer = new CostExplorerClient({ ...SERVICE_CLIENT_TIMEOUTS });
