import type { z } from 'zod'
import type { DesktopResult } from '../shared/desktop-api.ts'
import type { IpcChannel, IpcResult } from '../shared/ipc-contract.ts'
import { getUntypedClient } from '@trpc/client'
import { copySecretInput, loginInput, noInput, trpcCallRequest } from './ipc-inputs.ts'
import type { SecretClipboard } from './secret-clipboard.ts'
import type { StorraConnection } from './storra-connection.ts'
import { isAllowedProcedure, TRPC_ALLOWLIST } from './trpc-allowlist.ts'

/** What main runs for each channel. Inputs are `unknown`: they come from the renderer. */
export type IpcHandlers = { [C in IpcChannel]: (input: unknown) => Promise<IpcResult<C>> }

function invalidInput(error: z.ZodError): DesktopResult<never> {
  const issue = error.issues[0]
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
  return { ok: false, error: { code: 'invalid-input', message: `${where}${issue?.message ?? 'Invalid input.'}` } }
}

/** Parses the raw input; the handler only ever sees input that passed. */
function validated<Schema extends z.ZodType, T>(
  schema: Schema,
  handle: (input: z.output<Schema>) => Promise<DesktopResult<T>>,
): (input: unknown) => Promise<DesktopResult<T>> {
  return async (input) => {
    const parsed = schema.safeParse(input)
    if (!parsed.success) return invalidInput(parsed.error)
    try {
      return await handle(parsed.data)
    } catch {
      // Nothing may escape as an exception: Electron would hand the renderer a mangled string.
      return { ok: false, error: { code: 'app-error', message: 'Something went wrong inside the app. Try again.' } }
    }
  }
}

const NOT_ALLOWED: DesktopResult<never> = {
  ok: false,
  error: { code: 'invalid-input', message: 'The app does not offer that operation.' },
}

/**
 * `trpc:call`: an allowlisted procedure, its input checked against the allowlist's schema (so
 * error paths name the input's own fields), then sent with the session cookie main holds.
 */
function trpcCall(connection: StorraConnection) {
  return validated(trpcCallRequest, async ({ path, input }) => {
    if (!isAllowedProcedure(path)) return NOT_ALLOWED
    const procedure = TRPC_ALLOWLIST[path]
    const parsed = procedure.input.safeParse(input)
    if (!parsed.success) return invalidInput(parsed.error)
    return connection.call((client) => {
      const untyped = getUntypedClient(client)
      return procedure.type === 'query' ? untyped.query(path, parsed.data) : untyped.mutation(path, parsed.data)
    })
  })
}

export function createIpcHandlers(connection: StorraConnection, clipboard: SecretClipboard): IpcHandlers {
  return {
    'session:restore': validated(noInput, async () => ({ ok: true, value: await connection.restore() })),
    'session:login': validated(loginInput, (credentials) => connection.login(credentials)),
    'session:logout': validated(noInput, () => connection.logout()),
    'trpc:call': trpcCall(connection),

    'clipboard:copy-secret': validated(copySecretInput, ({ text }) => {
      clipboard.copy(text)
      return Promise.resolve({ ok: true, value: { clearAfterSeconds: clipboard.lifetimeMs / 1000 } })
    }),
  }
}
