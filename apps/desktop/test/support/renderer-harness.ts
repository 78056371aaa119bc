import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { build, preview, type PreviewServer, type Rollup } from 'vite'
import { rendererConfig } from '../../electron.vite.config.ts'
import { isIpcChannel } from '../../src/shared/ipc-contract.ts'
import type { DesktopTestMain } from './desktop-test-main.ts'

const RENDERER_ROOT = fileURLToPath(new URL('../../src/renderer', import.meta.url))
const BRIDGE_ENTRY = fileURLToPath(new URL('./test-bridge-entry.ts', import.meta.url))

function firstOutput(result: Awaited<ReturnType<typeof build>>): Rollup.OutputChunk {
  const output = (Array.isArray(result) ? result[0] : result) as Rollup.RollupOutput
  return output.output[0]
}

/**
 * The renderer as the app ships it: built by Vite with the app's renderer config (CSP and
 * all), served over loopback HTTP because Chromium refuses ES modules from file:// pages.
 */
export async function serveBuiltRenderer(outDir: string): Promise<PreviewServer> {
  await build({
    ...rendererConfig,
    configFile: false,
    root: RENDERER_ROOT,
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, minify: false },
  })
  return preview({
    configFile: false,
    root: RENDERER_ROOT,
    base: './',
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  })
}

export function previewUrl(server: PreviewServer): string {
  const address = server.httpServer.address()
  if (address === null || typeof address === 'string') throw new Error('preview server is not listening')
  return `http://127.0.0.1:${address.port}/`
}

/** The preload's `window.api` builder, bundled as a classic script for `addInitScript`. */
export async function bundleTestBridge(outDir: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: join(outDir, 'bridge'),
      write: false,
      minify: false,
      lib: { entry: BRIDGE_ENTRY, formats: ['iife'], name: 'storraTestBridge' },
    },
  })
  return firstOutput(result).code
}

export interface AppPage {
  page: Page
  /** Console errors, uncaught exceptions and CSP violations seen so far. */
  problems: string[]
  /** Every answer main gave the page over IPC, as JSON: what a compromised renderer could have read. */
  answers: string[]
  close(): Promise<void>
}

/** Opens the renderer in a fresh browser context whose `window.api` reaches this test's main process. */
export async function openApp(browser: Browser, url: string, bridge: string, main: DesktopTestMain): Promise<AppPage> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${message.text()} (${message.location().url})`)
  })
  page.on('pageerror', (error) => problems.push(error.message))
  const answers: string[] = []
  await page.exposeFunction('storraTestIpc', async (channel: unknown, input: unknown) => {
    const answer = isIpcChannel(channel)
      ? await main.handlers[channel](input)
      : { ok: false, error: { code: 'invalid-input', message: 'Unknown channel.' } }
    answers.push(JSON.stringify(answer))
    return answer
  })
  await page.addInitScript({ content: bridge })
  await page.goto(url)
  return { page, problems, answers, close: () => context.close() }
}
