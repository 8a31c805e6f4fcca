import { randomBytes } from 'node:crypto';
import type { LocalAnswer } from '../passthrough-proxy.ts';

type Details = Readonly<Record<string, string | number | undefined>>;

/** A refusal as S3 words it: HTTP status, error code, message and the code's extra elements. */
export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Details = {},
  ) {
    super(message);
    this.name = code;
  }
}

const INTERNAL_ERROR = new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.');

/** The answer S3 gives for `error`: its XML error document with a request id. */
export function errorAnswer(error: S3Error): LocalAnswer {
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  const hostId = randomBytes(24).toString('base64');
  const extra = Object.entries(error.details)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => element(name, String(value)))
    .join('');
  return {
    status: error.status,
    headers: { 'Content-Type': 'application/xml', 'x-amz-request-id': requestId, 'x-amz-id-2': hostId },
    body:
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<Error>${element('Code', error.code)}${element('Message', error.message)}${extra}` +
      `${element('RequestId', requestId)}${element('HostId', hostId)}</Error>`,
  };
}

/** What the front answers when its own code fails: S3's generic 500, no internals. */
export function internalErrorAnswer(): LocalAnswer {
  return errorAnswer(INTERNAL_ERROR);
}

function element(name: string, value: string): string {
  return `<${name}>${escapeXml(value)}</${name}>`;
}

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
