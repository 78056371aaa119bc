import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/** The Debian package's Chromium; CHROMIUM_PATH points elsewhere where it lives elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

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

if (!hasChromium) {
  console.warn(
    `\n⚠️  ⚠️  ⚠️  SKIPPING BROWSER TESTS: no Chromium at ${CHROMIUM_PATH}. Install the chromium package or set CHROMIUM_PATH. ⚠️  ⚠️  ⚠️\n`,
  )
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
}
