import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Button } from '@storra/ui'
import { useTRPC } from '../api/trpc.ts'
import { forgetSession } from '../session/session-query.ts'

export function LogoutButton() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  // Forget the session only once the server has ended it: a failed logout must not pretend.
  const logout = useMutation(trpc.auth.logout.mutationOptions({ onSuccess: () => forgetSession(queryClient) }))

  return (
    <div className="flex items-center gap-3">
      {logout.isError && (
        <p role="alert" className="text-xs text-red-600">
          Couldn’t log out. Try again.
        </p>
      )}
      <Button size="sm" onClick={() => logout.mutate()} isPending={logout.isPending} pendingLabel="Logging out…">
        Log out
      </Button>
    </div>
  )
}
