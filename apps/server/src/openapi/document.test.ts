import { Validator } from '@seriousme/openapi-schema-validator'
import { CREATED_KEY_FIELDS } from '../testing.ts'
import { describe, expect, it } from 'vitest'
import { INVALID_API_KEY_BODY, MISSING_API_KEY_BODY, PRO_REQUIRED_BODY } from '@storra/core'
import { buildOpenApiDocument, OPENAPI_PATH } from './document.ts'
import { DocumentValidator } from './document-ajv.ts'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

function operations(document: Json): { path: string; method: string; operation: Json }[] {
  return Object.entries(document.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, operation]) => ({ path, method, operation: operation as Json })),
  )
}

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument() as Json

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator()
    const result = await validator.validate(structuredClone(document))
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('is pure: every build is the same', () => {
    expect(buildOpenApiDocument()).toEqual(document)
  })

  it('has unique operation ids and a response for every operation', () => {
    const ops = operations(document)
    expect(ops.length).toBeGreaterThan(20)
    const ids = ops.map((o) => o.operation.operationId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const { operation } of ops) expect(Object.keys(operation.responses).length).toBeGreaterThan(0)
  })

  it('documents the published paths, security schemes and statuses', () => {
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/client/users/me',
        '/api/v1/dashboard/login',
        '/api/v1/dashboard/users/me/api-keys',
        '/api/v1/dashboard/users/me/api-keys/{prefix}',
        '/healthz',
        '/readyz',
        OPENAPI_PATH,
      ]),
    )
    expect(document.components.securitySchemes).toEqual({
      ApiKeyHeader: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-API-Key' }),
      SessionCookie: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'storra_session' }),
    })
    const client = document.paths['/api/v1/client/users/me']
    expect(Object.keys(client.get.responses).sort()).toEqual(['200', '401', '403', '429', '503'])
    expect(client.get.responses['429'].headers['Retry-After'].required).toBe(true)
    expect(client.post.responses['405'].headers.Allow.schema.examples).toEqual(['GET, HEAD'])
    const create = document.paths['/api/v1/dashboard/users/me/api-keys'].post
    expect(Object.keys(create.responses).sort()).toEqual(['200', '400', '401', '403', '409', '413', '415', '503'])
    expect(create.security).toEqual([{ SessionCookie: [] }])
  })

  it('shows the key in the published field order', () => {
    expect(Object.keys(document.components.schemas.CreatedApiKey.properties)).toEqual(CREATED_KEY_FIELDS)
    expect(Object.keys(document.components.schemas.ApiKeySummary.properties).slice(0, 5)).toEqual([
      'id',
      'prefix',
      'label',
      'created_at',
      'last_used',
    ])
  })

  it('carries the published client API error bodies as examples', () => {
    const client = document.paths['/api/v1/client/users/me'].get.responses
    const json = (status: string) => client[status].content['application/json'].examples
    expect(json('401').missing.value).toEqual(MISSING_API_KEY_BODY)
    expect(json('401').invalid.value).toEqual(INVALID_API_KEY_BODY)
    expect(json('403').proRequired.value).toEqual(PRO_REQUIRED_BODY)
    expect(json('403').ipNotAllowed.value).toEqual({ detail: 'This API key cannot be used from your IP address.' })
  })

  it('has every example match the schema it illustrates', () => {
    const validator = new DocumentValidator(document as never)
    let checked = 0
    for (const { path, method, operation } of operations(document)) {
      for (const [status, response] of Object.entries(operation.responses as Json)) {
        for (const [type, media] of Object.entries((response.content ?? {}) as Json)) {
          for (const [name, example] of Object.entries((media.examples ?? {}) as Json)) {
            const where = ['paths', path, method, 'responses', status, 'content', type, 'schema']
            expect(validator.check(where, example.value), `${method} ${path} ${status} ${name}`).toBeNull()
            checked++
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(30)
  })

  it('refuses a body that differs from the schema (the checks can fail)', () => {
    const validator = new DocumentValidator(document as never)
    expect(validator.check(['components', 'schemas', 'ClientError'], { detail: 'x', extra: 1 })).not.toBeNull()
    expect(validator.check(['components', 'schemas', 'MissingApiKeyError'], INVALID_API_KEY_BODY)).not.toBeNull()
  })
})
