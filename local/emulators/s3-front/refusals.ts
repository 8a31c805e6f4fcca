import { S3Error } from './s3-error.ts';

/** S3's refusals the front gives, worded as S3 words them. */
export const refusals = {
  accessDenied: (message = 'Access Denied', details: Record<string, string | undefined> = {}) => new S3Error(403, 'AccessDenied', message, details),
  invalidAccessKeyId: (accessKeyId: string) =>
    new S3Error(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', { AWSAccessKeyId: accessKeyId }),
  signatureDoesNotMatch: (details: { AWSAccessKeyId: string; StringToSign?: string; SignatureProvided: string; CanonicalRequest?: string }) =>
    new S3Error(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      details,
    ),
  requestTimeTooSkewed: (requestTime: string, serverTime: Date) =>
    new S3Error(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', {
      RequestTime: requestTime,
      ServerTime: isoSeconds(serverTime),
      MaxAllowedSkewMilliseconds: 900000,
    }),
  invalidToken: () => new S3Error(400, 'InvalidToken', 'The provided token is malformed or otherwise invalid.'),
  authorizationHeaderMalformed: (message: string) => new S3Error(400, 'AuthorizationHeaderMalformed', `The authorization header is malformed; ${message}`),
  authorizationQueryParametersError: (message: string) => new S3Error(400, 'AuthorizationQueryParametersError', message),
  invalidArgument: (message: string, name: string, value: string | undefined) =>
    new S3Error(400, 'InvalidArgument', message, { ArgumentName: name, ArgumentValue: value }),
  invalidRequest: (message: string) => new S3Error(400, 'InvalidRequest', message),
  invalidUri: () => new S3Error(400, 'InvalidURI', "Couldn't parse the specified URI."),
  invalidBucketName: (bucket: string) => new S3Error(400, 'InvalidBucketName', 'The specified bucket is not valid.', { BucketName: bucket }),
  contentSha256Mismatch: (client: string, computed: string) =>
    new S3Error(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", {
      ClientComputedContentSHA256: client,
      S3ComputedContentSHA256: computed,
    }),
  incompleteBody: () => new S3Error(400, 'IncompleteBody', 'The request body terminated unexpectedly'),
  malformedTrailer: () =>
    new S3Error(400, 'MalformedTrailerError', 'The request contained trailing data that was not well-formed or did not conform to our published schema.'),
  badDigest: (algorithm: string) => new S3Error(400, 'BadDigest', `The ${algorithm} you specified did not match the calculated checksum.`),
  badContentMd5: () => new S3Error(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.'),
  invalidDigest: (contentMd5: string) => new S3Error(400, 'InvalidDigest', 'The Content-MD5 you specified was invalid.', { 'Content-MD5': contentMd5 }),
  malformedXml: () =>
    new S3Error(400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema'),
  invalidPartNumber: (value: string | undefined) =>
    new S3Error(400, 'InvalidArgument', 'Part number must be an integer between 1 and 10000, inclusive', { ArgumentName: 'partNumber', ArgumentValue: value }),
  noSuchUpload: (uploadId: string) =>
    new S3Error(404, 'NoSuchUpload', 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.', {
      UploadId: uploadId,
    }),
  invalidPart: (uploadId: string, partNumber: number, etag: string) =>
    new S3Error(
      400,
      'InvalidPart',
      "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
      { UploadId: uploadId, PartNumber: partNumber, ETag: etag },
    ),
  invalidPartOrder: (uploadId: string) =>
    new S3Error(400, 'InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.', { UploadId: uploadId }),
  entityTooLarge: (proposedSize: number | undefined, maximum: number) =>
    new S3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', { ProposedSize: proposedSize, MaxSizeAllowed: maximum }),
  preconditionFailed: (condition: string) =>
    new S3Error(412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { Condition: condition }),
  notImplementedHeader: (header: string, additionalMessage: string) =>
    new S3Error(501, 'NotImplemented', 'A header you provided implies functionality that is not implemented', { Header: header, additionalMessage }),
  entityTooSmall: (partNumber: number, size: number, minimum: number, etag: string) =>
    new S3Error(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size', {
      ProposedSize: size,
      MinSizeAllowed: minimum,
      PartNumber: partNumber,
      ETag: etag,
    }),
};

/** `2024-05-01T12:00:00Z`, as S3 prints times in its errors. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
