import fc from 'fast-check'

/** A JSON Schema (Draft 2020-12, OpenAPI 3.1's dialect) as found in the document. */
export type JsonSchema = { [keyword: string]: unknown } | boolean

/** Resolves a local `$ref` such as `#/components/schemas/Plan` inside `root`. */
export function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`)
  return ref
    .slice(2)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root)
}

// Long strings beyond this add nothing but time; a handful reach past the service's own limits.
const LONG_STRING = 400

function stringArbitrary(schema: Record<string, unknown>): fc.Arbitrary<string> {
  if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern))
  if (schema.format === 'uuid') return fc.uuid()
  if (schema.format === 'date-time')
    return fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString())
  if (schema.format === 'email') return fc.emailAddress()
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0
  const maxLength = Math.min(typeof schema.maxLength === 'number' ? schema.maxLength : LONG_STRING, LONG_STRING)
  return fc.oneof(
    { arbitrary: fc.string({ minLength, maxLength: Math.min(maxLength, 24) }), weight: 4 },
    { arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength: Math.min(maxLength, 24) }), weight: 2 },
    { arbitrary: fc.string({ minLength: Math.max(minLength, Math.min(maxLength, 90)), maxLength }), weight: 1 },
  )
}

/**
 * Values that satisfy `schema` (within the keywords this API's document uses: type, enum, const,
 * anyOf/oneOf, properties/required, items/prefixItems, string lengths, pattern and formats),
 * `$ref`s resolved in `root`. Unknown shapes fall back to any JSON value.
 */
function arbitraryFromSchema(schema: JsonSchema, root: unknown): fc.Arbitrary<unknown> {
  if (schema === true) return fc.jsonValue()
  if (schema === false) throw new Error('no value satisfies the schema `false`')
  if (typeof schema.$ref === 'string') return arbitraryFromSchema(resolvePointer(root, schema.$ref) as JsonSchema, root)
  if ('const' in schema) return fc.constant(schema.const)
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]))
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined
  if (alternatives) return fc.oneof(...alternatives.map((s) => arbitraryFromSchema(s, root)))
  if (Array.isArray(schema.type)) {
    return fc.oneof(...(schema.type as string[]).map((type) => arbitraryFromSchema({ ...schema, type }, root)))
  }
  switch (schema.type) {
    case 'string':
      return stringArbitrary(schema)
    case 'integer':
      return fc.integer({
        min: (schema.minimum as number | undefined) ?? -1e6,
        max: (schema.maximum as number | undefined) ?? 1e6,
      })
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array': {
      if (Array.isArray(schema.prefixItems))
        return fc.tuple(...(schema.prefixItems as JsonSchema[]).map((s) => arbitraryFromSchema(s, root)))
      return fc.array(arbitraryFromSchema((schema.items as JsonSchema | undefined) ?? true, root), { maxLength: 4 })
    }
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
      const required = (schema.required ?? []) as string[]
      const record = Object.fromEntries(
        Object.entries(properties).map(([name, s]) => [name, arbitraryFromSchema(s, root)]),
      )
      return fc.record(record, { requiredKeys: required })
    }
    default:
      return fc.jsonValue()
  }
}

/** `count` values of `schema`, reproducible for a given seed. */
export function sampleSchema(schema: JsonSchema, root: unknown, count: number, seed: number): unknown[] {
  return fc.sample(arbitraryFromSchema(schema, root), { numRuns: count, seed })
}

function resolved(schema: JsonSchema, root: unknown): JsonSchema {
  return typeof schema === 'object' && typeof schema.$ref === 'string'
    ? resolved(resolvePointer(root, schema.$ref) as JsonSchema, root)
    : schema
}

/**
 * Bodies that break an object schema one rule at a time, built from a valid `base`: each required
 * property left out, each property of the wrong type, each string one character over its
 * `maxLength`. Objects only; other schemas give none.
 */
export function schemaViolations(
  schema: JsonSchema,
  root: unknown,
  base: Record<string, unknown>,
): Record<string, unknown>[] {
  const object = resolved(schema, root)
  if (typeof object !== 'object' || object.type !== 'object') return []
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>
  const out: Record<string, unknown>[] = []
  for (const name of (object.required ?? []) as string[]) {
    const { [name]: _left, ...rest } = base
    out.push(rest)
  }
  for (const [name, property] of Object.entries(properties)) {
    out.push({ ...base, [name]: 12345 }, { ...base, [name]: { nested: true } }, { ...base, [name]: [name] })
    const string = resolved(property, root)
    const variants = typeof string === 'object' ? [string, ...((string.anyOf ?? []) as JsonSchema[])] : []
    for (const variant of variants) {
      if (typeof variant === 'object' && typeof variant.maxLength === 'number')
        out.push({ ...base, [name]: 'x'.repeat(variant.maxLength + 1) })
    }
  }
  return out
}
