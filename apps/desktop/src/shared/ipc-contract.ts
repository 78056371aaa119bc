import type { DesktopApi, DesktopResult } from './desktop-api.ts'
import type { TrpcCallRequest } from './trpc-call.ts'

type Method<
  Group extends 'session' | 'clipboard',
  Name extends keyof DesktopApi[Group],
> = DesktopApi[Group][Name] extends (...args: infer Args) => Promise<infer Result>
  ? { input: Args extends [infer Input] ? Input : undefined; result: Result }
  : never

/**
 * The IPC channels; main validates every input it receives on them. Dashboard procedures all
 * share `trpc:call` (main's allowlist says which may pass); signing in and out have their own
 * because they handle the session cookie, and copying a secret because it never leaves the computer.
 */
interface IpcContract {
  'session:restore': Method<'session', 'restore'>
  'session:login': Method<'session', 'login'>
  'session:logout': Method<'session', 'logout'>
  'trpc:call': { input: TrpcCallRequest; result: DesktopResult<unknown> }
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
  'session:logout': true,
  'trpc:call': true,
  'clipboard:copy-secret': true,
}

export const IPC_CHANNELS = Object.keys(CHANNELS) as IpcChannel[]

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && Object.hasOwn(CHANNELS, value)
}
