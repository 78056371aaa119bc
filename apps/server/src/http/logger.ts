import pino, { type Logger } from 'pino'
import { redactApiKeys } from '@storra/core'
import { serializeErrorWithoutSql } from './error-serializer.ts'

// Belt and braces: request serializers below never include headers or bodies, and these
// paths are censored should anything ever log them.
const REDACTED_PATHS = [
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.key',
  '*.keyHash',
  'password',
  'key',
]

/** How long a log line may wait in the buffer when traffic is light. */
const LOG_FLUSH_INTERVAL_MS = 200

/**
 * Lines kept while standard output does not take them (a stalled or absent reader); beyond
 * this they are dropped rather than held in memory without bound.
 */
const LOG_BUFFER_MAX_BYTES = 16 * 1024 * 1024

/**
 * Standard output, buffered: one write per ~4 KB of lines instead of one system call per
 * request (the largest single cost of a logged request; bench/RESULTS.md). A timer flushes
 * quiet periods; shutdown flushes with a time bound (`flushLogs`), so only a SIGKILL or a
 * reader that stopped reading can lose lines.
 */
function bufferedStdout(): pino.DestinationStream {
  // Node puts a pipe or socket on fd 1 in non-blocking mode the first time process.stdout is
  // used. Without it a write to a pipe nobody reads blocks a thread for ever, and the exit
  // that waits for that thread never comes (issue 10 item 10). A reader that went away is
  // EPIPE: there is nobody to tell, so the lines are dropped, not the process.
  process.stdout.on('error', ignoreBrokenPipe)
  const destination = pino.destination({ dest: 1, minLength: 4096, maxLength: LOG_BUFFER_MAX_BYTES, sync: false })
  setInterval(() => {
    try {
      destination.flush()
    } catch {
      // destroyed at exit: nothing left to flush
    }
  }, LOG_FLUSH_INTERVAL_MS).unref()
  return destination
}

function ignoreBrokenPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error
}

interface FlushableStream {
  flush?: (callback?: (error?: Error) => void) => void
  flushSync?: () => void
}

function streamOf(logger: Logger): FlushableStream | undefined {
  return (logger as unknown as Record<symbol, FlushableStream | undefined>)[pino.symbols.streamSym]
}

/**
 * From now on, exiting does not wait for the log destination. pino writes what is left
 * synchronously when the process exits, and a synchronous write to a pipe nobody reads (or
 * to a stalled disk) never returns: the forced exit would hang with it.
 */
export function releaseLogsAtExit(logger: Logger): void {
  const stream = streamOf(logger)
  if (stream?.flushSync) stream.flushSync = () => {}
}

/**
 * Writes buffered log lines, waiting at most `timeoutMs` (ms) for the destination to take
 * them, then releases the destination as `releaseLogsAtExit` does. Never rejects.
 */
export async function flushLogs(logger: Logger, timeoutMs: number): Promise<void> {
  const stream = streamOf(logger)
  if (typeof stream?.flush === 'function') {
    const flush = stream.flush.bind(stream)
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs)
      try {
        flush(() => {
          clearTimeout(timer)
          resolve()
        })
      } catch {
        clearTimeout(timer)
        resolve()
      }
    })
  }
  releaseLogsAtExit(logger)
}

/**
 * The service's logger: JSON lines at `level`, to buffered standard output unless a
 * destination is given (tests capture lines in memory). Every line, from this logger or any
 * child, passes through `redactApiKeys` just before it is written: a key can arrive in a
 * path, a query, a header, an error message or a field nobody thought of, and checking the
 * finished line is the one place no call site can forget. Lines without `sk_` cost one
 * `includes`.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      hooks: { streamWrite: redactApiKeys },
      serializers: { err: serializeErrorWithoutSql },
    },
    destination ?? bufferedStdout(),
  )
}
