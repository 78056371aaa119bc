import { createIpcHandlers, type IpcHandlers } from './ipc-handlers.ts'
import { SecretClipboard, type TextClipboard } from './secret-clipboard.ts'
import type { SecretEncryption } from './secret-encryption.ts'
import { SessionStore } from './session-store.ts'
import { StorraConnection } from './storra-connection.ts'

export interface DesktopMainOptions {
  /** Where the server and the encrypted session are remembered (in the app's userData folder). */
  stateFile: string
  encryption: SecretEncryption | undefined
  clipboard: TextClipboard
  fetch?: typeof globalThis.fetch
  timeoutMs?: number
}

export interface DesktopMain {
  connection: StorraConnection
  secretClipboard: SecretClipboard
  /** What the IPC channels run: the Electron shell registers them, the renderer tests bridge to them. */
  handlers: IpcHandlers
}

/** Everything the main process does besides Electron itself, wired the same way for the app and its tests. */
export async function startDesktopMain(options: DesktopMainOptions): Promise<DesktopMain> {
  const store = new SessionStore({ file: options.stateFile, encryption: options.encryption })
  const connection = await StorraConnection.open({ store, fetch: options.fetch, timeoutMs: options.timeoutMs })
  const secretClipboard = new SecretClipboard(options.clipboard)
  return { connection, secretClipboard, handlers: createIpcHandlers(connection, secretClipboard) }
}
