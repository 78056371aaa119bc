import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh directory standing in for Electron's userData folder. */
export function temporaryDirectory(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'storra-desktop-'))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}
