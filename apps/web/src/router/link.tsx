import type { AnchorHTMLAttributes, MouseEvent } from 'react'
import { navigate } from './history.ts'

export type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }

function opensElsewhere(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey
}

/** An in-app link: a real <a> (new tab, copy link still work) that navigates without a reload. */
export function Link({ href, onClick, target, ...props }: LinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event)
    if (event.defaultPrevented || opensElsewhere(event) || (target && target !== '_self')) return
    event.preventDefault()
    navigate(href)
  }
  return <a href={href} target={target} onClick={handleClick} {...props} />
}
