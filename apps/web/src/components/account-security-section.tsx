import { useQueryClient } from '@tanstack/react-query'
import { AccountSecurity } from '@storra/ui'
import { describeApiError } from '../api/api-error.ts'
import { useTRPCClient } from '../api/trpc.ts'
import { forgetSession, forgetSessionIfUnauthorized } from '../session/session-query.ts'

/** Settings → Security, wired to `auth.changePassword` and `auth.logoutEverywhere`. */
export function AccountSecuritySection() {
  const trpcClient = useTRPCClient()
  const queryClient = useQueryClient()

  async function changePassword(input: { currentPassword: string; newPassword: string }) {
    try {
      await trpcClient.auth.changePassword.mutate(input)
    } catch (error) {
      forgetSessionIfUnauthorized(queryClient, error)
      throw new Error(describeApiError(error, 'Couldn’t change the password. Try again.'))
    }
  }

  async function logoutEverywhere() {
    try {
      await trpcClient.auth.logoutEverywhere.mutate()
    } catch (error) {
      forgetSessionIfUnauthorized(queryClient, error)
      throw new Error(describeApiError(error, 'Couldn’t log out everywhere. Try again.'))
    }
    forgetSession(queryClient)
  }

  return <AccountSecurity onChangePassword={changePassword} onLogoutEverywhere={logoutEverywhere} />
}
