/** The client API's error bodies, exactly as the published authentication page shows them. */
export const MISSING_API_KEY_BODY = {
  detail: [
    {
      type: 'missing',
      loc: ['header', 'X-API-Key'],
      msg: 'Field required',
      input: null,
    },
  ],
} as const

export const INVALID_API_KEY_BODY = { detail: 'User not found.' } as const

const PRO_REQUIRED_MESSAGE = 'API access requires Cloud Pro plan. Upgrade to use the API.'
export const PRO_REQUIRED_BODY = { detail: PRO_REQUIRED_MESSAGE } as const

/** Dashboard messages (`{"error": ...}`). */
export const DASHBOARD_MESSAGES = {
  invalidCredentials: 'Invalid email or password.',
  notAuthenticated: 'Not authenticated.',
  bearerNotAccepted: 'Dashboard routes use the session cookie; Authorization headers are not accepted.',
  proRequiredForKeys: 'Creating API keys requires the Cloud Pro plan. Upgrade at /dashboard/settings.',
  keyNotFound: 'API key not found.',
  adminOnly: 'This action requires an admin account.',
  userNotFound: 'Account not found.',
} as const

export function keyLimitMessage(max: number): string {
  return `This account already has ${max} active API keys, the most allowed. Revoke one to create another.`
}
