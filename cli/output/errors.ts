import { PorticoProblem } from '#client/index.ts';

/** A failure to report as `Error: <message>` with exit code 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The command line itself is wrong (a missing flag, a bad value): exit code 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

/** The cached sign-in is missing or can no longer be refreshed. */
export class SignInRequiredError extends CliError {
  constructor(reason: string, apiUrl: string) {
    super(`${reason}: run portico login${apiUrl ? ` (API ${apiUrl})` : ''}`);
    this.name = 'SignInRequiredError';
  }
}

interface FieldError {
  readonly field?: unknown;
  readonly message?: unknown;
}

/** `<title>: <detail>`, then each field error of a 400 on a line of its own. */
export function describeProblem(problem: PorticoProblem): string {
  const { title, detail } = problem.problem;
  const lines = [`${title}: ${detail}`];
  const errors = (problem.problem as { errors?: unknown }).errors;
  if (Array.isArray(errors)) {
    for (const error of errors as FieldError[]) {
      const field = typeof error.field === 'string' && error.field !== '' ? error.field : '(body)';
      lines.push(`  ${field}: ${typeof error.message === 'string' ? error.message : JSON.stringify(error)}`);
    }
  }
  return lines.join('\n');
}

/** Text from a server, without control characters: a hostile answer cannot drive the operator's terminal. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

/** What `run` prints for a failure (control characters removed), and the exit code it returns. */
export function reportFailure(error: unknown): { message: string; exitCode: number } {
  const { message, exitCode } = failureOf(error);
  return { message: printable(message), exitCode };
}

function failureOf(error: unknown): { message: string; exitCode: number } {
  if (error instanceof PorticoProblem) return { message: describeProblem(error), exitCode: 1 };
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  const cause = error as Error & { cause?: { code?: string; message?: string } };
  if (cause.name === 'TypeError' && cause.message === 'fetch failed') {
    return { message: `Cannot reach the API: ${cause.cause?.message ?? cause.cause?.code ?? 'no answer'}`, exitCode: 1 };
  }
  if (cause.name === 'ExitPromptError' || cause.name === 'AbortPromptError') return { message: 'Cancelled.', exitCode: 1 };
  return { message: cause.message ?? String(error), exitCode: 1 };
}
