import { z } from 'zod'

/**
 * Text that can safely reach SQL, a log line or a hash: PostgreSQL refuses the NUL
 * character (byte 0x00) in text, and an unpaired UTF-16 surrogate has no UTF-8 form, so
 * drivers silently replace it (two different inputs would then become one stored value).
 */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const UNPAIRED_SURROGATES = new RegExp(UNPAIRED_SURROGATE.source, 'g')

export const UNSAFE_TEXT_MESSAGE = 'must not contain NUL characters or unpaired surrogates'

/** True when `value` has neither a NUL character nor an unpaired surrogate. */
export function isSafeText(value: string): boolean {
  return !value.includes('\u0000') && !UNPAIRED_SURROGATE.test(value)
}

/**
 * The zod schema for every client-supplied string that may reach the database: a string of
 * at most `max` UTF-16 code units that passes {@link isSafeText}. Failures are ordinary
 * validation issues (400 on the dashboard), never a database error.
 */
export function safeText(max?: number): z.ZodString {
  const text = max === undefined ? z.string() : z.string().max(max)
  return text.refine(isSafeText, { message: UNSAFE_TEXT_MESSAGE })
}

/**
 * `value` made storable, for text that is recorded rather than validated (what a third party
 * such as GitHub reports, kept in audit details): NUL characters and unpaired surrogates become
 * U+FFFD, and the result is cut to at most `max` UTF-16 code units, never between the two
 * halves of a surrogate pair. The result always passes {@link isSafeText}.
 */
export function toSafeText(value: string, max: number): string {
  let text = value.replaceAll('\u0000', '\uFFFD').replace(UNPAIRED_SURROGATES, '\uFFFD')
  if (text.length > max) {
    const last = text.charCodeAt(max - 1)
    text = text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max)
  }
  return text
}
