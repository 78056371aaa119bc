// `npm run openapi:types`: regenerates the committed client types from the current document.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { CLIENT_TYPES_FILE, generateClientTypes } from './client-types.ts'
import { buildOpenApiDocument } from './document.ts'

const target = fileURLToPath(new URL(`../../${CLIENT_TYPES_FILE}`, import.meta.url))
writeFileSync(target, await generateClientTypes(buildOpenApiDocument()))
console.log(`wrote ${target}`)
