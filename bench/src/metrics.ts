/** The counters the report compares before and after each run. */
const COUNTERS = [
  'storra_key_cache_hits_total',
  'storra_key_cache_misses_total',
  'storra_key_cache_negative_hits_total',
  'storra_key_malformed_total',
  'storra_last_used_rows_total',
  'storra_last_used_flushes_total',
] as const

type CounterName = (typeof COUNTERS)[number]
export type Counters = Record<CounterName, number>

export async function scrapeCounters(baseUrl: string): Promise<Counters> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text()
  const values = {} as Counters
  for (const name of COUNTERS) {
    const line = text.split('\n').find((l) => l.startsWith(`${name} `))
    values[name] = line ? Number(line.slice(name.length + 1)) : NaN
  }
  return values
}

export function difference(after: Counters, before: Counters): Counters {
  const delta = {} as Counters
  for (const name of COUNTERS) delta[name] = after[name] - before[name]
  return delta
}
