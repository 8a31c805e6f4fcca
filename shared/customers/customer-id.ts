import { randomBytes } from 'node:crypto';

export const MAX_SLUG_LENGTH = 20;
const FALLBACK_SLUG = 'customer';

/**
 * Every id `newCustomerId` can produce, and nothing else: a slug of 1..20
 * characters from [a-z0-9-] that starts and ends with a letter or digit and
 * has no `--`, then `-` and 8 hex digits.
 */
export const CUSTOMER_ID_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?!-)){0,18}[a-z0-9]?-[0-9a-f]{8}$/;

/**
 * The name folded to ASCII (NFKD, combining marks dropped: "Épsilon" →
 * "epsilon", "ﬁ" → "fi"; letters NFKD leaves whole spelled out: "Ħamrun" →
 * "hamrun"), lowercased, every run of characters outside a-z0-9
 * folded to one `-`, trimmed of `-`, cut to 20 characters (and trimmed again,
 * so a cut never leaves a trailing `-`). A name with no Latin letter or digit
 * at all gets `customer`.
 */
export function customerSlug(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(LETTER_WITHOUT_DECOMPOSITION, (letter) => LATIN_LETTERS_WITHOUT_DECOMPOSITION[letter] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = folded.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
  return cut === '' ? FALLBACK_SLUG : cut;
}

/**
 * Latin letters NFKD leaves whole (lower case), spelled as their languages write
 * them in ASCII; the letters with a stroke or bar of Latin Extended-A and -B (and
 * the lower-case forms of their capitals, some outside those blocks: ɨ, ʉ, ⱥ, ⱦ)
 * keep their base letter.
 */
const LATIN_LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ĸ: 'k',
  ŋ: 'ng',
  // With a stroke or bar.
  ⱥ: 'a',
  ƀ: 'b',
  ȼ: 'c',
  đ: 'd',
  ɇ: 'e',
  ǥ: 'g',
  ħ: 'h',
  ɨ: 'i',
  ɉ: 'j',
  ł: 'l',
  ƚ: 'l',
  ɍ: 'r',
  ŧ: 't',
  ⱦ: 't',
  ʉ: 'u',
  ɏ: 'y',
  ƶ: 'z',
};
const LETTER_WITHOUT_DECOMPOSITION = new RegExp(`[${Object.keys(LATIN_LETTERS_WITHOUT_DECOMPOSITION).join('')}]`, 'gu');

export function newCustomerId(name: string, random: () => string = () => randomBytes(4).toString('hex')): string {
  return `${customerSlug(name)}-${random()}`;
}

export function isCustomerId(value: string): boolean {
  return CUSTOMER_ID_PATTERN.test(value);
}
