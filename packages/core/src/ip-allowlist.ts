/**
 * A key's IP allowlist: IPv4/IPv6 addresses and CIDR ranges, validated and normalised when a
 * key is created or edited, compiled once into ranges the key verifier holds, and matched
 * against the client's address on every request. Parsing is ipaddr.js's (the library Express
 * already uses for `trust proxy`).
 */
import ipaddr from 'ipaddr.js'
import { IP_ALLOWLIST_MESSAGES } from './errors.ts'
import { MAX_IP_ALLOWLIST_ENTRIES, MAX_IP_ALLOWLIST_ENTRY_LENGTH } from './limits.ts'

/** One compiled entry: a network address and its prefix length (32/128 for a single address). */
type IpRange = readonly [ipaddr.IPv4 | ipaddr.IPv6, number]
/** A compiled allowlist; the verifier holds `null` for an empty list (any address). */
export type ParsedIpAllowlist = readonly IpRange[]

export type IpAllowlistCheck = { ok: true; entries: string[] } | { ok: false; message: string }

const IPV4_BITS = 32
const IPV6_BITS = 128
// `::ffff:a.b.c.d` carries an IPv4 address in its last 32 of 128 bits.
const MAPPED_PREFIX_BITS = IPV6_BITS - IPV4_BITS

/**
 * Parses `text` as an address or CIDR range, as [network address, prefix length], IPv4-mapped
 * IPv6 forms turned into IPv4. IPv4 only in four-part decimal (ipaddr.js also reads `0x7f.1`
 * and `127.1`, which nobody means in an allowlist); IPv6 zone ids refused (they name a local
 * interface, never a client). Undefined when malformed.
 */
function parseRange(text: string): IpRange | undefined {
  const slash = text.indexOf('/')
  const address = slash === -1 ? text : text.slice(0, slash)
  const bitsText = slash === -1 ? undefined : text.slice(slash + 1)
  if (bitsText !== undefined && !/^\d{1,3}$/.test(bitsText)) return undefined
  let ip: ipaddr.IPv4 | ipaddr.IPv6
  if (ipaddr.IPv4.isValidFourPartDecimal(address)) ip = ipaddr.IPv4.parse(address)
  else if (ipaddr.IPv6.isValid(address) && !address.includes('%')) ip = ipaddr.IPv6.parse(address)
  else return undefined
  const max = ip.kind() === 'ipv4' ? IPV4_BITS : IPV6_BITS
  let bits = bitsText === undefined ? max : Number(bitsText)
  if (bits > max) return undefined
  if (ip instanceof ipaddr.IPv6 && ip.isIPv4MappedAddress() && bits >= MAPPED_PREFIX_BITS) {
    ip = ip.toIPv4Address()
    bits -= MAPPED_PREFIX_BITS
  }
  return [networkOf(ip, bits), bits]
}

/** The range's first address: `10.1.2.3/8` and `10.0.0.0/8` are one range. */
function networkOf(ip: ipaddr.IPv4 | ipaddr.IPv6, bits: number): ipaddr.IPv4 | ipaddr.IPv6 {
  const bytes = ip.toByteArray().map((byte, i) => {
    const keep = Math.min(8, Math.max(0, bits - i * 8))
    return byte & ((0xff << (8 - keep)) & 0xff)
  })
  return ipaddr.fromByteArray(bytes)
}

/** The canonical text of a range: the address alone for a single address, RFC 5952 for IPv6. */
function formatRange([ip, bits]: IpRange): string {
  const max = ip.kind() === 'ipv4' ? IPV4_BITS : IPV6_BITS
  return bits === max ? ip.toString() : `${ip.toString()}/${bits}`
}

/**
 * Validates and normalises an allowlist as given to create or edit: a list of at most
 * {@link MAX_IP_ALLOWLIST_ENTRIES} strings, each an IPv4/IPv6 address or CIDR range
 * (surrounding spaces ignored). Entries come back canonical (`10.1.2.3/8` → `10.0.0.0/8`,
 * `::FFFF:1.2.3.4` → `1.2.3.4`, `2001:DB8::0:1` → `2001:db8::1`, `/32` and `/128` dropped) and
 * deduplicated, in their first order. `null`/`undefined` is the empty list (any address). Any
 * range is accepted, `0.0.0.0/0` included; only malformed ones are refused, naming the entry.
 */
export function normalizeIpAllowlist(input: unknown): IpAllowlistCheck {
  if (input === undefined || input === null) return { ok: true, entries: [] }
  if (!Array.isArray(input)) return { ok: false, message: IP_ALLOWLIST_MESSAGES.notList }
  if (input.length > MAX_IP_ALLOWLIST_ENTRIES) return { ok: false, message: IP_ALLOWLIST_MESSAGES.tooMany }
  const entries: string[] = []
  for (const item of input as unknown[]) {
    if (typeof item !== 'string') return { ok: false, message: IP_ALLOWLIST_MESSAGES.entryNotText }
    const text = item.trim()
    const range = text.length <= MAX_IP_ALLOWLIST_ENTRY_LENGTH ? parseRange(text) : undefined
    if (!range)
      return { ok: false, message: IP_ALLOWLIST_MESSAGES.badEntry(text.slice(0, MAX_IP_ALLOWLIST_ENTRY_LENGTH)) }
    const canonical = formatRange(range)
    if (!entries.includes(canonical)) entries.push(canonical)
  }
  return { ok: true, entries }
}

/**
 * Compiles stored (already normalised) entries for the verifier; `null` for an empty list, so
 * the hot path skips address parsing for keys without a list. Entries that fail to parse (none
 * should: they were validated on write) are dropped, which only narrows the list.
 */
export function compileIpAllowlist(entries: readonly string[]): ParsedIpAllowlist | null {
  if (entries.length === 0) return null
  return entries.map(parseRange).filter((range): range is IpRange => range !== undefined)
}

/**
 * True when `ip` (the client's address as text; undefined when unknown) lies in one of the
 * ranges. An IPv4-mapped IPv6 client address (`::ffff:1.2.3.4`, as a dual-stack socket reports
 * IPv4 clients) matches IPv4 entries. An unknown or unparseable address matches nothing.
 */
export function isIpAllowed(allowlist: ParsedIpAllowlist, ip: string | undefined): boolean {
  if (ip === undefined || !ipaddr.isValid(ip)) return false
  let client = ipaddr.parse(ip)
  if (client instanceof ipaddr.IPv6 && client.isIPv4MappedAddress()) client = client.toIPv4Address()
  const kind = client.kind()
  for (const [network, bits] of allowlist) {
    if (network.kind() === kind && client.match(network, bits)) return true
  }
  return false
}
