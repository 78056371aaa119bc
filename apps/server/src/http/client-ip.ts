import type { Request } from 'express'
import ipaddr from 'ipaddr.js'

// The longest textual IPv6 address with an IPv4 tail is 45 characters; zone ids add a few.
const MAX_IP_LENGTH = 64

function normalizeIp(candidate: string | undefined): string | undefined {
  if (candidate === undefined || candidate.length > MAX_IP_LENGTH) return undefined
  // Four-part decimal only: ipaddr.js also parses forms like `0x7f.1` that no proxy sends.
  if (!ipaddr.IPv4.isValidFourPartDecimal(candidate) && !ipaddr.IPv6.isValid(candidate)) return undefined
  // `::ffff:1.2.3.4` and `1.2.3.4` are one client; the canonical text is one throttle key.
  return ipaddr.process(candidate).toString()
}

/**
 * The client's IP as a throttle key: `req.ip` (which honours `trust proxy`, so may come
 * from `X-Forwarded-For`, i.e. from the client) when it parses as an IP address, otherwise
 * the socket's peer address. Never an arbitrary client string; undefined only when the
 * socket has already gone.
 */
export function clientIp(req: Request): string | undefined {
  return clientIpFrom(req.ip, req.socket.remoteAddress)
}

/** {@link clientIp} from its two inputs: the proxy-aware address (Express's `req.ip`) and the socket's peer. */
export function clientIpFrom(ip: string | undefined, remoteAddress: string | undefined): string | undefined {
  return normalizeIp(ip) ?? normalizeIp(remoteAddress)
}
