import type { AdminUser, SessionUser } from '@storra/api'
import type { TrpcCall } from './trpc-call.ts'

// Type-only: the dashboard's own shapes (docs/dashboard-api.md), never a runtime import of the API.
export type { AdminUser, SessionUser }
export type Plan = SessionUser['plan']

export const DEFAULT_SERVER_URL = 'http://localhost:3000'

/** Why a call failed. The renderer picks what to show from the code; the message is for people. */
export type DesktopErrorCode =
  /** Rejected in the main process before any request was made. */
  | 'invalid-input'
  /** The server did not answer, or not like a Storra server. */
  | 'unreachable'
  /** There is no session on this computer: sign in. */
  | 'not-signed-in'
  /** The server no longer accepts the stored session; it has been cleared. */
  | 'session-expired'
  | 'invalid-credentials'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'server-unavailable'
  | 'server-error'
  /** A failure inside the app itself, e.g. the settings file could not be written. */
  | 'app-error'

export interface DesktopError {
  code: DesktopErrorCode
  message: string
}

/** IPC carries results, not exceptions: Electron reduces a thrown error to a prefixed message string. */
export type DesktopResult<T> = { ok: true; value: T } | { ok: false; error: DesktopError }

/** `memory-only` when the OS offers no real encryption, so the session is not written to disk. */
export type SessionPersistence = 'encrypted' | 'memory-only'

export type SessionState = { serverUrl: string; persistence: SessionPersistence } & (
  | { status: 'signed-in'; user: SessionUser }
  | { status: 'signed-out'; expired: boolean }
  /** A session is stored but the server could not confirm it; it is kept for a retry. */
  | { status: 'unreachable'; message: string }
)

interface LoginInput {
  serverUrl: string
  email: string
  password: string
}

interface CopiedSecret {
  /** The clipboard is cleared after this long if it still holds the secret. */
  clearAfterSeconds: number
}

/** What the preload script exposes to the renderer as `window.api`. */
export interface DesktopApi {
  session: {
    /** The remembered server and whether its stored session still works. */
    restore(): Promise<DesktopResult<SessionState>>
    /** On success `serverUrl` is the address as the app will use it (its origin). */
    login(input: LoginInput): Promise<DesktopResult<{ user: SessionUser; serverUrl: string }>>
    /** Ends the session on the server when it can be reached, and always forgets it locally. */
    logout(): Promise<DesktopResult<{ ok: true }>>
  }
  /** Runs one allowlisted dashboard procedure (`apiKeys.list`, `admin.setPlan`...) with the session main holds. */
  call: TrpcCall
  clipboard: {
    /** Copies through the main process, which clears the clipboard later if it still holds the secret. */
    copySecret(input: { text: string }): Promise<DesktopResult<CopiedSecret>>
  }
}
