import type { Logger } from 'pino'
import { createLogger } from '../../src/http/logger.ts'

/** The production logger (same redaction) at its most verbose, writing into memory. */
export function captureLogs(): { logger: Logger; lines: string[] } {
  const lines: string[] = []
  const logger = createLogger('trace', { write: (line: string) => void lines.push(line) })
  return { logger, lines }
}
