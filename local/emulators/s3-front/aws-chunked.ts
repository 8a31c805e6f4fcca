import { refusals } from './refusals.ts';

export interface AwsChunk {
  readonly data: Buffer;
  /** `chunk-signature` of a signed stream. */
  readonly signature?: string;
}

export interface AwsChunkedBody {
  /** Every chunk, the final empty one included. */
  readonly chunks: readonly AwsChunk[];
  /** Trailing headers (lower-case names, in order), e.g. `x-amz-checksum-crc32`. */
  readonly trailers: readonly (readonly [string, string])[];
}

const CRLF = Buffer.from('\r\n');

/**
 * Splits an `aws-chunked` body (S3's streaming upload encoding):
 * `<hex size>[;chunk-signature=<sig>]\r\n<data>\r\n` repeated, a zero-size
 * chunk, then optional `name:value\r\n` trailers and a blank line. A body that
 * does not follow the format is S3's IncompleteBody.
 */
export function parseAwsChunked(body: Buffer): AwsChunkedBody {
  const chunks: AwsChunk[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf(CRLF, at);
    if (lineEnd === -1) throw refusals.incompleteBody();
    const [sizeText = '', ...extensions] = body.subarray(at, lineEnd).toString('latin1').split(';');
    if (!/^[0-9a-fA-F]{1,16}$/.test(sizeText)) throw refusals.incompleteBody();
    const size = Number.parseInt(sizeText, 16);
    const dataStart = lineEnd + CRLF.length;
    const signature = extensions.map((e) => e.split('=')).find(([name]) => name?.trim() === 'chunk-signature')?.[1]?.trim();
    if (size === 0) {
      chunks.push({ data: Buffer.alloc(0), ...(signature !== undefined ? { signature } : {}) });
      return { chunks, trailers: parseTrailers(body, dataStart) };
    }
    const dataEnd = dataStart + size;
    if (dataEnd + CRLF.length > body.length || !body.subarray(dataEnd, dataEnd + CRLF.length).equals(CRLF)) throw refusals.incompleteBody();
    chunks.push({ data: body.subarray(dataStart, dataEnd), ...(signature !== undefined ? { signature } : {}) });
    at = dataEnd + CRLF.length;
  }
}

function parseTrailers(body: Buffer, from: number): [string, string][] {
  const trailers: [string, string][] = [];
  let at = from;
  for (;;) {
    const lineEnd = body.indexOf(CRLF, at);
    if (lineEnd === -1) throw refusals.incompleteBody();
    const line = body.subarray(at, lineEnd).toString('latin1');
    if (line === '') {
      if (lineEnd + CRLF.length !== body.length) throw refusals.incompleteBody();
      return trailers;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw refusals.malformedTrailer();
    trailers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
    at = lineEnd + CRLF.length;
  }
}
