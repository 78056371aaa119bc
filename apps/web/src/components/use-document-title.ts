import { useEffect } from 'react'

const PRODUCT_NAME = 'Storra Cloud'

/** Names the browser tab after the page, so history and tab lists say where each one is. */
export function useDocumentTitle(pageTitle: string): void {
  useEffect(() => {
    document.title = `${pageTitle} · ${PRODUCT_NAME}`
  }, [pageTitle])
}
