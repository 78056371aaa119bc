/**
 * Every length and count rule of the product, in one place. Pure values: the web renderer,
 * the desktop renderer and the server import them alike (`@storra/core/limits`).
 */

/** Key labels: at most 100 characters (Unicode code points, after trimming), as the contract says. */
export const MAX_LABEL_LENGTH = 100
/** The label a key gets when none (or a blank one) is given. */
export const DEFAULT_KEY_LABEL = 'Untitled key'

/** Active (unrevoked) keys an account may hold unless the operator sets STORRA_MAX_ACTIVE_KEYS. */
export const DEFAULT_MAX_ACTIVE_KEYS = 100

/** New passwords: at least this many UTF-16 code units (NIST SP 800-63B asks for 8 or more). */
export const MIN_PASSWORD_LENGTH = 12
/** New passwords: at most this many UTF-16 code units; longer ones are refused, never truncated. */
export const MAX_PASSWORD_LENGTH = 1024
/**
 * The longest password field a request may carry. Larger than {@link MAX_PASSWORD_LENGTH} on
 * purpose: a too-long login password is simply wrong (401), while a body this large is refused
 * (400) before any hashing work.
 */
export const MAX_PASSWORD_INPUT_LENGTH = 4096

/** The longest email address a new account may have (RFC 5321's 254-octet path limit). */
export const MAX_EMAIL_LENGTH = 254
/** The longest email (login) or account search a request may carry. */
export const MAX_EMAIL_INPUT_LENGTH = 320

/** The longest key prefix a request may carry; real prefixes are 11 characters (`sk_` + 8). */
export const MAX_KEY_PREFIX_INPUT_LENGTH = 64

/** Audit events are kept this many days unless the operator sets STORRA_AUDIT_RETENTION_DAYS. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 365
/** User agents are stored (audit log, last use) cut to this many characters. */
export const MAX_STORED_USER_AGENT_LENGTH = 256
/** Audit events per page: the default and the most a request may ask for. */
export const DEFAULT_AUDIT_PAGE_SIZE = 50
export const MAX_AUDIT_PAGE_SIZE = 200
/** The longest audit-log cursor a request may carry. */
export const MAX_AUDIT_CURSOR_LENGTH = 128
/** Minute usage buckets older than this roll up into hour buckets. */
export const USAGE_MINUTE_RETENTION_HOURS = 48
/** Hour usage buckets older than this are deleted. */
export const USAGE_HOUR_RETENTION_DAYS = 90
/** A password reset link works once, for this long after it is issued (1 hour). */
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000
/** "Forgot password?" mails per email address per window, and per IP. */
export const RESET_REQUESTS_PER_EMAIL = 3
export const RESET_REQUESTS_PER_IP = 20
/** The window of those counts, in seconds (1 hour). */
export const RESET_REQUEST_WINDOW_SECONDS = 3600
/** The longest reset token a request may carry; real ones are 43 characters. */
export const MAX_RESET_TOKEN_INPUT_LENGTH = 128
/** Rotation grace period, seconds: 0 (the old key ends at once) to 7 days, as Stripe allows. */
export const MIN_GRACE_PERIOD_SECONDS = 0
export const MAX_GRACE_PERIOD_SECONDS = 604_800
/** The grace period a rotation gets when none is given: one day. */
export const DEFAULT_GRACE_PERIOD_SECONDS = 86_400
/**
 * Seconds without a request after which a rotating key whose replacement is in use is revoked,
 * unless the operator sets STORRA_ROTATION_QUIET_SECONDS.
 */
export const DEFAULT_ROTATION_QUIET_SECONDS = 900

/** The most addresses/CIDR ranges one key's IP allowlist may hold. */
export const MAX_IP_ALLOWLIST_ENTRIES = 50
/** The longest single allowlist entry a request may carry (an IPv6 CIDR is at most 49). */
export const MAX_IP_ALLOWLIST_ENTRY_LENGTH = 64

/** The expiry choices the dashboard offers, days from now (as GitHub does). */
export const EXPIRY_PRESETS_DAYS = [7, 30, 60, 90] as const
/**
 * The preset the dashboard selects first.
 * @public For the web and desktop dashboards (packages/ui).
 */
export const DEFAULT_EXPIRY_PRESET_DAYS = 90
/**
 * Keys that expire within this many days are flagged as expiring soon.
 * @public For the web and desktop dashboards (packages/ui).
 */
export const EXPIRING_SOON_DAYS = 7
/** The longest ISO-8601 `expires_at` text a request may carry. */
export const MAX_EXPIRES_AT_INPUT_LENGTH = 40
/** The largest STORRA_MAX_KEY_LIFETIME_DAYS an operator may set (100 years). */
export const MAX_KEY_LIFETIME_DAYS_LIMIT = 36_500

/** Credentials one public leak report may carry (GitHub's credential revocation API takes as many). */
export const MAX_LEAK_REPORT_CREDENTIALS = 1000
/**
 * The longest string a leak report may carry per credential. Real keys are 41 characters;
 * longer strings are refused (400) rather than hashed, so a report's work stays bounded.
 */
export const MAX_LEAK_REPORT_CREDENTIAL_LENGTH = 256
/** Public revocation requests per IP per hour unless STORRA_LEAK_REPORT_RATE_LIMIT says otherwise (GitHub's own figure). */
export const DEFAULT_LEAK_REPORTS_PER_IP_PER_HOUR = 60
/** Matches one secret-scanning message may carry; GitHub batches matches, far fewer in practice. */
export const MAX_SECRET_SCANNING_MATCHES = 1000
/** The longest `url` of a secret-scanning match kept in the revocation's audit details (longer ones are cut). */
export const MAX_SECRET_SCANNING_URL_LENGTH = 2048
/** How long after a leak report the owner's banner shows the revoked key (days). */
export const LEAK_NOTICE_DAYS = 30
/**
 * A key still never used this many days after its creation is flagged in the Key usage panel
 * (issue 12: a key nobody adopted is a loose credential).
 * @public For the web and desktop dashboards (packages/ui).
 */
export const NEVER_USED_DAYS = 7
/**
 * A key whose last use is at least this many days ago is flagged as unused (issue 12; 90 days,
 * the default key lifetime).
 * @public For the web and desktop dashboards (packages/ui).
 */
export const UNUSED_DAYS = 90
