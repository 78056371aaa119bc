import type { DesktopApi } from '../shared/desktop-api.ts'
import type { IpcInvoke } from '../shared/ipc-contract.ts'
import type { TrpcCall } from '../shared/trpc-call.ts'

/**
 * `window.api`: one function per IPC channel and nothing else, so the renderer can only ask
 * the main process for these operations. Kept free of Electron so the renderer tests can
 * install the very same object over their own bridge.
 */
export function buildDesktopApi(invoke: IpcInvoke): DesktopApi {
  // Typed from AppRouter for the renderer; main checks the path and input whatever the types said.
  const call = ((path: string, input?: unknown) =>
    invoke('trpc:call', input === undefined ? { path } : { path, input })) as TrpcCall
  return {
    session: {
      restore: () => invoke('session:restore', undefined),
      login: (input) => invoke('session:login', input),
      logout: () => invoke('session:logout', undefined),
    },
    call,
    clipboard: {
      copySecret: (input) => invoke('clipboard:copy-secret', input),
    },
  }
}
