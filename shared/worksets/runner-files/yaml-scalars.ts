import { stringify } from 'yaml';

/** `text` as one YAML double-quoted scalar, escapes included (line breaks, control characters). */
export function doubleQuoted(text: string): string {
  return stringify(text, { defaultStringType: 'QUOTE_DOUBLE', lineWidth: 0 }).trimEnd();
}
