import { GATEWAY_RESPONSES } from '#shared/http/gateway-responses.ts';
import { PROBLEM_CONTENT_TYPE } from '#shared/http/problem.ts';
import type { RouteDefinition } from '#shared/routes/types.ts';
import { DocumentSchemas, pointerToken } from './schema-validator.ts';

export interface RealAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

interface MediaObject {
  readonly schema?: unknown;
}
interface ResponseObject {
  readonly headers?: Record<string, { readonly required?: boolean }>;
  readonly content?: Record<string, MediaObject>;
}
interface Operation {
  readonly responses: Record<string, ResponseObject>;
}
type Paths = Record<string, Record<string, Operation>>;

/**
 * Checks real answers against the API document: the status is one the
 * operation declares, the media type one it declares for that status, the
 * body valid against that media type's schema, and the headers it marks
 * required are there. Answers API Gateway gives before any route (a stage
 * throttle, a route that does not exist) are checked as the problems they are.
 */
export class ContractChecker {
  private readonly schemas: DocumentSchemas;
  private readonly paths: Paths;

  constructor(document: Record<string, unknown>) {
    this.schemas = new DocumentSchemas(document);
    this.paths = document.paths as Paths;
  }

  /** What in the answer the document does not allow; empty when it conforms. */
  violations(route: Pick<RouteDefinition, 'method' | 'path'>, answer: RealAnswer): string[] {
    const method = route.method.toLowerCase();
    const operation = this.paths[route.path]?.[method];
    if (!operation) return [`the document has no ${route.method} ${route.path}`];
    const response = operation.responses[String(answer.status)];
    if (!response) {
      return isGatewayAnswer(answer) ? [] : [`${answer.status} is not a status the document declares for ${route.method} ${route.path} (${Object.keys(operation.responses).join(', ')})`];
    }
    const problems: string[] = [];
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      if (header.required && !answer.headers.has(name)) problems.push(`header ${name} is required but missing`);
    }
    const declared = Object.keys(response.content ?? {});
    if (declared.length === 0) {
      if (answer.text !== '') problems.push(`${answer.status} declares no body but one was sent: ${answer.text.slice(0, 200)}`);
      return problems;
    }
    const mediaType = (answer.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (!declared.includes(mediaType)) return [...problems, `media type '${mediaType}' is not one of ${declared.join(', ')}`];
    if (!isJson(mediaType) || response.content?.[mediaType]?.schema === undefined) return problems;
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      return [...problems, `the ${mediaType} body is not JSON: ${answer.text.slice(0, 200)}`];
    }
    const pointer = `/paths/${pointerToken(route.path)}/${method}/responses/${answer.status}/content/${pointerToken(mediaType)}/schema`;
    return [...problems, ...this.schemas.errorsOf(pointer, body).map((error) => `body ${error}`)];
  }
}

function isJson(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/** A stage throttle answers on any route, before it: the same problem wherever it happens. */
function isGatewayAnswer(answer: RealAnswer): boolean {
  if (answer.status !== 429 || answer.headers.get('content-type') !== PROBLEM_CONTENT_TYPE) return false;
  try {
    return (JSON.parse(answer.text) as { detail?: string }).detail === GATEWAY_RESPONSES.THROTTLED.detail;
  } catch {
    return false;
  }
}
