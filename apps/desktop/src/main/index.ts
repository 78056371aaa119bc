// The Electron shell: everything that needs `electron` lives here and stays thin. The logic
// it wires together (client, session store, IPC handlers) is plain Node, tested without Electron.
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, clipboard, ipcMain, safeStorage, session, shell, type WebFrameMain } from 'electron'
import { IPC_CHANNELS } from '../shared/ipc-contract.ts'
import { startDesktopMain } from './desktop-main.ts'
import { RENDERER_DEV_URL } from './env.ts'
import type { SecretEncryption } from './secret-encryption.ts'

const RENDERER_FILE = fileURLToPath(new URL('../renderer/index.html', import.meta.url))
const PRELOAD_FILE = fileURLToPath(new URL('../preload/index.cjs', import.meta.url))

/** safeStorage, unless it would only pretend: Linux without a keyring uses a hard-coded password. */
function osEncryption(): SecretEncryption | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined
  return {
    encrypt: (plaintext) => safeStorage.encryptString(plaintext),
    decrypt: (ciphertext) => safeStorage.decryptString(ciphertext),
  }
}

function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

/** Links leave the app for the default browser; the app window itself never navigates. */
function openInBrowser(url: string): void {
  if (isWebUrl(url)) void shell.openExternal(url)
}

/** Only our own page may use the IPC channels (not a frame or page that got loaded somehow). */
function isAppFrame(frame: WebFrameMain | null): boolean {
  if (!frame || frame.parent !== null) return false
  const url = new URL(frame.url)
  if (RENDERER_DEV_URL) return url.origin === new URL(RENDERER_DEV_URL).origin
  // Compared as paths: file URLs spell drive letters and special characters in more than one way.
  return url.protocol === 'file:' && relative(fileURLToPath(url), RENDERER_FILE) === ''
}

app.enableSandbox()

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault()
    openInBrowser(url)
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url)
    return { action: 'deny' }
  })
})

function createWindow(): void {
  const window = new BrowserWindow({
    title: 'Storra Keys',
    width: 1100,
    height: 760,
    minWidth: 760,
    minHeight: 520,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: PRELOAD_FILE,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  window.once('ready-to-show', () => window.show())
  if (RENDERER_DEV_URL) void window.loadURL(RENDERER_DEV_URL)
  else void window.loadFile(RENDERER_FILE)
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (window?.isMinimized()) window.restore()
    window?.focus()
  })

  void app.whenReady().then(async () => {
    // The app asks for no permissions (camera, notifications, clipboard reads...): refuse them all.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
    session.defaultSession.setPermissionCheckHandler(() => false)

    const { handlers, secretClipboard } = await startDesktopMain({
      stateFile: join(app.getPath('userData'), 'session.json'),
      encryption: osEncryption(),
      clipboard,
    })
    for (const channel of IPC_CHANNELS) {
      ipcMain.handle(channel, (event, input: unknown) =>
        isAppFrame(event.senderFrame)
          ? handlers[channel](input)
          : { ok: false, error: { code: 'forbidden', message: 'This page may not use the app.' } },
      )
    }
    // A key copied just before quitting must not outlive the app that would have cleared it.
    app.on('will-quit', () => secretClipboard.clearNow())

    createWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
