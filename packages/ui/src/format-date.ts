/** The UI copy is English, so dates use English month names too, in the viewer's time zone. */
export const DISPLAY_LOCALE = 'en-US'

const dateFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, { dateStyle: 'medium' })
const dateTimeFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  dateStyle: 'medium',
  timeStyle: 'long',
})

/** "Jun 1, 2025" */
export function formatDate(timestamp: string | Date): string {
  return dateFormat.format(new Date(timestamp))
}

/** "Jun 1, 2025, 10:30:00 AM UTC": the exact moment, for tooltips. */
export function formatDateTime(timestamp: string | Date): string {
  return dateTimeFormat.format(new Date(timestamp))
}
