import { useCallback, useEffect, useState } from 'react'

export type CopyToClipboard = (text: string) => Promise<void> | void
export type CopyStatus = 'idle' | 'copied' | 'failed'

/** How long "Copied" stays visible before the button reverts to "Copy". */
const COPIED_FEEDBACK_MS = 2000

// Throws (and so reports failure) where the Clipboard API is unavailable, e.g. insecure origins.
const writeToSystemClipboard: CopyToClipboard = (text) => navigator.clipboard.writeText(text)

export function useCopyToClipboard(copyToClipboard: CopyToClipboard = writeToSystemClipboard) {
  const [status, setStatus] = useState<CopyStatus>('idle')

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
      } catch {
        setStatus('failed')
      }
    },
    [copyToClipboard],
  )

  return { status, copy }
}
