/**
 * The context the authorizer returns for a verified token, flattened to
 * strings because API Gateway only passes strings, numbers and booleans through.
 */
export interface AuthorizerContext {
  readonly user_id: string;
  readonly email: string;
  /** Comma-separated groups the token claims. */
  readonly groups: string;
  readonly customer_id: string;
}
