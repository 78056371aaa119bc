// Two of Express's own dependencies, used directly by the client API fast path so that it
// routes and reads the client IP exactly as Express does. Neither ships types.

declare module 'parseurl' {
  import type { IncomingMessage } from 'node:http'
  /** The request target split as Express's router sees it (memoised on the request). */
  function parseurl(req: IncomingMessage): { pathname: string | null; search: string | null } | undefined
  export default parseurl
}

declare module 'proxy-addr' {
  import type { IncomingMessage } from 'node:http'
  /** The client address, trusting proxies as `trust` says (Express's `req.ip`). */
  function proxyaddr(req: IncomingMessage, trust: (address: string, hop: number) => boolean): string
  export default proxyaddr
}
