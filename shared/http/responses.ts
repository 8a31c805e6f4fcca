import type { APIGatewayProxyResult } from 'aws-lambda';

export type HttpResult = APIGatewayProxyResult;

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return {
    statusCode,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

export function noContent(): HttpResult {
  return { statusCode: 204, headers: {}, body: '' };
}
