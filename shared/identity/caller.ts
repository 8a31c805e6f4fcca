/** Who is calling, as the authorizer established from a verified token. */
export interface Caller {
  readonly userId: string;
  readonly email: string;
  /**
   * Groups the token claims. A token outlives a removal from a group, so
   * decisions that depend on a platform group use a confirmed answer (the
   * access guard's `platformAdmin`, or `confirmedPlatformGroups`), never this list alone.
   */
  readonly claimedGroups: readonly string[];
  /** The default customer recorded in the token (`custom:customer_id`), if any. */
  readonly defaultCustomerId?: string;
}
