import { Sha256 } from '@smithy/core/checksum';
import { ALGORITHM_IDENTIFIER, getCanonicalHeaders, SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import type { Credential } from './credential-scope.ts';

export interface ExpectedSignature {
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
}

export interface SigningTime {
  readonly longDate: string;
  readonly signedAt: Date;
}

/**
 * The SDK's own SigV4 signer, run on the receiving side: from the request as
 * received it rebuilds the canonical request over the headers the client
 * says it signed, and signs it with the secret of the claimed access key.
 * S3 encodes the path once, so the path is taken as already canonical.
 */
export class SignatureCheck extends SignatureV4 {
  constructor(accessKeyId: string, secretAccessKey: string) {
    super({ service: 's3', region: 'us-east-1', credentials: { accessKeyId, secretAccessKey }, sha256: Sha256, uriEscapePath: false, applyChecksum: false });
  }

  async expected(request: HttpRequest, signedHeaders: readonly string[], payloadHash: string, credential: Credential, time: SigningTime): Promise<ExpectedSignature> {
    const canonicalHeaders = getCanonicalHeaders(request, undefined, new Set(signedHeaders));
    const canonicalRequest = this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
    const stringToSign = await this.createStringToSign(time.longDate, credential.scope, canonicalRequest, ALGORITHM_IDENTIFIER);
    return { canonicalRequest, stringToSign, signature: await this.signWithScope(stringToSign, credential, time) };
  }

  /** The signature of one aws-chunked chunk, chained from the previous one (the seed is the request's). */
  async chunkSignature(chunk: Uint8Array, previousSignature: string, credential: Credential, time: SigningTime): Promise<string> {
    return this.sign(
      { headers: new Uint8Array(0), payload: chunk },
      { signingDate: time.signedAt, priorSignature: previousSignature, signingRegion: credential.region, signingService: credential.service },
    );
  }

  /** The signature of an aws-chunked trailer, chained from the last chunk's. */
  async trailerSignature(canonicalTrailer: string, previousSignature: string, credential: Credential, time: SigningTime): Promise<string> {
    const hash = new Sha256();
    hash.update(new TextEncoder().encode(canonicalTrailer));
    const trailerHash = Buffer.from(await hash.digest()).toString('hex');
    const stringToSign = ['AWS4-HMAC-SHA256-TRAILER', time.longDate, credential.scope, previousSignature, trailerHash].join('\n');
    return this.signWithScope(stringToSign, credential, time);
  }

  private signWithScope(stringToSign: string, credential: Credential, time: SigningTime): Promise<string> {
    return this.sign(stringToSign, { signingDate: time.signedAt, signingRegion: credential.region, signingService: credential.service });
  }
}
