import type { DesktopApi } from './desktop-api.ts'

type Method<Group extends keyof DesktopApi, Name extends keyof DesktopApi[Group]> = DesktopApi[Group][Name] extends (
  ...args: infer Args
) => Promise<infer Result>
  ? { input: Args extends [infer Input] ? Input : undefined; result: Result }
  : never

/** One IPC channel per `window.api` method; main validates every input it receives on them. */
interface IpcContract {
  'session:restore': Method<'session', 'restore'>
  'session:login': Method<'session', 'login'>
  'session:me': Method<'session', 'me'>
  'session:logout': Method<'session', 'logout'>
  'keys:list': Method<'keys', 'list'>
  'keys:create': Method<'keys', 'create'>
  'keys:revoke': Method<'keys', 'revoke'>
  'admin:list-users': Method<'admin', 'listUsers'>
  'admin:set-plan': Method<'admin', 'setPlan'>
  'admin:list-keys': Method<'admin', 'listKeys'>
  'admin:revoke-key': Method<'admin', 'revokeKey'>
  'clipboard:copy-secret': Method<'clipboard', 'copySecret'>
}

export type IpcChannel = keyof IpcContract
type IpcInput<C extends IpcChannel> = IpcContract[C]['input']
export type IpcResult<C extends IpcChannel> = IpcContract[C]['result']

/** Sends one call to the main process: `ipcRenderer.invoke` in the app, a test bridge in the renderer tests. */
export type IpcInvoke = <C extends IpcChannel>(channel: C, input: IpcInput<C>) => Promise<IpcResult<C>>

const CHANNELS: Record<IpcChannel, true> = {
  'session:restore': true,
  'session:login': true,
  'session:me': true,
  'session:logout': true,
  'keys:list': true,
  'keys:create': true,
  'keys:revoke': true,
  'admin:list-users': true,
  'admin:set-plan': true,
  'admin:list-keys': true,
  'admin:revoke-key': true,
  'clipboard:copy-secret': true,
}

export const IPC_CHANNELS = Object.keys(CHANNELS) as IpcChannel[]

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && Object.hasOwn(CHANNELS, value)
}
