import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'
import type { SessionPersistence } from '../shared/desktop-api.ts'
import type { StoredCookie } from './cookie-jar.ts'
import type { SecretEncryption } from './secret-encryption.ts'

export interface SavedState {
  /** The server last signed in to; remembered even without a session. */
  serverUrl?: string
  /** The session cookies for `serverUrl`; empty when signed out. */
  cookies: StoredCookie[]
}

const storedCookie = z.object({
  name: z.string(),
  value: z.string(),
  expiresAt: z.number().optional(),
})

const stateFile = z.object({
  version: z.literal(1),
  serverUrl: z.string().optional(),
  /** base64 of the encrypted {@link sealedSession}. */
  session: z.string().optional(),
})

// The server is sealed in with the cookies: editing the plain `serverUrl` in the file must not
// make the app send the session to a different host.
const sealedSession = z.object({ serverUrl: z.string(), cookies: z.array(storedCookie) })

export interface SessionStoreOptions {
  /** The JSON file, in the app's userData folder. */
  file: string
  /** Without it the session lives in memory only and is never written to disk. */
  encryption: SecretEncryption | undefined
}

/**
 * The app's remembered server and session on disk. The server address is plain text; the
 * session cookies are encrypted, and written only when real encryption is available.
 */
export class SessionStore {
  private writing: Promise<void> = Promise.resolve()

  constructor(private readonly options: SessionStoreOptions) {}

  get persistence(): SessionPersistence {
    return this.options.encryption ? 'encrypted' : 'memory-only'
  }

  /** What was saved; a missing, unreadable or foreign file reads as nothing saved. */
  async load(): Promise<SavedState> {
    let file: z.infer<typeof stateFile>
    try {
      file = stateFile.parse(JSON.parse(await readFile(this.options.file, 'utf8')))
    } catch {
      return { cookies: [] }
    }
    return { serverUrl: file.serverUrl, cookies: this.unseal(file) }
  }

  /** Replaces what is saved. Writes are queued, so the last call always wins. */
  save(state: SavedState): Promise<void> {
    const write = this.writing.then(() => this.write(state))
    // A failed write must not wedge the ones after it.
    this.writing = write.catch(() => {})
    return write
  }

  private unseal(file: z.infer<typeof stateFile>): StoredCookie[] {
    const encryption = this.options.encryption
    if (!encryption || !file.session || !file.serverUrl) return []
    try {
      const sealed = sealedSession.parse(JSON.parse(encryption.decrypt(Buffer.from(file.session, 'base64'))))
      return sealed.serverUrl === file.serverUrl ? sealed.cookies : []
    } catch {
      // Encrypted under another key (a new OS profile, a reset keychain) or altered: sign in again.
      return []
    }
  }

  private async write({ serverUrl, cookies }: SavedState): Promise<void> {
    const encryption = this.options.encryption
    const session =
      encryption && serverUrl && cookies.length > 0
        ? encryption.encrypt(JSON.stringify({ serverUrl, cookies })).toString('base64')
        : undefined
    const contents: z.infer<typeof stateFile> = { version: 1, serverUrl, session }
    await mkdir(dirname(this.options.file), { recursive: true })
    // Write-then-rename: a crash mid-write leaves the old file, never a torn one.
    const temporary = `${this.options.file}.${process.pid}.tmp`
    await writeFile(temporary, `${JSON.stringify(contents, null, 2)}\n`, { mode: 0o600 })
    await rename(temporary, this.options.file)
  }
}
