import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import { getErrorMessage } from '@storra/ui'

export interface Resource<T> {
  /** `undefined` until the first load succeeds; kept while a reload runs or fails. */
  data: T | undefined
  error: string | null
  isLoading: boolean
  reload: () => Promise<void>
}

/** Loads data when `deps` change; only the latest load may update the state. */
export function useResource<T>(load: () => Promise<T>, deps: DependencyList): Resource<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<string | null>(null)
  const [isLoading, setIsLoading] = useState(true)
  const latest = useRef(0)

  // The caller's deps decide when `load` changes, as with useEffect.
  const reload = useCallback(async () => {
    const attempt = ++latest.current
    setIsLoading(true)
    try {
      const value = await load()
      if (attempt !== latest.current) return
      setData(value)
      setError(null)
    } catch (failure) {
      if (attempt !== latest.current) return
      setError(getErrorMessage(failure, 'Something went wrong. Try again.'))
    } finally {
      if (attempt === latest.current) setIsLoading(false)
    }
    // eslint-disable-next-line react-hooks/use-memo, react-hooks/exhaustive-deps -- deps are the caller's, as with useEffect
  }, deps)

  useEffect(() => {
    void reload()
  }, [reload])

  return { data, error, isLoading, reload }
}
