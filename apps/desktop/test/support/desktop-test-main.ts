import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startDesktopMain, type DesktopMain } from '../../src/main/desktop-main.ts'
import { buildDesktopApi } from '../../src/preload/build-desktop-api.ts'
import type { DesktopApi } from '../../src/shared/desktop-api.ts'
import type { SecretEncryption } from '../../src/main/secret-encryption.ts'
import { MemoryClipboard } from './memory-clipboard.ts'

export interface DesktopTestMain extends DesktopMain {
  clipboard: MemoryClipboard
  /** Every URL this instance fetched, to prove what did (not) reach the network. */
  requests: string[]
  stateFile: string
  /** The preload's `window.api`, wired straight to this instance's handlers (no Electron IPC, same checks). */
  api: DesktopApi
}

/**
 * The desktop app's main process as `src/main/index.ts` wires it, minus Electron: the state
 * file in a userData stand-in, AES-GCM instead of safeStorage, a private clipboard.
 */
export async function startTestMain(
  userData: string,
  encryption: SecretEncryption | undefined,
  options: { timeoutMs?: number } = {},
): Promise<DesktopTestMain> {
  const clipboard = new MemoryClipboard()
  const requests: string[] = []
  const stateFile = join(userData, 'session.json')
  const main = await startDesktopMain({
    stateFile,
    encryption,
    clipboard,
    timeoutMs: options.timeoutMs,
    fetch: (input, init) => {
      requests.push(input instanceof Request ? input.url : String(input))
      return fetch(input, init)
    },
  })
  const api = buildDesktopApi((channel, input) => main.handlers[channel](input))
  return { ...main, clipboard, requests, stateFile, api }
}

export function readStateFile(main: DesktopTestMain): { version: number; serverUrl?: string; session?: string } {
  return JSON.parse(readFileSync(main.stateFile, 'utf8'))
}
