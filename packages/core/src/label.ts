import { LABEL_MESSAGES } from './errors.ts'
import { DEFAULT_KEY_LABEL, MAX_LABEL_LENGTH } from './limits.ts'

// C0/C1 control characters would corrupt tables and logs; labels are single-line text.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/

export type LabelCheck = { ok: true; label: string } | { ok: false; message: string }

/** Trims the label; a missing or blank label becomes {@link DEFAULT_KEY_LABEL}. */
export function normalizeKeyLabel(input: unknown): LabelCheck {
  if (input === undefined || input === null) return { ok: true, label: DEFAULT_KEY_LABEL }
  if (typeof input !== 'string') return { ok: false, message: LABEL_MESSAGES.notText }
  const label = input.trim()
  if (label === '') return { ok: true, label: DEFAULT_KEY_LABEL }
  if ([...label].length > MAX_LABEL_LENGTH) return { ok: false, message: LABEL_MESSAGES.tooLong }
  if (CONTROL_CHARACTERS.test(label)) return { ok: false, message: LABEL_MESSAGES.controlCharacters }
  return { ok: true, label }
}
