import type { DesktopApi } from '../shared/desktop-api.ts'
import type { IpcInvoke } from '../shared/ipc-contract.ts'

/**
 * `window.api`: one function per IPC channel and nothing else, so the renderer can only ask
 * the main process for these operations. Kept free of Electron so the renderer tests can
 * install the very same object over their own bridge.
 */
export function buildDesktopApi(invoke: IpcInvoke): DesktopApi {
  return {
    session: {
      restore: () => invoke('session:restore', undefined),
      login: (input) => invoke('session:login', input),
      me: () => invoke('session:me', undefined),
      logout: () => invoke('session:logout', undefined),
    },
    keys: {
      list: () => invoke('keys:list', undefined),
      create: (input) => invoke('keys:create', input),
      revoke: (input) => invoke('keys:revoke', input),
    },
    admin: {
      listUsers: (input) => invoke('admin:list-users', input),
      setPlan: (input) => invoke('admin:set-plan', input),
      listKeys: (input) => invoke('admin:list-keys', input),
      revokeKey: (input) => invoke('admin:revoke-key', input),
    },
    clipboard: {
      copySecret: (input) => invoke('clipboard:copy-secret', input),
    },
  }
}
