// Bundled into an init script for the renderer tests: installs the preload's own `window.api`,
// with IPC replaced by a function the test exposes (page.exposeFunction), which runs the
// real main-process handlers in the test process.
import { buildDesktopApi } from '../../src/preload/build-desktop-api.ts'
import type { IpcInvoke } from '../../src/shared/ipc-contract.ts'

declare const storraTestIpc: (channel: string, input: unknown) => Promise<never>

const invoke: IpcInvoke = (channel, input) => storraTestIpc(channel, input)
Object.defineProperty(globalThis, 'api', { value: Object.freeze(buildDesktopApi(invoke)) })
