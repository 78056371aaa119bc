/**
 * A key's last 24 hours as a tiny line (one point per hour, oldest first). Plain SVG: a row of
 * the key list must not pull a chart library in. The label says the numbers for screen readers.
 */
export function UsageSparkline({
  hourly,
  width = 96,
  height = 24,
}: {
  hourly: number[]
  width?: number
  height?: number
}) {
  const total = hourly.reduce((a, b) => a + b, 0)
  const peak = Math.max(1, ...hourly)
  const step = hourly.length > 1 ? width / (hourly.length - 1) : width
  const points = hourly.map((n, i) => `${(i * step).toFixed(1)},${(height - 2 - (n / peak) * (height - 4)).toFixed(1)}`)
  return (
    <svg
      role="img"
      aria-label={`${total} ${total === 1 ? 'request' : 'requests'} in the last 24 hours, at most ${Math.max(0, ...hourly)} in an hour`}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className="text-indigo-500"
    >
      <polyline fill="none" stroke="currentColor" strokeWidth="1.5" points={points.join(' ')} />
    </svg>
  )
}
