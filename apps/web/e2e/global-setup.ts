import { ensureWebAppBuilt } from './web-app-build.ts'

/** The end-to-end tests drive the production build, as the server serves it. */
export default async function buildWebApp(): Promise<void> {
  await ensureWebAppBuilt()
}
