import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { openSync, closeSync, readFileSync } from 'node:fs'
import { freePort } from '@storra/server/testing'
import { fileURLToPath } from 'node:url'
import { inheritedChildEnv } from './env.ts'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0

/** `taskset -c <core>` when the machine has it (and more than one core), else nothing. */
export function pinnedCommand(core: number, command: string, args: string[]): [string, string[]] {
  return hasTaskset ? ['taskset', ['-c', String(core), command, ...args]] : [command, args]
}

export const pinning = hasTaskset ? 'server on core 0, load generator on core 1 (taskset)' : 'not pinned (no taskset)'

const running = new Set<ServerProcess>()

/** Stops every server this process started (on an interrupted bench). */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()))
}

export interface ServerProcess {
  url: string
  pid: number
  /** utime + stime of the server process, in seconds. */
  cpuSeconds(): number
  stop(): Promise<void>
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100

function cpuSecondsOf(pid: number): number {
  // Fields after the parenthesised command name; utime and stime are the 14th and 15th overall.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
}

async function waitUntilHealthy(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before it was ready:\n${stderr()}`)
    try {
      const res = await fetch(`${url}/healthz`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`server at ${url} not ready within 60 s:\n${stderr()}`)
}

/**
 * Starts a TypeScript entry point as a pinned child process. `node --import tsx` rather than
 * the tsx CLI, so the pid we read CPU time from is the server itself, not a wrapper.
 */
export async function startServerProcess(
  entry: string,
  env: Record<string, string>,
  options: { core?: number; logFile?: string; /** e.g. ['--cpu-prof'] when profiling */ nodeArgs?: string[] } = {},
): Promise<ServerProcess> {
  const port = await freePort()
  const [command, args] = pinnedCommand(options.core ?? 0, process.execPath, [
    ...(options.nodeArgs ?? []),
    '--import',
    'tsx',
    entry,
  ])
  const logFd = openSync(options.logFile ?? '/dev/null', 'a')
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: { ...inheritedChildEnv(), ...env, PORT: String(port) },
    stdio: ['ignore', logFd, 'pipe'],
  })
  closeSync(logFd)
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000)
  })
  const url = `http://127.0.0.1:${port}`
  try {
    await waitUntilHealthy(url, child, () => stderr)
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const server: ServerProcess = {
    url,
    pid: child.pid!,
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      const forced = setTimeout(() => child.kill('SIGKILL'), 30_000)
      await exited
      clearTimeout(forced)
      running.delete(server)
    },
  }
  running.add(server)
  return server
}
