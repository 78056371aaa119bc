/**
 * Runs `work` with the TZ environment variable set to `zone` (an IANA name), then puts back
 * what was there (or nothing) whatever happens. Node applies a changed TZ to dates and Intl
 * objects created afterwards.
 */
export async function withTimeZone<T>(zone: string, work: () => Promise<T>): Promise<T> {
  const previous = process.env.TZ
  process.env.TZ = zone
  try {
    return await work()
  } finally {
    if (previous === undefined) delete process.env.TZ
    else process.env.TZ = previous
  }
}
