import pino, { type Logger } from 'pino'

// Belt and braces: request serializers below never include headers or bodies, and these
// paths are censored should anything ever log them.
export const REDACTED_PATHS = [
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

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination)
}
