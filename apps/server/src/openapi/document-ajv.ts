import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { OpenApiDocument } from './document.ts'

const DOCUMENT_ID = 'urn:storra:openapi'

/** Escapes one JSON Pointer segment (RFC 6901). */
function pointerSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1')
}

/**
 * Validates values against schemas inside an OpenAPI 3.1 document with ajv (JSON Schema Draft
 * 2020-12, OpenAPI 3.1's dialect), `$ref`s resolved within the document. Test tooling.
 */
export class DocumentValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true })
  private readonly compiled = new Map<string, ValidateFunction>()

  constructor(readonly document: OpenApiDocument) {
    addFormats(this.ajv)
    this.ajv.addSchema({ ...document, $id: DOCUMENT_ID })
  }

  /** The validator of the schema at `path` (segments from the document root, unescaped). */
  at(path: readonly string[]): ValidateFunction {
    const pointer = '#/' + path.map(pointerSegment).join('/')
    let validate = this.compiled.get(pointer)
    if (!validate) {
      validate = this.ajv.compile({ $ref: DOCUMENT_ID + pointer })
      this.compiled.set(pointer, validate)
    }
    return validate
  }

  /** Null when `value` matches the schema at `path`, else ajv's errors as one line. */
  check(path: readonly string[], value: unknown): string | null {
    const validate = this.at(path)
    return validate(value) ? null : this.ajv.errorsText(validate.errors)
  }
}
