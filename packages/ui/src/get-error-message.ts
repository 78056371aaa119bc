/**
 * Rejections from consumer callbacks are usually Errors carrying the server's
 * message, but nothing guarantees that, so fall back to a generic sentence.
 */
export function getErrorMessage(error: unknown, fallback: string): string {
  if (error instanceof Error && error.message.trim() !== '') return error.message
  if (typeof error === 'string' && error.trim() !== '') return error
  return fallback
}
