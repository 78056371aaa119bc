/**
 * A duration in seconds in short words: "15 min", "1 hour", "24 hours", "7 days", "45 s".
 * The largest unit that divides it exactly, so nothing is rounded away.
 */
export function formatDuration(seconds: number): string {
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`
  if (seconds > 0 && seconds % 86_400 === 0) return plural(seconds / 86_400, 'day')
  if (seconds > 0 && seconds % 3600 === 0) return plural(seconds / 3600, 'hour')
  if (seconds > 0 && seconds % 60 === 0) return `${seconds / 60} min`
  return `${seconds} s`
}
