import { getErrorMessage } from './get-error-message'

/** The key fields a form can blame a refusal on. */
type KeyField = 'label' | 'expires_at' | 'ip_allowlist'

const FIELD_NAMES: readonly KeyField[] = ['ip_allowlist', 'expires_at', 'label']

/** A refusal placed under the field it names, or under the form when it names none. */
export type PlacedError = { field: KeyField | null; message: string }

/**
 * Where to show a rejected create or edit. The server's 400 messages name the field they refuse
 * ("ip_allowlist[1]: ...", "label must be ..."); an Error may also carry `field` itself.
 */
export function placeError(rejection: unknown, fallback: string): PlacedError {
  const message = getErrorMessage(rejection, fallback)
  const declared = (rejection as { field?: unknown } | null)?.field
  if (typeof declared === 'string' && (FIELD_NAMES as readonly string[]).includes(declared))
    return { field: declared as KeyField, message }
  const named = FIELD_NAMES.find((field) => new RegExp(`\\b${field}\\b`).test(message))
  return { field: named ?? null, message }
}
