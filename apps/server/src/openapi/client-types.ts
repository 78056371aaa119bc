import openapiTS, { astToString } from 'openapi-typescript'
import type { OpenApiDocument } from './document.ts'

/** Where the committed types live, relative to this package. */
export const CLIENT_TYPES_FILE = 'examples/generated/storra-api.d.ts'

const HEADER = `// Generated from the OpenAPI document by \`npm run openapi:types -w @storra/server\`; do not edit.
// A test fails when this file differs from a fresh generation, so it cannot drift.

`

/** The TypeScript declarations openapi-typescript makes of `document`, for openapi-fetch clients. */
export async function generateClientTypes(document: OpenApiDocument): Promise<string> {
  // openapi-typescript takes the document as plain JSON; a copy keeps ours untouched.
  const ast = await openapiTS(structuredClone(document) as Parameters<typeof openapiTS>[0], { silent: true })
  return HEADER + astToString(ast)
}
