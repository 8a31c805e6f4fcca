/** RFC 9457 problem details, the body of every error Portico answers. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly request_id?: string;
  readonly [extension: string]: unknown;
}

export function problem(
  status: number,
  title: string,
  detail: string,
  extras: { instance?: string; request_id?: string; [key: string]: unknown } = {},
): ProblemDetails {
  return { type: 'about:blank', title, status, detail, ...extras };
}
