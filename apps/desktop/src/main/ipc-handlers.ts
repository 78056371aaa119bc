import type { z } from 'zod'
import type { DesktopResult } from '../shared/desktop-api.ts'
import type { IpcChannel, IpcResult } from '../shared/ipc-contract.ts'
import {
  copySecretInput,
  createKeyInput,
  listUserKeysInput,
  listUsersInput,
  loginInput,
  noInput,
  revokeKeyInput,
  revokeUserKeyInput,
  setPlanInput,
} from './ipc-inputs.ts'
import type { SecretClipboard } from './secret-clipboard.ts'
import type { StorraConnection } from './storra-connection.ts'

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

export function createIpcHandlers(connection: StorraConnection, clipboard: SecretClipboard): IpcHandlers {
  return {
    'session:restore': validated(noInput, async () => ({ ok: true, value: await connection.restore() })),
    'session:login': validated(loginInput, (credentials) => connection.login(credentials)),
    'session:me': validated(noInput, () => connection.call((client) => client.auth.me.query())),
    'session:logout': validated(noInput, () => connection.logout()),

    'keys:list': validated(noInput, () => connection.call((client) => client.apiKeys.list.query())),
    'keys:create': validated(createKeyInput, (input) =>
      connection.call((client) => client.apiKeys.create.mutate(input)),
    ),
    'keys:revoke': validated(revokeKeyInput, (input) =>
      connection.call((client) => client.apiKeys.revoke.mutate(input)),
    ),

    'admin:list-users': validated(listUsersInput, (input) =>
      connection.call((client) => client.admin.listUsers.query(input)),
    ),
    'admin:set-plan': validated(setPlanInput, (input) =>
      connection.call((client) => client.admin.setPlan.mutate(input)),
    ),
    'admin:list-keys': validated(listUserKeysInput, (input) =>
      connection.call((client) => client.admin.listKeys.query(input)),
    ),
    'admin:revoke-key': validated(revokeUserKeyInput, (input) =>
      connection.call((client) => client.admin.revokeKey.mutate(input)),
    ),

    'clipboard:copy-secret': validated(copySecretInput, ({ text }) => {
      clipboard.copy(text)
      return Promise.resolve({ ok: true, value: { clearAfterSeconds: clipboard.lifetimeMs / 1000 } })
    }),
  }
}
