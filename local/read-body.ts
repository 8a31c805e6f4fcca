import type { IncomingMessage } from 'node:http';

/**
 * A request body larger than the service a local server stands in for accepts.
 * `declaredBytes` is the Content-Length that announced it, when one did.
 */
export class BodyTooLarge extends Error {
  constructor(
    readonly limitBytes: number,
    readonly declaredBytes?: number,
  ) {
    super(`the request body exceeds ${limitBytes} bytes`);
    this.name = 'BodyTooLarge';
  }
}

/** The client hung up before its whole body arrived: there is no one left to answer. */
export class ClientHungUp extends Error {
  constructor() {
    super('the client hung up before the whole request body arrived');
    this.name = 'ClientHungUp';
  }
}

/**
 * Headers of an answer given before the body was read to its end: the rest of it
 * is not read, so the connection cannot carry another request.
 */
export const CLOSE_CONNECTION = { Connection: 'close' } as const;

/**
 * The whole body of a request the local servers receive, at most `limitBytes`
 * of it: a Content-Length over the limit is refused before a byte is read, and
 * a body without one as soon as what arrived passes the limit, so no request
 * can fill the memory. Rejects with BodyTooLarge, with ClientHungUp when the
 * client goes away mid-body, or with the error of the stream.
 */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = declaredLength(req);
    if (declared !== undefined && declared > limitBytes) {
      reject(new BodyTooLarge(limitBytes, declared));
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    const settle = (outcome: () => void) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) {
        chunks.length = 0;
        settle(() => reject(new BodyTooLarge(limitBytes, declared)));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks, received)));
    const onError = (error: NodeJS.ErrnoException) => settle(() => reject(req.destroyed || error.code === 'ECONNRESET' ? new ClientHungUp() : error));
    // Closed without 'end': the connection went away mid-body.
    const onClose = () => settle(() => reject(new ClientHungUp()));
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

function declaredLength(req: IncomingMessage): number | undefined {
  const header = req.headers['content-length'];
  // Node's parser refuses a malformed or conflicting Content-Length before a handler runs.
  return header === undefined ? undefined : Number(header);
}
