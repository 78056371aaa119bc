import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

import { CHROMIUM_PATH } from './testing/env.ts'

export { CHROMIUM_PATH }

// Without the networking switches Chromium keeps dialling out, and this network refuses it.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export const hasChromium = existsSync(CHROMIUM_PATH)

/** Browser suites call this once: they skip, loudly, only when there is no Chromium at all. */
export function warnIfNoChromium(suite: string): void {
  if (hasChromium) return
  console.warn(
    `\n⚠️  ⚠️  ⚠️  SKIPPING ${suite}: no Chromium at ${CHROMIUM_PATH}. Install the chromium package or set CHROMIUM_PATH. ⚠️  ⚠️  ⚠️\n`,
  )
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
}
