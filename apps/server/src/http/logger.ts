import pino, { type Logger } from 'pino'

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
 * Standard output, buffered: one write per ~4 KB of lines instead of one system call per
 * request (the largest single cost of a logged request; bench/RESULTS.md). A timer flushes
 * quiet periods, and pino flushes synchronously on exit, so only a SIGKILL can lose lines.
 */
function bufferedStdout(): pino.DestinationStream {
  const destination = pino.destination({ dest: 1, minLength: 4096, sync: false })
  setInterval(() => {
    try {
      destination.flush()
    } catch {
      // destroyed at exit: nothing left to flush
    }
  }, LOG_FLUSH_INTERVAL_MS).unref()
  return destination
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination ?? bufferedStdout())
}
