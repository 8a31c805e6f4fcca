import { describe, expect, it } from 'vitest';
import { checkCompletion, MIN_PART_BYTES, parseCompleteRequest } from '#local/emulators/s3-front/multipart/completion.ts';

const UPLOAD = '0123456789abcdef0123456789abcdef';
const uploaded = new Map([
  [1, { etag: '"aaa"', size: MIN_PART_BYTES }],
  [2, { etag: '"bbb"', size: MIN_PART_BYTES }],
  [3, { etag: '"ccc"', size: 10 }],
]);
const xml = (parts: string) => `<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${parts}</CompleteMultipartUpload>`;
const part = (n: number | string, etag: string) => `<Part><ETag>${etag}</ETag><PartNumber>${n}</PartNumber></Part>`;

describe('parseCompleteRequest', () => {
  it('reads the parts the SDK lists, one or many', () => {
    expect(parseCompleteRequest(xml(part(1, '&quot;aaa&quot;')))).toEqual([{ partNumber: 1, etag: '"aaa"' }]);
    expect(parseCompleteRequest(xml(part(1, 'aaa') + part(2, 'bbb')))).toEqual([
      { partNumber: 1, etag: 'aaa' },
      { partNumber: 2, etag: 'bbb' },
    ]);
  });

  it.each(['', 'not xml', xml(''), '<Other/>', xml('<Part><PartNumber>1</PartNumber></Part>'), xml('<Part><ETag>a</ETag>')])(
    'refuses %j with 400 MalformedXML',
    (body) => {
      expect(() => parseCompleteRequest(body)).toThrow(expect.objectContaining({ status: 400, code: 'MalformedXML' }));
    },
  );

  it.each(['0', '10001', '1.5', 'x'])('refuses part number %s with 400 InvalidArgument', (n) => {
    expect(() => parseCompleteRequest(xml(part(n, 'a')))).toThrow(expect.objectContaining({ status: 400, code: 'InvalidArgument' }));
  });
});

describe('checkCompletion', () => {
  it('accepts every uploaded part in order, quoted or not, the last one small', () => {
    expect(() =>
      checkCompletion(
        UPLOAD,
        [
          { partNumber: 1, etag: '"aaa"' },
          { partNumber: 2, etag: 'bbb' },
          { partNumber: 3, etag: '"ccc"' },
        ],
        uploaded,
      ),
    ).not.toThrow();
  });

  it('refuses a part never uploaded, or with another ETag, with 400 InvalidPart naming it', () => {
    expect(() => checkCompletion(UPLOAD, [{ partNumber: 4, etag: '"ddd"' }], uploaded)).toThrow(
      expect.objectContaining({ status: 400, code: 'InvalidPart', details: { UploadId: UPLOAD, PartNumber: 4, ETag: '"ddd"' } }),
    );
    expect(() => checkCompletion(UPLOAD, [{ partNumber: 1, etag: '"bbb"' }], uploaded)).toThrow(expect.objectContaining({ code: 'InvalidPart' }));
  });

  it('refuses parts out of order or repeated with 400 InvalidPartOrder', () => {
    const descending = [
      { partNumber: 2, etag: 'bbb' },
      { partNumber: 1, etag: 'aaa' },
    ];
    const repeated = [
      { partNumber: 1, etag: 'aaa' },
      { partNumber: 1, etag: 'aaa' },
    ];

    expect(() => checkCompletion(UPLOAD, descending, uploaded)).toThrow(expect.objectContaining({ status: 400, code: 'InvalidPartOrder' }));
    expect(() => checkCompletion(UPLOAD, repeated, uploaded)).toThrow(expect.objectContaining({ code: 'InvalidPartOrder' }));
  });

  it('refuses a part under 5 MiB that is not the last with 400 EntityTooSmall', () => {
    const smallInTheMiddle = [
      { partNumber: 1, etag: 'aaa' },
      { partNumber: 3, etag: 'ccc' },
      { partNumber: 4, etag: 'ddd' },
    ];
    const parts = new Map([...uploaded, [4, { etag: '"ddd"', size: 1 }]]);

    expect(() => checkCompletion(UPLOAD, smallInTheMiddle, parts)).toThrow(
      expect.objectContaining({ status: 400, code: 'EntityTooSmall', details: { ProposedSize: 10, MinSizeAllowed: MIN_PART_BYTES, PartNumber: 3, ETag: 'ccc' } }),
    );
  });
});
