import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/** Mode of every directory under an embedded data directory: owner only, as PostgreSQL requires. */
const PRIVATE_DIRECTORY_MODE = 0o700
/** Mode of every file under an embedded data directory: the WAL holds password hashes and emails. */
export const PRIVATE_FILE_MODE = 0o600

/** Creates `dir` (and missing parents) readable by its owner only; an existing `dir` is left to `restrictToOwner`. */
export function makePrivateDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIRECTORY_MODE })
}

/**
 * Walks `dir` and sets directories to 0700 and files to 0600, only where they differ; symbolic
 * links are left alone (their targets are not ours to change). PGlite creates its files 0666
 * whatever the umask, so this runs when the database opens (repairing directories made by
 * older versions too) and when it closes; in between, the 0700 directory keeps others out of
 * files created meanwhile. Throws what `fs` throws, except for entries that vanish mid-walk.
 */
export function restrictToOwner(dir: string): void {
  const walk = (path: string, isDirectory: boolean) => {
    const wanted = isDirectory ? PRIVATE_DIRECTORY_MODE : PRIVATE_FILE_MODE
    try {
      if ((lstatSync(path).mode & 0o7777) !== wanted) chmodSync(path, wanted)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    if (!isDirectory) return
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.isSymbolicLink()) continue
      walk(join(path, entry.name), entry.isDirectory())
    }
  }
  walk(dir, true)
}
