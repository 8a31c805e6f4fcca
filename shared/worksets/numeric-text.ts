/**
 * A number written as text, as the portal's forms sent every field (`"30"`,
 * `"0.01"`, `"1e3"`): optional sign, digits with an optional fraction, optional
 * exponent. No spaces, hex, `Infinity` or empty text.
 */
export const NUMERIC_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number `text` writes, or undefined when it is not numeric text. */
export function numberFromText(text: string): number | undefined {
  if (!NUMERIC_TEXT.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
