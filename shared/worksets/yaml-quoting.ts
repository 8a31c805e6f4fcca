import { Document, parse, Schema, visit } from 'yaml';

/** Sequences at column 0 under their key, no line folding: how the portal wrote its YAML. */
export const YAML_FORMAT = { indentSeq: false, lineWidth: 0 } as const;

/**
 * Double-quotes every string, key or value, that a YAML 1.1 reader would not
 * read back as the same string (a sheet column may be named `yes`).
 */
export function quoteAmbiguousStrings(document: Document): void {
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && needsDoubleQuotes(node.value)) {
        node.type = 'QUOTE_DOUBLE';
      }
    },
  });
}

/**
 * The yaml package quotes strings that YAML 1.2 would read as something else,
 * but the files are also read by Python tools, and PyYAML reads YAML 1.1, where
 * `yes`, `on`, `1:20`, `010` or `2026-11-23` written plain are booleans,
 * numbers and dates. Those patterns are YAML 1.1's implicit tags.
 */
const YAML_11_IMPLICIT = new Schema({ schema: 'yaml-1.1' }).tags.flatMap((tag) =>
  tag.default === true && tag.tag !== 'tag:yaml.org,2002:str' && 'test' in tag && tag.test instanceof RegExp
    ? [tag.test]
    : [],
);

function needsDoubleQuotes(text: string): boolean {
  if (text.includes('\n')) return blockScalarChangesIt(text);
  return YAML_11_IMPLICIT.some((pattern) => pattern.test(text));
}

/**
 * yaml 2.9 writes a multi-line string whose first line is only spaces (" \n")
 * as a block scalar without an indentation indicator, which reads back without
 * those spaces; such strings are double-quoted instead.
 */
function blockScalarChangesIt(text: string): boolean {
  try {
    return (parse(new Document({ text }).toString(YAML_FORMAT)) as { text?: unknown }).text !== text;
  } catch {
    return true;
  }
}
