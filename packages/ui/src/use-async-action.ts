import { useState } from 'react'

/**
 * Runs an async action from a button or form: whether it is running, and the message of its
 * last failure (the Error's message, which callers make fit to show). `run` resolves to true on
 * success.
 */
export function useAsyncAction() {
  const [isPending, setIsPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  async function run(action: () => Promise<void>): Promise<boolean> {
    setIsPending(true)
    setError(null)
    try {
      await action()
      return true
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
      return false
    } finally {
      setIsPending(false)
    }
  }
  return { isPending, error, run }
}
