import { childEnv } from '../src/testing/env.ts'
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const serverDir = fileURLToPath(new URL('..', import.meta.url))

export interface EntryProcess {
  child: ChildProcess
  url: string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Everything written so far (stdout only when `readStdout`). */
  stdout(): string
  stderr(): string
  /** Resolves once /healthz answers; rejects if the process exits first. */
  ready(): Promise<void>
  /** SIGKILLs the process group if it is still running. */
  kill(): void
}

/**
 * The real server entry (`src/index.ts`, what `npm start` runs) in its own process group on
 * 127.0.0.1:`port`, embedded database in `dataDir`. With `readStdout: false` its stdout is
 * a pipe nobody reads. Callers must call `kill()` in a finally block.
 */
export function spawnEntry(options: {
  dataDir: string
  port: number
  env?: Record<string, string>
  readStdout?: boolean
}): EntryProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: serverDir,
    env: childEnv({
      PORT: String(options.port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      STORRA_DATA_DIR: options.dataDir,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      INIT_CWD: serverDir,
      ...options.env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let stdout = ''
  let stderr = ''
  if (options.readStdout !== false) child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const url = `http://127.0.0.1:${options.port}`
  const gone = () => child.exitCode !== null || child.signalCode !== null
  return {
    child,
    url,
    exited,
    stdout: () => stdout,
    stderr: () => stderr,
    async ready() {
      for (;;) {
        if (gone()) throw new Error(`server exited early: ${stderr}`)
        if (
          await fetch(`${url}/healthz`).then(
            (r) => r.ok,
            () => false,
          )
        )
          return
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    },
    kill() {
      try {
        if (!gone()) process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // already gone
      }
    },
  }
}
