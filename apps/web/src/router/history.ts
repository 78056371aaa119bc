import { useSyncExternalStore } from 'react'

// pushState and replaceState fire no event of their own; this one tells subscribers.
const NAVIGATION_EVENT = 'storra:navigate'

export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  if (replace) window.history.replaceState(null, '', to)
  else window.history.pushState(null, '', to)
  window.dispatchEvent(new Event(NAVIGATION_EVENT))
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATION_EVENT, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATION_EVENT, onChange)
  }
}

const currentPathname = () => window.location.pathname

/** The current path, re-rendering on back/forward and on {@link navigate}. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, currentPathname)
}
