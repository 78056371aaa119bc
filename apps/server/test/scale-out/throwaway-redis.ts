import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createConnection } from 'node:net'
import { freePort } from '../../src/testing.ts'

/** Whether `redis-server` is on PATH (CI installs it; `.ci/run` starts the shared one). */
export const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0

/** Answers PING with PONG within a short wait: the server at `port` is serving. */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(500, () => done(false))
    socket.once('error', () => done(false))
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.once('data', (chunk) => done(chunk.toString().startsWith('+PONG')))
  })
}

export interface ThrowawayRedis {
  url: string
  port: number
  /** Kills the server at once (SIGKILL: an outage, not a shutdown). */
  kill(): Promise<void>
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>
}

/**
 * A Redis of the test's own on a free port, in the foreground as a child of the test process, so
 * an outage can be staged without touching the shared one at 6379 other tests and people use.
 * No persistence; the caller kills it in afterAll.
 */
export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const port = await freePort()
  let child: ChildProcess | undefined
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    })
    const deadline = Date.now() + 10_000
    while (!(await pings(port))) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`redis-server on ${port} did not start`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async kill() {
      const running = child
      if (!running || running.exitCode !== null) return
      const exited = new Promise((resolve) => running.once('exit', resolve))
      running.kill('SIGKILL')
      await exited
    },
    restart: start,
  }
}
