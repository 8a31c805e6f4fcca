/** Generated from shared/openapi/openapi.json by `npm run openapi`: do not edit. */
export type paths = {
    "/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customers, newest first, optionally by status
         * @description **Who may call:** Platform admins only.
         */
        get: operations["customers.list"];
        put?: never;
        /**
         * Onboard a customer: record, then provision its stack and bucket
         * @description **Who may call:** Platform admins only.
         */
        post: operations["customers.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customer_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one customer
         * @description **Who may call:** Members of the customer named in the path (any role), and platform admins.
         */
        get: operations["customers.get"];
        put?: never;
        post?: never;
        /**
         * Offboard: delete the customer stack, keep the bucket and the record
         * @description **Who may call:** Platform admins only.
         */
        delete: operations["customers.offboard"];
        options?: never;
        head?: never;
        /**
         * Change profile, plan, quotas or billing fields (JSON merge patch)
         * @description **Who may call:** Platform admins only.
         */
        patch: operations["customers.update"];
        trace?: never;
    };
    "/customers/{customer_id}/provision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry provisioning of a customer whose stack failed or never started
         * @description **Who may call:** Platform admins only.
         */
        post: operations["customers.provision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customer_id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend a customer: members keep read access, writes are refused
         * @description **Who may call:** Platform admins only.
         */
        post: operations["customers.deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customer_id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-activate a suspended customer
         * @description **Who may call:** Platform admins only.
         */
        post: operations["customers.activate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customer_id}/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Members, quotas and their use for one customer
         * @description **Who may call:** Members of the customer named in the path (any role), and platform admins.
         */
        get: operations["customers.statistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customer_id}/quotas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Each quota: limit, used, remaining, source (plan or override) and mode (enforce or warn)
         * @description **Who may call:** Members of the customer named in the path (any role), and platform admins.
         */
        get: operations["quotas.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Set or clear a customer's quota overrides and modes
         * @description **Who may call:** Platform admins only.
         */
        patch: operations["quotas.update"];
        trace?: never;
    };
    "/customers/{customer_id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Storage (overall and by prefix class), objects, active worksets and runs this month against their limits, from the counter item
         * @description **Who may call:** Members of the customer named in the path (any role), and platform admins.
         */
        get: operations["usage.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customer_id}/usage/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Usage per month (storage GB-months, runs, compute hours, API requests) from `from` to `to` (YYYY-MM)
         * @description **Who may call:** Members of the customer named in the path (any role), and platform admins.
         */
        get: operations["usage.history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One row per customer for a month (`period=YYYY-MM`): usage and estimated cost, as CSV or JSON lines (`Accept: application/x-ndjson`), written to the finance bucket; answers 303 to a download link
         * @description **Who may call:** Platform admins only.
         */
        get: operations["billing.export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The fleet: customers by status, plan and template version, stored bytes, active worksets, provisioning failures, stuck customers, dead-letter queue depth
         * @description **Who may call:** Platform admins only.
         */
        get: operations["admin.status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The plans and the limits each gives, with every quota declared
         * @description **Who may call:** Any signed-in user.
         */
        get: operations["plans.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{plan_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a plan's limits (every customer on it without an override follows)
         * @description **Who may call:** Platform admins only.
         */
        put: operations["plans.put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customer_id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a customer's users and their roles
         * @description **Who may call:** Admins of the customer named in the path, and platform admins.
         */
        get: operations["memberships.list"];
        put?: never;
        /**
         * Add a user by email: invite a new one through Cognito or add an existing one
         * @description **Who may call:** Admins of the customer named in the path, and platform admins. Refused while the customer is not active.
         */
        post: operations["memberships.add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customer_id}/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a membership; a user left with none is disabled and signed out
         * @description **Who may call:** Admins of the customer named in the path, and platform admins. Refused while the customer is not active.
         */
        delete: operations["memberships.remove"];
        options?: never;
        head?: never;
        /**
         * Change a member's role (a customer keeps at least one admin)
         * @description **Who may call:** Admins of the customer named in the path, and platform admins. Refused while the customer is not active.
         */
        patch: operations["memberships.changeRole"];
        trace?: never;
    };
    "/customers/{customer_id}/users/{user_id}/set-default": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make this customer the user's default (the user, a customer admin or a platform admin)
         * @description **Who may call:** Members of the customer named in the path (any role), and platform admins. Refused while the customer is not active.
         */
        post: operations["memberships.setDefault"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customer_id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A customer's audit trail, newest first
         * @description **Who may call:** Admins of the customer named in the path, and platform admins.
         */
        get: operations["audit.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user: profile, memberships, default customer
         * @description **Who may call:** Any signed-in user.
         */
        get: operations["me.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{user_id}/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's memberships (platform admins)
         * @description **Who may call:** Platform admins only.
         */
        get: operations["users.customers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customer_id}/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Presigned URL(s) that put a FASTQ file straight into the customer's bucket
         * @description **Who may call:** Members of the customer named in the path (any role), and platform admins. Refused while the customer is not active.
         */
        post: operations["uploads.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customer_id}/uploads/{upload_id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a multipart upload from its part numbers and ETags
         * @description **Who may call:** Members of the customer named in the path (any role), and platform admins. Refused while the customer is not active.
         */
        post: operations["uploads.complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customer_id}/uploads/{upload_id}/abort": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Abort a multipart upload and discard its parts
         * @description **Who may call:** Members of the customer named in the path (any role), and platform admins. Refused while the customer is not active.
         */
        post: operations["uploads.abort"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customer_id}/worksets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The customer's worksets, newest first; `state` filters
         * @description **Who may call:** Members of the customer named in the path (any role), and platform admins.
         */
        get: operations["worksets.list"];
        put?: never;
        /**
         * Submit a workset: admitted under the customer's quotas in one write, then handed to the runner in its bucket
         * @description **Who may call:** Members of the customer named in the path (any role), and platform admins. Refused while the customer is not active.
         */
        post: operations["worksets.submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customer_id}/worksets/{workset_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One workset, with its state history
         * @description **Who may call:** Members of the customer named in the path (any role), and platform admins.
         */
        get: operations["worksets.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customer_id}/worksets/{workset_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a workset: its slot is released and daylily.ignore tells the runner to skip it
         * @description **Who may call:** Members of the customer named in the path (any role), and platform admins. Refused while the customer is not active.
         */
        post: operations["worksets.cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customer_id}/worksets/{workset_id}/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Move a workset along its state machine (the platform's service accounts and platform admins)
         * @description **Who may call:** The platform's service accounts and platform admins.
         */
        put: operations["worksets.setState"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/worksets/generate-yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn a form-like request into daylily_work.yaml, the normalized config and an estimate
         * @description **Who may call:** Any signed-in user.
         */
        post: operations["worksets.generateYaml"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/worksets/validate-yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate a daylily_work.yaml document: the normalized config or every error with its path
         * @description **Who may call:** Any signed-in user.
         */
        post: operations["worksets.validateYaml"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/rollout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Progress of the template rollout: target version, customers by state, failures with reasons
         * @description **Who may call:** Platform admins only.
         */
        get: operations["admin.rollout.get"];
        put?: never;
        /**
         * Start (or continue) bringing every customer's stack to the customer template in force, a batch at a time
         * @description **Who may call:** Platform admins only.
         */
        post: operations["admin.rollout.start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schemas/workset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workset JSON Schema, for tools that validate files
         * @description **Who may call:** Anyone: no token needed.
         */
        get: operations["schemas.workset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This API as an OpenAPI 3.1 document, for generating clients
         * @description **Who may call:** Anyone: no token needed.
         */
        get: operations["openapi.document"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        /** @description RFC 9457 problem details. Routes add members (extensions) that say more, named in snake_case. */
        Problem: {
            /** @description Always `about:blank`: the status and title say what happened. */
            type: string;
            title: string;
            status: number;
            /** @description What went wrong and what to do, safe to show a person. */
            detail: string;
            instance?: string;
            /** @description Quote it when asking an operator. */
            request_id?: string;
            /** @description On 400: each field refused and why. */
            errors?: components["schemas"]["FieldError"][];
            /** @description Also sent as `Retry-After`. */
            retry_after_seconds?: number;
        };
        FieldError: {
            /** @description Dotted path into the request (`samples.0.fastq_r2`), a parameter name, or `` for the whole body. */
            field: string;
            message: string;
            /** @description The values that would have been accepted, when there is a closed list. */
            accepted?: string[];
        };
        /** @description One entry of the audit trail. */
        AuditEvent: {
            /** Format: uuid */
            event_id: string;
            /** @enum {string} */
            action: "customer.created" | "customer.updated" | "customer.quota_changed" | "customer.provisioning_retried" | "customer.provisioning_reconciled" | "customer.activated" | "customer.deactivated" | "customer.offboarding_started" | "customer.provisioned" | "customer.provision_failed" | "customer.offboarded" | "membership.added" | "membership.removed" | "membership.role_changed" | "membership.default_changed" | "upload.created" | "rollout.started" | "tenant_access_denied";
            /** @description User id of who acted, or `system:<component>`. */
            actor: string;
            actor_email?: string;
            /** @description What was acted on: a customer id, `user:<id>`, a route. */
            target: string;
            request_id?: string;
            details?: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            at: string;
        };
        /** @description Where the export was written and a link that downloads it. */
        BillingExport: {
            /** @description The month exported, YYYY-MM. */
            period: string;
            /**
             * @description The media type of the file: CSV, or JSON lines when asked for.
             * @enum {string}
             */
            format: "text/csv; charset=utf-8" | "application/x-ndjson";
            /** @description One row per customer. */
            rows: number;
            /** @description The object key in the finance bucket: `exports/<period>/<request id>.csv|ndjson`. */
            key: string;
            /**
             * Format: uri
             * @description Presigned GET of the file; the same URL as `Location`.
             */
            download_url: string;
            /** @description How long download_url works. */
            expires_in_seconds: number;
        };
        /** @description A customer, with its effective limits (from its plan, or its overrides). */
        Customer: {
            /** @description A customer id: a slug of its name and 8 hex digits. */
            customer_id: string;
            customer_name: string;
            status: components["schemas"]["CustomerStatus"];
            /** @description An email address, as accepted when it was sent. */
            email: string;
            display_name?: string;
            description?: string;
            contact_phone?: string;
            address?: string;
            /** @description An https URL, as accepted when it was sent. */
            logo_url?: string;
            /** @description Free-form JSON object the customer keeps. */
            settings?: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            plan: "free" | "standard" | "premium" | "enterprise";
            billing_account_id: string;
            cost_center: string;
            /** @description Where the monthly AWS Budget alerts go (else `email`); an address as accepted when it was sent. */
            billing_email?: string;
            /** @description The customer stack's monthly AWS Budget, in USD; absent: none. */
            monthly_budget_usd?: number;
            s3_bucket: string;
            stack_name: string;
            /** @description Why the last lifecycle step failed, if it did. */
            status_reason?: string;
            /**
             * Format: date-time
             * @description When the customer was onboarded.
             */
            created_at: string;
            created_by: string;
            /**
             * Format: date-time
             * @description When the record last changed.
             */
            updated_at: string;
            updated_by: string;
            /**
             * Format: date-time
             * @description When the customer was last re-activated.
             */
            activated_at?: string;
            /**
             * Format: date-time
             * @description When offboarding finished.
             */
            offboarded_at?: string;
            /** @description Version of the customer template its stack last reached; absent: unknown. */
            template_version?: string;
            /** @description The last stack update a PATCH started that failed, until a later one succeeds. */
            stack_update_failure?: {
                status: string;
                reason: string;
                at: string;
            };
            /** @description Effective limit (the plan's, or an override): Worksets admitted and not yet finished (ready, locked, in progress, retrying) (worksets). */
            max_concurrent_worksets: number;
            /** @description Effective limit (the plan's, or an override): Worksets admitted in the current calendar month (UTC); the count starts again on the 1st (runs). */
            max_runs_per_month: number;
            /** @description Effective limit (the plan's, or an override): Bytes stored in the customer bucket, in GiB (GB). */
            max_storage_gb: number;
            /** @description Effective limit (the plan's, or an override): Samples (sequencing units) in one workset (samples). */
            max_samples_per_workset: number;
            /** @description Effective limit (the plan's, or an override): Steady API request rate on customer-scoped routes (requests/s). */
            requests_per_second: number;
            /** @description Effective limit (the plan's, or an override): API requests allowed at once above the steady rate (requests). */
            burst: number;
            /** @description The limits this customer has instead of its plan's; `{}` when it follows its plan. */
            quota_overrides: {
                max_concurrent_worksets?: number;
                max_runs_per_month?: number;
                max_storage_gb?: number;
                max_samples_per_workset?: number;
                requests_per_second?: number;
                burst?: number;
            };
            /** @description A template rollout's update of the customer stack, in flight or failed. */
            template_update?: {
                version: string;
                /** @enum {string} */
                state: "updating" | "failed";
                attempts: number;
                /**
                 * Format: date-time
                 * @description When the last attempt was sent.
                 */
                started_at: string;
                reason?: string;
                /**
                 * Format: date-time
                 * @description When the last attempt failed.
                 */
                finished_at?: string;
            };
        };
        /** @description A customer the user belongs to, with its name and status and the user's role. */
        CustomerMembership: {
            /** @description A customer id: a slug of its name and 8 hex digits. */
            customer_id: string;
            /** @description null when the customer record could not be read. */
            customer_name: string | null;
            display_name: string | null;
            status: components["schemas"]["CustomerStatus"] | null;
            role: components["schemas"]["MembershipRole"];
            is_default: boolean;
        };
        /** @description Members, quotas and their use for one customer. */
        CustomerStatistics: {
            /** @description A customer id: a slug of its name and 8 hex digits. */
            customer_id: string;
            status: components["schemas"]["CustomerStatus"];
            /** @enum {string} */
            plan: "free" | "standard" | "premium" | "enterprise";
            total_users: number;
            admin_users: number;
            member_users: number;
            quotas: components["schemas"]["QuotaValues"];
            worksets: {
                active_worksets: number;
                runs_this_month: number;
            };
            storage: {
                storage_bytes: number;
                reserved_bytes: number;
                object_count: number;
                /** @description GiB, two decimals. */
                storage_gb: number;
                /** @description Of max_storage_gb, two decimals. */
                storage_utilization_percent: number;
            };
            /**
             * Format: date-time
             * @description When the customer was onboarded.
             */
            created_at: string;
            /** @description When the customer was last re-activated; null if never. */
            activated_at: string | null;
            days_since_onboarding: number;
        };
        /**
         * @description PROVISIONING (its stack is being created), PROVISION_FAILED, ACTIVE, INACTIVE (suspended: members read, writes refused), OFFBOARDING (its stack is being deleted), OFFBOARDED (the record and bucket are kept).
         * @enum {string}
         */
        CustomerStatus: "PROVISIONING" | "PROVISION_FAILED" | "ACTIVE" | "INACTIVE" | "OFFBOARDING" | "OFFBOARDED";
        /** @description A user's membership of one customer. */
        Member: {
            /** @description The Cognito user id (a UUID). */
            user_id: string;
            /** @description A customer id: a slug of its name and 8 hex digits. */
            customer_id: string;
            /** @description The address the user was added with (lowercased). */
            email: string;
            role: components["schemas"]["MembershipRole"];
            /** @description Whether this customer is the user's default. */
            is_default: boolean;
            /** Format: date-time */
            added_at: string;
            added_by: string;
            /**
             * Format: date-time
             * @description When the role last changed.
             */
            updated_at?: string;
        };
        /**
         * @description `admin` manages the customer's users and everything a `member` may do.
         * @enum {string}
         */
        MembershipRole: "admin" | "member";
        /** @description One month of usage; a month with nothing recorded answers zeros. */
        MonthUsage: {
            /** @description A month, YYYY-MM (UTC). */
            month: string;
            /** @description GiB-months stored, four decimals. */
            storage_gb_month: number;
            storage_sampled_days: number;
            runs: number;
            completed_worksets: number;
            /** @description Four decimals. */
            compute_hours: number;
            api_requests: number;
        };
        /** @description A large file: one presigned URL per part, then complete. */
        MultipartUpload: {
            upload_id: string;
            /** @description A customer id: a slug of its name and 8 hex digits. */
            customer_id: string;
            bucket: string;
            /** @description `uploads/<yyyy>/<mm>/<dd>/<upload_id>/<filename>` in the customer bucket. */
            key: string;
            /** @description The file name as stored (made safe). */
            filename: string;
            size_bytes: number;
            /** @constant */
            multipart: true;
            state: components["schemas"]["UploadState"];
            /** @description Storage held against the quota until the object is counted; 0 once released. */
            reserved_bytes: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            completed_at?: string;
            /** @description Why the upload was rejected. */
            state_reason?: string;
            /**
             * Format: date-time
             * @description When the URL(s) stop working (15 minutes).
             */
            expires_at: string;
            part_size_bytes: number;
            parts: {
                part_number: number;
                size_bytes: number;
                /** @constant */
                method: "PUT";
                /** Format: uri */
                url: string;
                /** @description Send exactly these headers with the PUT: they are signed. */
                headers: {
                    "Content-Length": string;
                };
            }[];
            /** @description Path to POST the part numbers and ETags to once every part is sent. */
            complete: string;
            /** @description Path to POST to give the upload up. */
            abort: string;
        };
        /** @description A plan and the limit it gives for every quota. */
        Plan: {
            /** @enum {string} */
            plan_id: "free" | "standard" | "premium" | "enterprise";
            quotas: components["schemas"]["QuotaValues"];
            /**
             * @description `declared` until a platform admin edits the plan.
             * @enum {string}
             */
            source: "declared" | "edited";
            /**
             * Format: date-time
             * @description When a platform admin last edited the plan (edited plans only).
             */
            updated_at?: string;
            /** @description Who last edited the plan (edited plans only). */
            updated_by?: string;
        };
        /** @description The fleet in one answer. */
        PlatformStatus: {
            /** Format: date-time */
            as_of: string;
            customers: number;
            /** @description Customers per status (statuses with none are left out). */
            by_status: {
                [key: string]: number;
            };
            /** @description Customers per plan (plans with none are left out). */
            by_plan: {
                [key: string]: number;
            };
            /** @description Customers not offboarded per customer-template version their stack last reached (`unknown`: none recorded). */
            template_versions: {
                [key: string]: number;
            };
            storage_bytes: number;
            active_worksets: number;
            provisioning_failures: {
                count: number;
                /** @description At most 20; count is complete. */
                customers: {
                    /** @description A customer id: a slug of its name and 8 hex digits. */
                    customer_id: string;
                    reason: string | null;
                    /** Format: date-time */
                    since: string;
                }[];
            };
            /** @description Customers PROVISIONING or OFFBOARDING for over 30 minutes. */
            stuck: {
                count: number;
                /** @description At most 20; count is complete. */
                customers: {
                    /** @description A customer id: a slug of its name and 8 hex digits. */
                    customer_id: string;
                    status: components["schemas"]["CustomerStatus"];
                    /** Format: date-time */
                    since: string;
                }[];
            };
            /** @description The customer-template version in force; null when not configured. */
            current_template_version: string | null;
            dead_letter_queues: {
                name: string;
                messages: number;
                in_flight: number;
            }[];
            dead_letter_messages: number;
        };
        /** @description The signed-in user. */
        Profile: {
            user_id: string;
            /** @description The token's email claim. */
            email: string;
            /** @description Cognito groups; platform groups only when the directory confirms them. */
            groups: string[];
            is_platform_admin: boolean;
            default_customer_id: string | null;
            memberships: components["schemas"]["CustomerMembership"][];
        };
        /** @description A quota as declared: its unit, bounds and where it is enforced. */
        QuotaDeclaration: {
            quota: components["schemas"]["QuotaName"];
            unit: string;
            description: string;
            min: number;
            max: number;
            enforced_at: string;
            /** @description Whether a customer may have it in `warn` mode. */
            warnable: boolean;
        };
        /**
         * @description A quota Portico declares.
         * @enum {string}
         */
        QuotaName: "max_concurrent_worksets" | "max_runs_per_month" | "max_storage_gb" | "max_samples_per_workset" | "requests_per_second" | "burst";
        /** @description A customer's quotas. */
        QuotaReport: {
            customer_id: string;
            /** @enum {string} */
            plan: "free" | "standard" | "premium" | "enterprise";
            /** @description Every declared quota, in declaration order. */
            quotas: components["schemas"]["QuotaStatus"][];
        };
        /** @description One quota of a customer: limit, use, where the limit comes from and how it is enforced. */
        QuotaStatus: {
            quota: components["schemas"]["QuotaName"];
            unit: string;
            description: string;
            limit: number;
            /** @description Use now; null where Portico does not count it (rates, per-workset limits). */
            used: number | null;
            /** @description limit - used, at least 0; null where use is not counted. */
            remaining: number | null;
            /** @enum {string} */
            source: "plan" | "override";
            /** @enum {string} */
            mode: "enforce" | "warn";
            enforced_at: string;
        };
        /** @description A limit for every quota. */
        QuotaValues: {
            /** @description Worksets admitted and not yet finished (ready, locked, in progress, retrying) (worksets) */
            max_concurrent_worksets: number;
            /** @description Worksets admitted in the current calendar month (UTC); the count starts again on the 1st (runs) */
            max_runs_per_month: number;
            /** @description Bytes stored in the customer bucket, in GiB (GB) */
            max_storage_gb: number;
            /** @description Samples (sequencing units) in one workset (samples) */
            max_samples_per_workset: number;
            /** @description Steady API request rate on customer-scoped routes (requests/s) */
            requests_per_second: number;
            /** @description API requests allowed at once above the steady rate (requests) */
            burst: number;
        };
        /** @description Where every customer's stack stands against the customer template in force. */
        RolloutProgress: {
            /** @description The customer-template version in force. */
            target_version: string;
            /** @enum {string} */
            state: "not_started" | "in_progress" | "complete" | "complete_with_failures";
            /** Format: date-time */
            started_at?: string;
            started_by?: string;
            /** Format: date-time */
            completed_at?: string;
            /** Format: date-time */
            last_advanced_at?: string;
            batch_size: number;
            max_attempts: number;
            /** @description Customers not offboarded, by where their stack stands (skipped: not ACTIVE). */
            counts: {
                up_to_date: number;
                updating: number;
                failed: number;
                waiting: number;
                skipped: number;
            };
            failed: {
                /** @description A customer id: a slug of its name and 8 hex digits. */
                customer_id: string;
                reason: string;
                attempts: number;
                will_retry: boolean;
            }[];
            /** @description Skipped customers per status. */
            skipped_by_status: {
                [key: string]: number;
            };
        };
        /** @description The rollout after this request advanced it by one batch. */
        RolloutStarted: {
            /** @description The customer-template version in force. */
            target_version: string;
            /** @enum {string} */
            state: "not_started" | "in_progress" | "complete" | "complete_with_failures";
            /** Format: date-time */
            started_at?: string;
            started_by?: string;
            /** Format: date-time */
            completed_at?: string;
            /** Format: date-time */
            last_advanced_at?: string;
            batch_size: number;
            max_attempts: number;
            /** @description Customers not offboarded, by where their stack stands (skipped: not ACTIVE). */
            counts: {
                up_to_date: number;
                updating: number;
                failed: number;
                waiting: number;
                skipped: number;
            };
            failed: {
                /** @description A customer id: a slug of its name and 8 hex digits. */
                customer_id: string;
                reason: string;
                attempts: number;
                will_retry: boolean;
            }[];
            /** @description Skipped customers per status. */
            skipped_by_status: {
                [key: string]: number;
            };
            /** @description True when this request recorded the rollout; false when it continued one. */
            started: boolean;
        };
        /** @description A file small enough for one PUT. */
        SinglePutUpload: {
            upload_id: string;
            /** @description A customer id: a slug of its name and 8 hex digits. */
            customer_id: string;
            bucket: string;
            /** @description `uploads/<yyyy>/<mm>/<dd>/<upload_id>/<filename>` in the customer bucket. */
            key: string;
            /** @description The file name as stored (made safe). */
            filename: string;
            size_bytes: number;
            /** @constant */
            multipart: false;
            state: components["schemas"]["UploadState"];
            /** @description Storage held against the quota until the object is counted; 0 once released. */
            reserved_bytes: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            completed_at?: string;
            /** @description Why the upload was rejected. */
            state_reason?: string;
            /**
             * Format: date-time
             * @description When the URL(s) stop working (15 minutes).
             */
            expires_at: string;
            /** @constant */
            method: "PUT";
            /**
             * Format: uri
             * @description Presigned URL for the whole file; single use.
             */
            url: string;
            /** @description Send exactly these headers with the PUT: they are signed. */
            headers: {
                "Content-Length": string;
                /** @constant */
                "If-None-Match": "*";
                /** @description When the upload named a content_type. */
                "Content-Type"?: string;
                /** @description When the upload named a sha256 (base64 of it). */
                "x-amz-checksum-sha256"?: string;
            };
        };
        /** @description An upload Portico handed out. */
        Upload: {
            upload_id: string;
            /** @description A customer id: a slug of its name and 8 hex digits. */
            customer_id: string;
            bucket: string;
            /** @description `uploads/<yyyy>/<mm>/<dd>/<upload_id>/<filename>` in the customer bucket. */
            key: string;
            /** @description The file name as stored (made safe). */
            filename: string;
            size_bytes: number;
            multipart: boolean;
            state: components["schemas"]["UploadState"];
            /** @description Storage held against the quota until the object is counted; 0 once released. */
            reserved_bytes: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            completed_at?: string;
            /** @description Why the upload was rejected. */
            state_reason?: string;
        };
        /**
         * @description PENDING until the object arrives; COMPLETED once it is in the bucket; ABORTED, EXPIRED (never finished) or REJECTED (not the declared size).
         * @enum {string}
         */
        UploadState: "PENDING" | "COMPLETED" | "ABORTED" | "EXPIRED" | "REJECTED";
        /** @description A customer's usage now, against its limits, from its counter item. */
        Usage: {
            /** @description A customer id: a slug of its name and 8 hex digits. */
            customer_id: string;
            /** @description Stored bytes in GiB, two decimals. */
            storage_gb: number;
            /** @description The customer's storage limit, in GiB. */
            max_storage_gb: number;
            /** @description storage_gb of max_storage_gb, in percent, two decimals. */
            storage_utilization_percent: number;
            storage_bytes: number;
            object_count: number;
            /** @description Bytes held by uploads in progress. */
            reserved_bytes: number;
            /** @description Stored bytes and objects by the bucket's first folder: uploads, worksets, results, anything else. */
            storage_by_prefix: {
                uploads: {
                    bytes: number;
                    object_count: number;
                };
                worksets: {
                    bytes: number;
                    object_count: number;
                };
                results: {
                    bytes: number;
                    object_count: number;
                };
                other: {
                    bytes: number;
                    object_count: number;
                };
            };
            active_worksets: number;
            max_concurrent_worksets: number;
            /** @description A month, YYYY-MM (UTC). */
            month: string;
            runs_this_month: number;
            max_runs_per_month: number;
            /**
             * Format: date-time
             * @description When this answer was computed.
             */
            as_of: string;
            /** @description When the counts last moved; null if they never did. */
            counts_updated_at: string | null;
            /** @description The last reconciliation of the counts with CloudWatch; null if none yet. */
            last_reconciled: {
                at: string;
                /** @description The day whose CloudWatch storage metric the counts were checked against. */
                day: string;
                /** @description How far the counts were off, corrected. */
                drift_bytes: number;
            } | null;
        };
        /** @description Usage per month. */
        UsageHistory: {
            /** @description A customer id: a slug of its name and 8 hex digits. */
            customer_id: string;
            /** @description A month, YYYY-MM (UTC). */
            from: string;
            /** @description A month, YYYY-MM (UTC). */
            to: string;
            /** @description Every month from `from` to `to`, oldest first. */
            months: components["schemas"]["MonthUsage"][];
        };
        /** @description A workset and its state history. */
        Workset: {
            workset_id: string;
            /** @description A customer id: a slug of its name and 8 hex digits. */
            customer_id: string;
            state: components["schemas"]["WorksetState"];
            workset_name?: string;
            /**
             * @description A runnable Daylily target.
             * @enum {string}
             */
            pipeline: "germline_wgs_snv" | "germline_wgs_snv_sv" | "germline_wgs_kitchensink" | "test_help";
            /**
             * @description A reference bundle the runner has.
             * @enum {string}
             */
            reference_genome: "hg38" | "b37" | "hg38_broad";
            /** @enum {string} */
            priority: "urgent" | "normal" | "low";
            sample_count: number;
            bucket: string;
            /** @description The workset's folder in the customer bucket: `worksets/<workset_id>/`. */
            prefix: string;
            /** @description Where results are exported: s3://bucket/prefix. */
            export_uri: string;
            /** Format: date-time */
            submitted_at: string;
            submitted_by: string;
            /** Format: date-time */
            updated_at: string;
            /** @description Why the workset reached its current state, when one was given. */
            state_reason?: string;
            /** @description Quotas in `warn` mode the admission went past. */
            quota_warnings?: {
                /** @enum {string} */
                quota: "max_concurrent_worksets" | "max_runs_per_month" | "max_storage_gb" | "max_samples_per_workset" | "requests_per_second" | "burst";
                limit: number;
                used: number;
                detail: string;
            }[];
            /** @description Every state the workset was in, oldest first. */
            history: components["schemas"]["WorksetHistoryEntry"][];
        };
        /** @description A normalized workset: samples, reference and pipeline resolved to canonical names, defaults filled. */
        WorksetConfig: {
            samples: components["schemas"]["WorksetSample"][];
            /**
             * @description A reference bundle the runner has.
             * @enum {string}
             */
            reference_genome: "hg38" | "b37" | "hg38_broad";
            /**
             * @description A runnable Daylily target.
             * @enum {string}
             */
            pipeline: "germline_wgs_snv" | "germline_wgs_snv_sv" | "germline_wgs_kitchensink" | "test_help";
            /** @enum {string} */
            priority: "urgent" | "normal" | "low";
            max_retries: number;
            /** @description As sent, or the mean of the sample coverages. */
            estimated_coverage: number;
            workset_name?: string;
            notes?: string;
            export_uri?: string;
            /** @constant */
            schema_version: "1.0";
        };
        /** @description Compute, storage and cost of a workset, from the configured rates. */
        WorksetEstimate: {
            /** @description vCPU-hours, to 0.1. */
            compute_hours: number;
            /** @description To 0.1. */
            storage_gb: number;
            /** @description To 0.01. */
            cost_usd: number;
            breakdown: {
                gbases: number;
                compute_usd: number;
                storage_usd: number;
            };
        };
        /** @description One move of the workset. */
        WorksetHistoryEntry: {
            state: components["schemas"]["WorksetState"];
            /** Format: date-time */
            at: string;
            /** @description A user id, `runner` (a sentinel file) or `system:<component>`. */
            by: string;
            reason?: string;
        };
        /** @description One sequencing unit of a normalized workset. */
        WorksetSample: {
            sample_id: string;
            fastq_r1: string;
            fastq_r2?: string;
            /** @description Target depth (×): the sample's own, else estimated_coverage, else 30. */
            coverage: number;
            /** @description Other stage_samples.tsv columns, names normalized. */
            sheet_columns?: {
                [key: string]: string;
            };
        };
        WorksetsSubmitRequest: {
            samples?: {
                /** @description The sample; a sample sequenced on several lanes or runs is listed once per unit */
                sample_id: string;
                /** @description FASTQ file: a file name or object key in the customer bucket, or an s3://bucket/key URI */
                fastq_r1: string;
                /** @description FASTQ file: a file name or object key in the customer bucket, or an s3://bucket/key URI */
                fastq_r2?: string;
                /** @description Target sequencing depth for this sample (×); defaults to estimated_coverage, else 30 */
                coverage?: number;
                /** @description Other stage_samples.tsv columns for this sample (LANE, SAMPLE_TYPE, IS_POS_CTRL, …; names ignore case); unknown columns are kept verbatim in the sheet written for the runner */
                sheet_columns?: {
                    [key: string]: string;
                };
            }[];
            /** @description The samples as a sample sheet, instead of samples: the text of a stage_samples.tsv (20 columns), of a RUN_ID SAMPLE_ID R1_FQ R2_FQ sheet, or the same as CSV; headers ignore case */
            sample_sheet?: string;
            /**
             * @description Reference genome bundle; one of hg38, GRCh38, b37, GRCh37, hg38_broad (the API ignores case)
             * @enum {string}
             */
            reference_genome: "hg38" | "GRCh38" | "b37" | "GRCh37" | "hg38_broad";
            /**
             * @description Pipeline: a runnable Daylily target or an alias of one; one of germline_wgs_snv, germline, germline_wgs_snv_sv, germline_wgs_kitchensink, test_help (the API ignores case)
             * @default germline_wgs_snv
             * @enum {string}
             */
            pipeline: "germline_wgs_snv" | "germline" | "germline_wgs_snv_sv" | "germline_wgs_kitchensink" | "test_help";
            /**
             * @description Scheduling priority; one of urgent, high, normal, low (the API ignores case)
             * @default normal
             * @enum {string}
             */
            priority: "urgent" | "high" | "normal" | "low";
            /**
             * @description How many times a failed run is retried
             * @default 3
             */
            max_retries: number;
            /** @description Expected mean coverage; defaults to the mean of the sample coverages */
            estimated_coverage?: number;
            /** @description A name for people; not an identifier */
            workset_name?: string;
            /** @description Free text; line breaks are stored as \n */
            notes?: string;
            /** @description Where results are exported: s3://bucket/prefix; defaults to the workset's results/ folder */
            export_uri?: string;
            /**
             * @description Version of this schema the file follows
             * @default 1.0
             * @constant
             */
            schema_version: "1.0";
        };
        /**
         * @description pending (being handed to the runner), ready, locked, in_progress, complete, error, retrying, failed, canceled, archived, ignored (an operator told the runner to skip it).
         * @enum {string}
         */
        WorksetState: "pending" | "ready" | "locked" | "in_progress" | "complete" | "error" | "retrying" | "failed" | "canceled" | "archived" | "ignored";
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    "customers.list": {
        parameters: {
            query?: {
                limit?: number;
                next_token?: string;
                status?: "PROVISIONING" | "PROVISION_FAILED" | "ACTIVE" | "INACTIVE" | "OFFBOARDING" | "OFFBOARDED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of customers, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        customers: components["schemas"]["Customer"][];
                        /** @description How many items this page holds. */
                        count: number;
                        /** @description Opaque; present only when more items may follow. Send it back as `next_token` for the next page of the same listing. */
                        next_token?: string;
                    };
                };
            };
            /** @description Bad Request: The query is invalid: `limit` outside 1-100, or a `next_token` this listing did not return (`errors` says which). Also a `status` outside the statuses, or a token of a listing with another `status`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a platform admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "customers.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a request with a key already used within a day answers what the first one created, and takes nothing a second time. The same key with a different body is refused (422). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    customer_name: string;
                    /** Format: email */
                    email: string;
                    billing_account_id: string;
                    cost_center: string;
                    /** @enum {string} */
                    plan?: "free" | "standard" | "premium" | "enterprise";
                    max_concurrent_worksets?: number;
                    max_runs_per_month?: number;
                    max_storage_gb?: number;
                    max_samples_per_workset?: number;
                    requests_per_second?: number;
                    burst?: number;
                    display_name?: string;
                    description?: string;
                    contact_phone?: string;
                    address?: string;
                    /** Format: uri */
                    logo_url?: string;
                    settings?: unknown;
                    /** Format: email */
                    billing_email?: string;
                    monthly_budget_usd?: number;
                };
            };
        };
        responses: {
            /** @description The customer is recorded PROVISIONING and its stack requested; poll `GET /customers/{customer_id}` until ACTIVE. A retry with the same Idempotency-Key (a day), or the same name and email without one (15 minutes), answers the same customer, 202 again. */
            202: {
                headers: {
                    /** @description The path of the customer. */
                    Location: string;
                    /** @description `true` when an earlier request with the same key (or, for customers, the same name and email) created it; absent otherwise. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a platform admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: A customer with this name and email was onboarded in the last 15 minutes with other settings (`existing_customer_id` names it): change it with PATCH, or send an Idempotency-Key to onboard another. */
            409: {
                headers: {
                    /** @description Seconds to wait, when the conflict passes by itself (a stack operation under way). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: The request body is over 65536 bytes. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Content: This Idempotency-Key was already used with a different request body. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "customers.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a member of this customer with the role this route needs (the same answer whether the customer exists or not). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: Nothing exists under this path parameter (a customer id outside its shape names no customer). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's or the customer's plan throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "customers.offboard": {
        parameters: {
            query: {
                confirm: string;
            };
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer is OFFBOARDING while its stack is deleted (OFFBOARDED at once when there is no stack, or when it already was); its bucket and record are kept. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Bad Request: `confirm` is missing or does not repeat the customer id. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a platform admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: Nothing exists under this path parameter (a customer id outside its shape names no customer). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: The customer's status does not allow it (a PROVISIONING customer cannot be offboarded until its stack settles): `current_status` and `allowed_statuses` say why. */
            409: {
                headers: {
                    /** @description Seconds to wait, when the conflict passes by itself (a stack operation under way). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "customers.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    customer_name?: string;
                    /** Format: email */
                    email?: string;
                    max_concurrent_worksets?: number | null;
                    max_runs_per_month?: number | null;
                    max_storage_gb?: number | null;
                    max_samples_per_workset?: number | null;
                    requests_per_second?: number | null;
                    burst?: number | null;
                    billing_account_id?: string;
                    cost_center?: string;
                    /** @enum {string} */
                    plan?: "free" | "standard" | "premium" | "enterprise";
                    display_name?: string | null;
                    description?: string | null;
                    contact_phone?: string | null;
                    address?: string | null;
                    logo_url?: string | null;
                    settings?: unknown | null;
                    billing_email?: string | null;
                    monthly_budget_usd?: number | null;
                };
            };
        };
        responses: {
            /** @description The customer as changed. A change of plan or billing fields is also pushed to its stack (bucket tags, usage plan). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a platform admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: Nothing exists under this path parameter (a customer id outside its shape names no customer). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: The customer is OFFBOARDING or OFFBOARDED (`current_status`, `allowed_statuses`); or it was updated but its stack is still applying an earlier change: send the same PATCH again after `retry_after_seconds` (30, also sent as `Retry-After`). */
            409: {
                headers: {
                    /** @description Seconds to wait, when the conflict passes by itself (a stack operation under way). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: The request body is over 65536 bytes. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Bad Gateway: The customer was updated but CloudFormation refused to update its stack (bucket tags, API usage plan): send the same PATCH again. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "customers.provision": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A PROVISION_FAILED customer gets a new attempt; a PROVISIONING one is caught up with its stack. The customer is PROVISIONING (or already further). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a platform admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: Nothing exists under this path parameter (a customer id outside its shape names no customer). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: The customer's status does not allow it (only PROVISION_FAILED or PROVISIONING): `current_status` and `allowed_statuses` say why. Also when the failed attempt's stack is still rolling back (`stack_status`, `retry_after_seconds` 15, also sent as `Retry-After`) or in a state a new attempt cannot replace. */
            409: {
                headers: {
                    /** @description Seconds to wait, when the conflict passes by itself (a stack operation under way). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "customers.deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer, now INACTIVE: members keep read access, writes are refused. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a platform admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: Nothing exists under this path parameter (a customer id outside its shape names no customer). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: The customer's status does not allow it (only an ACTIVE customer can be deactivated): `current_status` and `allowed_statuses` say why. */
            409: {
                headers: {
                    /** @description Seconds to wait, when the conflict passes by itself (a stack operation under way). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "customers.activate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer, ACTIVE again. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a platform admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: Nothing exists under this path parameter (a customer id outside its shape names no customer). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: The customer's status does not allow it (only an INACTIVE customer can be activated): `current_status` and `allowed_statuses` say why. */
            409: {
                headers: {
                    /** @description Seconds to wait, when the conflict passes by itself (a stack operation under way). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "customers.statistics": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer's members by role, its limits, worksets and storage. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerStatistics"];
                };
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a member of this customer with the role this route needs (the same answer whether the customer exists or not). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: Nothing exists under this path parameter (a customer id outside its shape names no customer). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's or the customer's plan throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "quotas.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every quota with its limit, use, source (plan or override) and mode. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaReport"];
                };
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a member of this customer with the role this route needs (the same answer whether the customer exists or not). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: Nothing exists under this path parameter (a customer id outside its shape names no customer). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's or the customer's plan throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "quotas.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    max_concurrent_worksets?: {
                        limit?: number | null;
                        /** @enum {string} */
                        mode?: "enforce" | "warn";
                    };
                    max_runs_per_month?: {
                        limit?: number | null;
                        /** @enum {string} */
                        mode?: "enforce" | "warn";
                    };
                    max_storage_gb?: {
                        limit?: number | null;
                        /** @enum {string} */
                        mode?: "enforce" | "warn";
                    };
                    max_samples_per_workset?: {
                        limit?: number | null;
                        mode?: string;
                    };
                    requests_per_second?: {
                        limit?: number | null;
                        mode?: string;
                    };
                    burst?: {
                        limit?: number | null;
                        mode?: string;
                    };
                };
            };
        };
        responses: {
            /** @description The customer's quotas as changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaReport"];
                };
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a platform admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: Nothing exists under this path parameter (a customer id outside its shape names no customer). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: The customer is OFFBOARDING or OFFBOARDED: its quotas can no longer change (`current_status`, `allowed_statuses`). */
            409: {
                headers: {
                    /** @description Seconds to wait, when the conflict passes by itself (a stack operation under way). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: The request body is over 65536 bytes. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "usage.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Usage now against the limits, from the counter item. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Usage"];
                };
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a member of this customer with the role this route needs (the same answer whether the customer exists or not). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: Nothing exists under this path parameter (a customer id outside its shape names no customer). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's or the customer's plan throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "usage.history": {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every month from `from` to `to` (by default the last twelve). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsageHistory"];
                };
            };
            /** @description Bad Request: A month is not YYYY-MM, `from` is after `to`, or more than 36 months are asked for. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a member of this customer with the role this route needs (the same answer whether the customer exists or not). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: Nothing exists under this path parameter (a customer id outside its shape names no customer). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's or the customer's plan throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "billing.export": {
        parameters: {
            query: {
                period: string;
                /** @description The file: CSV or JSON lines. Without it, `Accept` decides (`application/x-ndjson`, else CSV). */
                format?: "csv" | "ndjson";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export is written to the finance bucket; `Location` is a five-minute download link (also in the body). */
            303: {
                headers: {
                    /** @description Presigned GET of the export file (CSV, or JSON lines). */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingExport"];
                };
            };
            /** @description Bad Request: `period` is missing, not YYYY-MM, or a month that has not begun. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a platform admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Acceptable: Without `format`, an `Accept` that allows neither text/csv nor application/x-ndjson; `available` lists both. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The fleet: customers by status, plan and template version, storage, worksets, failures, stuck customers, dead-letter queues. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformStatus"];
                };
            };
            /** @description Bad Request: The query string does not decode as well-formed text. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a platform admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "plans.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every plan with its limits, and every quota declared. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        plans: components["schemas"]["Plan"][];
                        quotas: components["schemas"]["QuotaDeclaration"][];
                    };
                };
            };
            /** @description Bad Request: The query string does not decode as well-formed text. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "plans.put": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example standard */
                plan_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    quotas: {
                        max_concurrent_worksets: number;
                        max_runs_per_month: number;
                        max_storage_gb: number;
                        max_samples_per_workset: number;
                        requests_per_second: number;
                        burst: number;
                    };
                };
            };
        };
        responses: {
            /** @description The plan as saved; customers on it without an override follow it within a minute. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            /** @description Bad Request: The body is invalid, or it changes a limit the plan's API Gateway usage plan applies (`requests_per_second`, `burst`: set at deploy); `errors` lists each. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a platform admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: No plan has this id (plans are free, standard, premium, enterprise). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: The request body is over 65536 bytes. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "memberships.list": {
        parameters: {
            query?: {
                limit?: number;
                next_token?: string;
            };
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the customer's members. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        users: components["schemas"]["Member"][];
                        /** @description How many items this page holds. */
                        count: number;
                        /** @description Opaque; present only when more items may follow. Send it back as `next_token` for the next page of the same listing. */
                        next_token?: string;
                    };
                };
            };
            /** @description Bad Request: The query is invalid: `limit` outside 1-100, or a `next_token` this listing did not return (`errors` says which). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a member of this customer with the role this route needs (the same answer whether the customer exists or not). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: Nothing exists under this path parameter (a customer id outside its shape names no customer). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's or the customer's plan throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "memberships.add": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    /** @enum {string} */
                    role: "admin" | "member";
                };
            };
        };
        responses: {
            /** @description The membership (an unknown email is invited through Cognito first). Adding the same user with the same role again answers the same membership. */
            201: {
                headers: {
                    /** @description The path of the membership. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a member of this customer with the role this route needs (the same answer whether the customer exists or not), or the customer is not ACTIVE (`customer_status` says what it is; an offboarded one refuses reads too). Also when the email is a platform account and the caller is not a platform admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: Nothing exists under this path parameter (a customer id outside its shape names no customer). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: The user is already a member with another role, or is being removed. The customer is offboarded (a platform admin acting on it): it accepts no changes. `customer_status` says so. */
            409: {
                headers: {
                    /** @description Seconds to wait, when the conflict passes by itself (a stack operation under way). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: The request body is over 65536 bytes. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's or the customer's plan throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "memberships.remove": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
                /** @example 6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed; a user left with no membership is disabled and signed out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a member of this customer with the role this route needs (the same answer whether the customer exists or not), or the customer is not ACTIVE (`customer_status` says what it is; an offboarded one refuses reads too). Also when the user is a platform account and the caller is not a platform admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: No customer has this id, or the user is not a member of it. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: The last admin cannot be removed, or the membership changed meanwhile. The customer is offboarded (a platform admin acting on it): it accepts no changes. `customer_status` says so. */
            409: {
                headers: {
                    /** @description Seconds to wait, when the conflict passes by itself (a stack operation under way). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's or the customer's plan throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "memberships.changeRole": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
                /** @example 6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "admin" | "member";
                };
            };
        };
        responses: {
            /** @description The membership with its new role. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a member of this customer with the role this route needs (the same answer whether the customer exists or not). Also while the customer is not active. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: No customer has this id, or the user is not a member of it. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: The last admin cannot become a member, or the membership changed meanwhile (read it again). The customer is offboarded (a platform admin acting on it): it accepts no changes. `customer_status` says so. */
            409: {
                headers: {
                    /** @description Seconds to wait, when the conflict passes by itself (a stack operation under way). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: The request body is over 65536 bytes. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's or the customer's plan throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "memberships.setDefault": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
                /** @example 6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The membership, now the user's default. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a member of this customer with the role this route needs (the same answer whether the customer exists or not), or the customer is not ACTIVE (`customer_status` says what it is; an offboarded one refuses reads too). Also when the caller is neither the user, an admin of this customer nor a platform admin, or is a customer admin and the user's default is another customer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: No customer has this id, or the user is not a member of it. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: The customer is offboarded (a platform admin acting on it): it accepts no changes. `customer_status` says so. */
            409: {
                headers: {
                    /** @description Seconds to wait, when the conflict passes by itself (a stack operation under way). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's or the customer's plan throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "audit.list": {
        parameters: {
            query?: {
                limit?: number;
                next_token?: string;
            };
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the customer's audit trail, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: components["schemas"]["AuditEvent"][];
                        /** @description How many items this page holds. */
                        count: number;
                        /** @description Opaque; present only when more items may follow. Send it back as `next_token` for the next page of the same listing. */
                        next_token?: string;
                    };
                };
            };
            /** @description Bad Request: The query is invalid: `limit` outside 1-100, or a `next_token` this listing did not return (`errors` says which). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a member of this customer with the role this route needs (the same answer whether the customer exists or not). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: Nothing exists under this path parameter (a customer id outside its shape names no customer). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's or the customer's plan throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in user: profile, memberships, default customer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            /** @description Bad Request: The query string does not decode as well-formed text. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "users.customers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's memberships (none for an unknown user). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user_id: string;
                        customers: components["schemas"]["CustomerMembership"][];
                    };
                };
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a platform admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "uploads.create": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    filename: string;
                    size_bytes: number;
                    sha256?: string;
                    content_type?: string;
                };
            };
        };
        responses: {
            /** @description The upload, its bytes reserved against the storage quota, with the presigned URL(s) that put the file in the customer bucket for 15 minutes: one PUT up to 5 GiB, else a multipart upload. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SinglePutUpload"] | components["schemas"]["MultipartUpload"];
                };
            };
            /** @description Bad Request: The body is invalid, or `filename` is not a FASTQ file name (`errors`, with `accepted` extensions). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a member of this customer with the role this route needs (the same answer whether the customer exists or not). Also while the customer is not active. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: Nothing exists under this path parameter (a customer id outside its shape names no customer). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: The customer has no bucket to upload to (a platform admin on a customer neither ACTIVE nor INACTIVE; `customer_status`). */
            409: {
                headers: {
                    /** @description Seconds to wait, when the conflict passes by itself (a stack operation under way). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: The request body is over 65536 bytes. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: The file would take the customer over its storage quota: `quota` (max_storage_gb), `limit`, `used`, `used_bytes`, `reserved_bytes`, `limit_bytes`, `requested_bytes`. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "uploads.complete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
                /** @example up-0123456789abcdef01234567 */
                upload_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    parts: {
                        part_number: number;
                        etag: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description The upload, COMPLETED (also when an earlier attempt completed it). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Upload"];
                };
            };
            /** @description Bad Request: The body is invalid, a part number is beyond the upload's parts, or S3 refused the parts (wrong ETag, order, a part too small). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a member of this customer with the role this route needs (the same answer whether the customer exists or not). Also while the customer is not active. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: No customer has this id, or no upload has this id for it. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: The upload is not PENDING (aborted, expired, rejected), or it is a single PUT with nothing to complete. The customer is offboarded (a platform admin acting on it): it accepts no changes. `customer_status` says so. */
            409: {
                headers: {
                    /** @description Seconds to wait, when the conflict passes by itself (a stack operation under way). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: The request body is over 65536 bytes. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Content: The completed object does not have the declared size: it was deleted and the upload is REJECTED; start a new one. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's or the customer's plan throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "uploads.abort": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
                /** @example up-0123456789abcdef01234567 */
                upload_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upload, ABORTED; its reservation released. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Upload"];
                };
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a member of this customer with the role this route needs (the same answer whether the customer exists or not). Also while the customer is not active. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: No customer has this id, or no upload has this id for it. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: The upload is no longer PENDING, or it is a single PUT with nothing to abort. The customer is offboarded (a platform admin acting on it): it accepts no changes. `customer_status` says so. */
            409: {
                headers: {
                    /** @description Seconds to wait, when the conflict passes by itself (a stack operation under way). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's or the customer's plan throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "worksets.list": {
        parameters: {
            query?: {
                limit?: number;
                next_token?: string;
                state?: "pending" | "ready" | "locked" | "in_progress" | "complete" | "error" | "retrying" | "failed" | "canceled" | "archived" | "ignored";
            };
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the customer's worksets, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        worksets: components["schemas"]["Workset"][];
                        /** @description How many items this page holds. */
                        count: number;
                        /** @description Opaque; present only when more items may follow. Send it back as `next_token` for the next page of the same listing. */
                        next_token?: string;
                    };
                };
            };
            /** @description Bad Request: The query is invalid: `limit` outside 1-100, or a `next_token` this listing did not return (`errors` says which). Also a `state` outside the workset states. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a member of this customer with the role this route needs (the same answer whether the customer exists or not). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: Nothing exists under this path parameter (a customer id outside its shape names no customer). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's or the customer's plan throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "worksets.submit": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a request with a key already used within a day answers what the first one created, and takes nothing a second time. The same key with a different body is refused (422). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorksetsSubmitRequest"];
            };
        };
        responses: {
            /** @description A retry with the same Idempotency-Key: the workset the first request submitted, as it is now. No second slot is taken. */
            200: {
                headers: {
                    /** @description The path of the workset. */
                    Location: string;
                    /** @description `true`. */
                    "Idempotent-Replayed": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workset"];
                };
            };
            /** @description Admitted under the customer's quotas and handed to the runner (its folder is written in the customer bucket). */
            201: {
                headers: {
                    /** @description The path of the workset. */
                    Location: string;
                    /** @description `true` when an earlier request with the same key (or, for customers, the same name and email) created it; absent otherwise. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workset"];
                };
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a member of this customer with the role this route needs (the same answer whether the customer exists or not), or the customer is not ACTIVE (`customer_status` says what it is; an offboarded one refuses reads too). Also when a FASTQ location or the export URI is outside the customer bucket (`errors` lists them). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: Nothing exists under this path parameter (a customer id outside its shape names no customer). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: The customer is offboarded (a platform admin acting on it): it accepts no changes. `customer_status` says so. */
            409: {
                headers: {
                    /** @description Seconds to wait, when the conflict passes by itself (a stack operation under way). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: The request body is over 65536 bytes. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Content: More samples than the customer's `max_samples_per_workset` (`quota`, `limit`, `used`), or this Idempotency-Key was already used with a different body. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: A quota refused admission: `quota` is max_concurrent_worksets, max_runs_per_month (with `resets_at` and `retry_after_seconds`, also sent as `Retry-After`) or max_storage_gb, with `limit` and `used`. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "worksets.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
                /** @example ws-0lx4k2j9a-1a2b3c4d */
                workset_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workset, with its state history. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workset"];
                };
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a member of this customer with the role this route needs (the same answer whether the customer exists or not). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: No customer has this id, or no workset has this id for it. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's or the customer's plan throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "worksets.cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
                /** @example ws-0lx4k2j9a-1a2b3c4d */
                workset_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workset, canceled: its slot is released and daylily.ignore tells the runner to skip it. Canceling again writes the sentinel again. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workset"];
                };
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a member of this customer with the role this route needs (the same answer whether the customer exists or not). Also while the customer is not active. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: No customer has this id, or no workset has this id for it. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: The workset's state cannot become canceled (`current_state`, `allowed_states`), or it changed meanwhile. The customer is offboarded (a platform admin acting on it): it accepts no changes. `customer_status` says so. */
            409: {
                headers: {
                    /** @description Seconds to wait, when the conflict passes by itself (a stack operation under way). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's or the customer's plan throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "worksets.setState": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example acme-genomics-1a2b3c4d */
                customer_id: string;
                /** @example ws-0lx4k2j9a-1a2b3c4d */
                workset_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    state: "pending" | "ready" | "locked" | "in_progress" | "complete" | "error" | "retrying" | "failed" | "canceled" | "archived" | "ignored";
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The workset in its new state (unchanged when it already was in it). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workset"];
                };
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is neither a platform service account nor a platform admin; or the workset would take a slot again (`retrying`) while its customer is not active (`customer_status`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: No customer has this id, or no workset has this id for it. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: The workset's state cannot move there (`current_state`, `allowed_states`), or it changed meanwhile. */
            409: {
                headers: {
                    /** @description Seconds to wait, when the conflict passes by itself (a stack operation under way). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: The request body is over 65536 bytes. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Entering `retrying` needs a concurrency slot and none is free: `quota` max_concurrent_worksets, `limit`, `used`. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "worksets.generateYaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorksetsSubmitRequest"];
            };
        };
        responses: {
            /** @description daylily_work.yaml for the request, its normalized config, an estimate and a preview of the run file (always JSON: the YAML is the `yaml_content` string). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description daylily_work.yaml, as POST /customers/{customer_id}/worksets and validate-yaml read it. */
                        yaml_content: string;
                        config: components["schemas"]["WorksetConfig"];
                        estimate: components["schemas"]["WorksetEstimate"];
                        /** @description The runner's monitor-format run file for it, with `your-workset-id` and `your-bucket` standing in. */
                        run_file: string;
                    };
                };
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: A location names another customer's bucket, of a customer the caller does not belong to (`errors` lists them). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: The request body is over 65536 bytes. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "worksets.validateYaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    yaml_content: string;
                };
            };
        };
        responses: {
            /** @description The document read: a workset (its normalized config and estimate) or the runner's monitor-format run file (`valid` false when its `dy-r` matches no target). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        valid: true;
                        /** @constant */
                        format: "workset";
                        config: components["schemas"]["WorksetConfig"];
                        estimate: components["schemas"]["WorksetEstimate"];
                    } | {
                        /** @description True when its `dy-r` is one of the pipeline targets (Portico runs nothing else). */
                        valid: boolean;
                        /** @constant */
                        format: "monitor";
                        run_file: {
                            workset_id: string;
                            branch: string;
                            dy_r: string;
                            export_uri: string;
                            notes?: string;
                            cluster_name?: string;
                            budget?: string;
                        };
                        /** @description The target whose `dy-r` the file carries; null when none. */
                        target: ("germline_wgs_snv" | "germline_wgs_snv_sv" | "germline_wgs_kitchensink" | "test_help") | null;
                        /** @description When valid is false: why. */
                        detail?: string;
                        /** @description When valid is false: the pipeline targets. */
                        accepted?: ("germline_wgs_snv" | "germline_wgs_snv_sv" | "germline_wgs_kitchensink" | "test_help")[];
                    };
                };
            };
            /** @description Bad Request: The body is not `{ yaml_content }` (or a YAML body), or the document is not valid: `errors` lists every problem with its path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: The request body is over 65536 bytes. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.rollout.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Where every customer stands against the template in force. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RolloutProgress"];
                };
            };
            /** @description Bad Request: The query string does not decode as well-formed text. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a platform admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.rollout.start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    batch_size?: number;
                };
            };
        };
        responses: {
            /** @description The rollout to the template in force is recorded (once) and advanced by one batch; the reconcile sweep continues it. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RolloutStarted"];
                };
            };
            /** @description Bad Request: The request is invalid: `errors` lists each field and why (path parameters, query string, body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: No bearer token, or one that is expired, forged or for another user pool. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: The caller is not a platform admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: The request body is over 65536 bytes. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after `Retry-After` seconds (5 unless stated). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "schemas.workset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workset JSON Schema (draft 2020-12). */
            200: {
                headers: {
                    /** @description The schema version, the last part of its `$id` (`1.0`). */
                    "X-Schema-Version": string;
                    /** @description `public, max-age=3600`. */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/schema+json": {
                        /** @constant */
                        $schema: "https://json-schema.org/draft/2020-12/schema";
                        /** @description `urn:portico:schemas:workset:<version>`. */
                        $id: string;
                        title: string;
                        description: string;
                        /** @constant */
                        type: "object";
                        properties: {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Bad Request: The query string does not decode as well-formed text. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "openapi.document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This document. */
            200: {
                headers: {
                    /** @description `public, max-age=300`. */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Bad Request: The query string does not decode as well-formed text. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: Too many requests: the stage's throttle. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
