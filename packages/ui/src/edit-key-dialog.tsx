import { useState, type FormEvent } from 'react'
import { Button } from './button'
import { ErrorMessage } from './error-message'
import { resolveExpiry, type ExpiryChoice } from './expiry-choice'
import { ExpiryPicker } from './expiry-picker'
import { placeError, type PlacedError } from './field-error'
import { IpAllowlistField, parseAllowlist } from './ip-allowlist-field'
import { DialogActions, ModalDialog } from './modal-dialog'
import { TextField } from './text-field'
import type { ApiKey, KeyChanges, KeyPolicy } from './key-lifecycle'

export type EditKeyDialogProps = {
  apiKey: Pick<ApiKey, 'label' | 'prefix' | 'expires_at' | 'ip_allowlist'>
  policy: Pick<KeyPolicy, 'expiry_presets_days' | 'max_key_lifetime_days' | 'max_ip_allowlist_entries'>
  /**
   * Saves only the fields that changed (never called with none). A rejection's message is shown
   * under the field it names, or above the buttons; the dialog stays open for a retry.
   */
  onSave: (changes: KeyChanges) => Promise<void>
  /** Called on Cancel, Escape, and after `onSave` resolves. */
  onClose: () => void
  now?: () => Date
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((entry, index) => entry === b[index])
}

/** Changes a key's label, expiry and IP allowlist; the secret never changes (rotate for that). */
export function EditKeyDialog({ apiKey, policy, onSave, onClose, now = () => new Date() }: EditKeyDialogProps) {
  const [label, setLabel] = useState(apiKey.label)
  const [expiry, setExpiry] = useState<ExpiryChoice>({ kind: 'keep' })
  const [allowlist, setAllowlist] = useState(apiKey.ip_allowlist.join('\n'))
  const [isSaving, setIsSaving] = useState(false)
  const [placed, setPlaced] = useState<PlacedError | null>(null)
  const errorFor = (field: PlacedError['field']) => (placed?.field === field ? placed.message : null)

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const resolved = resolveExpiry(expiry, now(), policy.max_key_lifetime_days)
    if (!resolved.ok) return setPlaced({ field: 'expires_at', message: resolved.message })
    const entries = parseAllowlist(allowlist)
    if (entries.length > policy.max_ip_allowlist_entries) return
    const changes: KeyChanges = {}
    if (label.trim() !== apiKey.label) changes.label = label.trim()
    if (resolved.expiresAt !== undefined) changes.expires_at = resolved.expiresAt
    if (!sameList(entries, apiKey.ip_allowlist)) changes.ip_allowlist = entries
    if (Object.keys(changes).length === 0) return onClose()
    setIsSaving(true)
    setPlaced(null)
    try {
      await onSave(changes)
    } catch (rejection) {
      setPlaced(placeError(rejection, 'Couldn’t save the changes. Try again.'))
      setIsSaving(false)
      return
    }
    onClose()
  }

  function edited<T>(set: (value: T) => void) {
    return (value: T) => {
      set(value)
      setPlaced(null)
    }
  }

  return (
    <ModalDialog
      title="Edit API key"
      description={
        <p>
          Key <code className="font-mono text-[0.8125rem] text-zinc-800">{apiKey.prefix}</code>. Changes apply to the
          next request; the key itself stays the same.
        </p>
      }
      onClose={onClose}
      isDismissible={!isSaving}
    >
      <form onSubmit={save} className="mt-5 space-y-5">
        <TextField
          label="Key label"
          value={label}
          onChange={(event) => edited(setLabel)(event.target.value)}
          error={errorFor('label')}
          autoComplete="off"
          data-autofocus
        />
        <ExpiryPicker
          value={expiry}
          onChange={edited(setExpiry)}
          policy={policy}
          now={now()}
          current={apiKey}
          error={errorFor('expires_at')}
        />
        <IpAllowlistField
          value={allowlist}
          onChange={edited(setAllowlist)}
          error={errorFor('ip_allowlist')}
          maxEntries={policy.max_ip_allowlist_entries}
        />
        {placed?.field === null && <ErrorMessage variant="banner">{placed.message}</ErrorMessage>}
        <DialogActions>
          <Button variant="secondary" onClick={onClose} disabled={isSaving}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" isPending={isSaving} pendingLabel="Saving…">
            Save changes
          </Button>
        </DialogActions>
      </form>
    </ModalDialog>
  )
}
