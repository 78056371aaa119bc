import type { DesktopApi } from '../shared/desktop-api.ts'

declare global {
  interface Window {
    /** Installed by the preload script (src/preload/index.ts). */
    readonly api: DesktopApi
  }
}

export {}
