import { useCallback, useEffect, useState } from 'react'

export type CopyToClipboard = (text: string) => Promise<void> | void
export type CopyStatus = 'idle' | 'copied' | 'failed'

/** How long "Copied" stays visible before the button reverts to "Copy". */
const COPIED_FEEDBACK_MS = 2000

// Throws (and so reports failure) where the Clipboard API is unavailable, e.g. insecure origins.
const writeToSystemClipboard: CopyToClipboard = (text) => navigator.clipboard.writeText(text)

/**
 * Copies text and reports how it went: `status` is 'copied' for {@link COPIED_FEEDBACK_MS}
 * after a success, then 'idle' again; `hasCopied` stays true once any copy succeeded, so a
 * dialog can tell whether its secret was ever taken. Failures (no Clipboard API, denied
 * permission) set 'failed' and never throw.
 */
export function useCopyToClipboard(copyToClipboard: CopyToClipboard = writeToSystemClipboard) {
  const [status, setStatus] = useState<CopyStatus>('idle')
  const [hasCopied, setHasCopied] = useState(false)

  useEffect(() => {
    if (status !== 'copied') return
    const timer = setTimeout(() => setStatus('idle'), COPIED_FEEDBACK_MS)
    return () => clearTimeout(timer)
  }, [status])

  const copy = useCallback(
    async (text: string) => {
      try {
        await copyToClipboard(text)
        setStatus('copied')
        setHasCopied(true)
      } catch {
        setStatus('failed')
      }
    },
    [copyToClipboard],
  )

  /** The user copied by hand (selection and Ctrl+C, or the context menu): that counts too. */
  const markCopied = useCallback(() => setHasCopied(true), [])

  return { status, hasCopied, copy, markCopied }
}
