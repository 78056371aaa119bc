import { contextBridge, ipcRenderer } from 'electron'
import type { IpcInvoke } from '../shared/ipc-contract.ts'
import { buildDesktopApi } from './build-desktop-api.ts'

const invoke: IpcInvoke = (channel, input) => ipcRenderer.invoke(channel, input)

// Only these functions cross the context bridge: no ipcRenderer, no Node, no generic invoke.
contextBridge.exposeInMainWorld('api', buildDesktopApi(invoke))
