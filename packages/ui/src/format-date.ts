/** The UI copy is English, so dates use English month names too, in the viewer's time zone. */
export const DISPLAY_LOCALE = 'en-US'

const dateFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, { dateStyle: 'medium' })
// Tooltips give the exact moment in UTC whatever the viewer's zone: the same string the
// server's logs and the API's timestamps use, so two people comparing notes see one time.
const dateTimeFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  dateStyle: 'medium',
  timeStyle: 'long',
  timeZone: 'UTC',
})

/** "Jun 1, 2025" */
export function formatDate(timestamp: string | Date): string {
  return dateFormat.format(new Date(timestamp))
}

/** "Jun 1, 2025, 10:30:00 AM UTC": the exact moment in UTC, for tooltips. */
export function formatDateTime(timestamp: string | Date): string {
  return dateTimeFormat.format(new Date(timestamp))
}
