export * from './error-schemas.ts'
export * from './view-schemas.ts'
