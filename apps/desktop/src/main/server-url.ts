/**
 * The Storra server a person typed, reduced to its origin (`https://cloud.storra.host`), or
 * undefined unless it is a plain http(s) address. API paths are absolute, so anything after
 * the host (say a pasted `/dashboard/` link) is dropped rather than misused.
 */
export function toServerOrigin(input: string): string | undefined {
  let url: URL
  try {
    url = new URL(input.trim())
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  // Credentials in the address would be sent along on every request; refuse them.
  if (url.username !== '' || url.password !== '') return undefined
  return url.origin
}
