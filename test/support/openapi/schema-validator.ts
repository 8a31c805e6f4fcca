import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const DOCUMENT_ID = 'https://portico.invalid/openapi.json';

/** A JSON pointer token: `/` and `~` escaped. */
export function pointerToken(value: string): string {
  return value.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * Validates values against the schemas of an OpenAPI 3.1 document (JSON
 * Schema 2020-12 with `$ref`s into `#/components/schemas`), by JSON pointer.
 */
export class DocumentSchemas {
  // Not strict: the document's own members (paths, parameters...) are not JSON Schema keywords.
  private readonly ajv = new Ajv2020({ allErrors: true, strict: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: Record<string, unknown>) {
    addFormats.default(this.ajv);
    this.ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  }

  /** The errors of `value` against the schema at `pointer` (`/paths/~1me/get/...`); empty when it is valid. */
  errorsOf(pointer: string, value: unknown): string[] {
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}#${pointer}` });
      this.compiled.set(pointer, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }
}
