/**
 * Every DynamoDB table Portico uses, declared once. The CDK stack builds a
 * TableV2 from each entry and the local stack creates the same table in
 * DynamoDB Local; `test/infra/parity.test.ts` proves the two agree.
 */
export type KeyType = 'S' | 'N';

export interface KeyDefinition {
  readonly name: string;
  readonly type: KeyType;
}

export interface IndexDefinition {
  readonly name: string;
  readonly partitionKey: KeyDefinition;
  readonly sortKey?: KeyDefinition;
}

export interface TableDefinition {
  /** Logical name, also the suffix of the physical name locally. */
  readonly name: TableName;
  /** Environment variable through which functions learn the physical name. */
  readonly envVar: string;
  readonly partitionKey: KeyDefinition;
  readonly sortKey?: KeyDefinition;
  readonly globalIndexes: readonly IndexDefinition[];
  /** Attribute holding an epoch-seconds expiry, if items expire. */
  readonly ttlAttribute?: string;
  readonly description: string;
}

export type TableName = 'customers' | 'plans' | 'idempotency' | 'memberships' | 'users' | 'audit' | 'usage' | 'uploads' | 'worksets';

const S = (name: string): KeyDefinition => ({ name, type: 'S' });

export const tables = {
  customers: {
    name: 'customers',
    envVar: 'CUSTOMERS_TABLE',
    partitionKey: S('customer_id'),
    globalIndexes: [
      { name: 'by-status', partitionKey: S('status'), sortKey: S('created_at') },
      // record_type is the same on every customer, so this index lists all of
      // them in creation order; a customer list stays small enough for one partition.
      { name: 'by-created', partitionKey: S('record_type'), sortKey: S('created_at') },
    ],
    description: 'One item per customer: profile, plan, quotas, lifecycle status.',
  },
  plans: {
    name: 'plans',
    envVar: 'PLANS_TABLE',
    partitionKey: S('plan_id'),
    globalIndexes: [],
    description: "Plans edited by platform admins: each plan's quota limits; a plan never edited uses the declared defaults.",
  },
  idempotency: {
    name: 'idempotency',
    envVar: 'IDEMPOTENCY_TABLE',
    partitionKey: S('idempotency_key'),
    globalIndexes: [],
    ttlAttribute: 'expires_at',
    description: 'Idempotency-Key records: request hash and the resource the first request created.',
  },
  memberships: {
    name: 'memberships',
    envVar: 'MEMBERSHIPS_TABLE',
    partitionKey: S('user_id'),
    sortKey: S('customer_id'),
    globalIndexes: [{ name: 'by-customer', partitionKey: S('customer_id'), sortKey: S('user_id') }],
    description: 'Which user belongs to which customer, with a role and a default flag.',
  },
  users: {
    name: 'users',
    envVar: 'USERS_TABLE',
    partitionKey: S('user_id'),
    globalIndexes: [],
    description: "Per user, what Portico keeps beside Cognito: the default customer, and which customer's removal disabled the account.",
  },
  audit: {
    name: 'audit',
    envVar: 'AUDIT_TABLE',
    partitionKey: S('customer_id'),
    sortKey: S('event_key'),
    globalIndexes: [],
    description: 'Append-only audit trail of administrative actions and denied access, per customer.',
  },
  usage: {
    name: 'usage',
    envVar: 'USAGE_TABLE',
    partitionKey: S('customer_id'),
    sortKey: S('record'),
    globalIndexes: [],
    // Only the tombstones of deleted object versions expire.
    ttlAttribute: 'expires_at',
    description:
      "Per customer: the counter item ('counters': status, stored and reserved bytes overall and per prefix class, the worksets holding slots, runs per month), one ledger item per stored object version (a tombstone for a deleted one), and one usage item per month ('month#YYYY-MM': daily storage samples, compute hours, API requests).",
  },
  uploads: {
    name: 'uploads',
    envVar: 'UPLOADS_TABLE',
    partitionKey: S('customer_id'),
    sortKey: S('upload_id'),
    // Sparse: only PENDING uploads carry `pending`, so the expiry sweep reads just those, oldest URL first.
    globalIndexes: [{ name: 'pending', partitionKey: S('pending'), sortKey: S('url_expires_at') }],
    ttlAttribute: 'expires_at',
    description: 'Uploads handed out: key, size, multipart upload id, state and the storage they reserve; kept a week after the URLs expire.',
  },
  worksets: {
    name: 'worksets',
    envVar: 'WORKSETS_TABLE',
    partitionKey: S('customer_id'),
    // Workset ids sort by submission time, so a customer's partition lists newest first.
    sortKey: S('workset_id'),
    globalIndexes: [
      // `<customer_id>#<state>`: one customer's worksets in one state, newest first.
      { name: 'by-state', partitionKey: S('customer_state'), sortKey: S('workset_id') },
      // Sparse: only worksets Portico is still handing to the runner carry `pending`, for the sweep.
      { name: 'pending', partitionKey: S('pending'), sortKey: S('submitted_at') },
    ],
    description: 'Worksets: config, state and its history, the files handed to the runner.',
  },
} as const satisfies Record<TableName, TableDefinition>;

export const tableList: readonly TableDefinition[] = Object.values(tables);
