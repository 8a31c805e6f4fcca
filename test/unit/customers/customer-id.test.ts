import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketNameProblems } from '#shared/customers/bucket-name.ts';
import { CUSTOMER_ID_PATTERN, customerSlug, newCustomerId } from '#shared/customers/customer-id.ts';
import { customerBucketName, customerStackName, MAX_BUCKET_PREFIX_LENGTH } from '#shared/customers/template-contract.ts';

describe('customerSlug', () => {
  it.each([
    ['Acme Genomics', 'acme-genomics'],
    ['  --Acme__Genomics!!  ', 'acme-genomics'],
    ['ACME', 'acme'],
    ['Dr. Smith & Sons, Ltd.', 'dr-smith-sons-ltd'],
    // Accented letters keep their base letter (NFKD, combining marks dropped).
    ['Génomique', 'genomique'],
    ['Épsilon Ünïcode & Co', 'epsilon-unicode-co'],
    ['ﬁne Straße Øst Łód', 'fine-strasse-ost-lod'],
    ['Ærø Œuvre', 'aero-oeuvre'],
    ['株式会社', 'customer'],
    ['!!!', 'customer'],
    ['', 'customer'],
    // Cut at 20 characters, then the trailing '-' the cut left is trimmed.
    ['abcdefghijklmnopqrs tuvwxyz', 'abcdefghijklmnopqrs'],
    ['International Consortium For Human Genomes', 'international-consor'],
  ])('%j → %j', (name, slug) => {
    expect(customerSlug(name)).toBe(slug);
  });
});

describe('customerSlug, letters NFKD leaves whole', () => {
  it.each([
    ['Ħamrun Spartans', 'hamrun-spartans'],
    ['Ŋaanyatjarra', 'ngaanyatjarra'],
    ['Ŧrondheim', 'trondheim'],
    ['ĸangerlussuaq', 'kangerlussuaq'],
  ])('%j → %j', (name, slug) => {
    expect(customerSlug(name)).toBe(slug);
  });

  it.each([
    ['Ⱥⱥ', 'aa'],
    ['Ƀƀ', 'bb'],
    ['Ȼȼ', 'cc'],
    ['Đđ', 'dd'],
    ['Ɇɇ', 'ee'],
    ['Ǥǥ', 'gg'],
    ['Ħħ', 'hh'],
    ['Ɨɨ', 'ii'],
    ['Ɉɉ', 'jj'],
    ['Łł', 'll'],
    ['Ƚƚ', 'll'],
    ['Ǿǿ', 'oo'],
    ['Ɍɍ', 'rr'],
    ['Ŧŧ', 'tt'],
    ['Ⱦⱦ', 'tt'],
    ['Ʉʉ', 'uu'],
    ['Ɏɏ', 'yy'],
    ['Ƶƶ', 'zz'],
  ])('a letter with a stroke or bar keeps its base letter: %j → %j', (letters, slug) => {
    expect(customerSlug(letters)).toBe(slug);
  });

  it('keeps a letter for every letter of Latin-1 Supplement and Latin Extended-A', () => {
    const letters = Array.from({ length: 0x180 - 0xc0 }, (_, i) => String.fromCodePoint(0xc0 + i)).filter((c) => /\p{L}/u.test(c));

    const vanished = letters.filter((letter) => !/^[a-z]/.test(customerSlug(`${letter}1`)));

    expect(letters.length).toBeGreaterThan(150);
    expect(vanished).toEqual([]);
  });
});

describe('newCustomerId', () => {
  it('appends 8 hex digits of randomness', () => {
    expect(newCustomerId('Acme Genomics', () => 'a1b2c3d4')).toBe('acme-genomics-a1b2c3d4');
    expect(newCustomerId('Acme')).toMatch(/^acme-[0-9a-f]{8}$/);
  });

  it('yields, for any name, an id the pattern accepts, a valid stack name and a valid bucket name', () => {
    const prefix = 'p'.repeat(MAX_BUCKET_PREFIX_LENGTH);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.stringMatching(/^[0-9a-f]{8}$/), (name, hex) => {
        const id = newCustomerId(name, () => hex);
        expect(id).toMatch(CUSTOMER_ID_PATTERN);
        expect(customerStackName(id)).toMatch(/^[a-zA-Z][-a-zA-Z0-9]{0,127}$/);
        expect(bucketNameProblems(customerBucketName(prefix, id))).toEqual([]);
        expect(bucketNameProblems(customerBucketName('portico-123456789012', id))).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('the pattern refuses ids the generator cannot produce', () => {
    for (const bad of ['-acme-a1b2c3d4', 'acme--x-a1b2c3d4', 'acme-', 'acme-A1B2C3D4', 'Acme-a1b2c3d4', `${'a'.repeat(21)}-a1b2c3d4`, 'acme-a1b2c3d']) {
      expect(bad).not.toMatch(CUSTOMER_ID_PATTERN);
    }
  });
});

describe('bucketNameProblems', () => {
  it.each([
    ['ab', 'must be 3-63 characters'],
    ['Upper-case', 'may contain only lowercase letters, digits, dots and hyphens'],
    ['-leading', 'must begin and end with a letter or digit'],
    ['a..b', 'must not contain two adjacent dots'],
    ['192.168.1.1', 'must not look like an IP address'],
    ['xn--bucket', 'must not start with xn--'],
    ['bucket-s3alias', 'must not end with -s3alias'],
  ])('%s breaks "%s"', (name, rule) => {
    expect(bucketNameProblems(name)).toContain(rule);
  });
});
