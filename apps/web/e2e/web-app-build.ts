import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { withNodeEnv } from './env.ts'

export const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url))
export const WEB_DIST_DIR = join(WEB_ROOT, 'dist')
const UI_SOURCE_DIR = fileURLToPath(new URL('../../../packages/ui/src', import.meta.url))

// What the production build is made of: the app, its config, and the shared components.
const BUILD_INPUTS = [
  join(WEB_ROOT, 'src'),
  join(WEB_ROOT, 'public'),
  join(WEB_ROOT, 'index.html'),
  join(WEB_ROOT, 'vite.config.ts'),
  join(WEB_ROOT, 'package.json'),
  UI_SOURCE_DIR,
]

// Tests sit beside the sources but are not part of the bundle; editing them needs no rebuild.
const isTestOnly = (name: string) => name === 'test' || /\.test\.tsx?$/.test(name)

function newestModification(path: string): number {
  if (!existsSync(path)) return 0
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = stats.mtimeMs
  for (const entry of readdirSync(path)) {
    if (!isTestOnly(entry)) newest = Math.max(newest, newestModification(join(path, entry)))
  }
  return newest
}

function isWebAppBuildCurrent(): boolean {
  const index = join(WEB_DIST_DIR, 'index.html')
  if (!existsSync(index)) return false
  const builtAt = statSync(index).mtimeMs
  return BUILD_INPUTS.every((input) => newestModification(input) <= builtAt)
}

/** Builds apps/web/dist with Vite unless it is already newer than everything it is built from. */
export async function ensureWebAppBuilt(): Promise<void> {
  if (isWebAppBuildCurrent()) return
  const { build } = await import('vite')
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  await withNodeEnv('production', () =>
    build({ root: WEB_ROOT, configFile: join(WEB_ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'warn' }),
  )
}
