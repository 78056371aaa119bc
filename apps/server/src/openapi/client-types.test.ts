import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CLIENT_TYPES_FILE, generateClientTypes } from './client-types.ts'
import { buildOpenApiDocument } from './document.ts'

describe('the committed client types', () => {
  it('are exactly what the current document generates (run `npm run openapi:types -w @storra/server` after changing it)', async () => {
    const committed = readFileSync(fileURLToPath(new URL(`../../${CLIENT_TYPES_FILE}`, import.meta.url)), 'utf8')
    const fresh = await generateClientTypes(buildOpenApiDocument())
    expect(fresh).toContain('"/api/v1/client/users/me"')
    expect(committed).toBe(fresh)
  })
})
