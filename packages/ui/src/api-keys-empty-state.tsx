import { KeyIcon } from './icons'

export const DEFAULT_API_BASE_URL = 'https://cloud.storra.host'

export type ApiKeysEmptyStateProps = {
  /** Origin of the client API shown in the example request. */
  apiBaseUrl?: string
}

export function ApiKeysEmptyState({ apiBaseUrl = DEFAULT_API_BASE_URL }: ApiKeysEmptyStateProps) {
  // Tolerate a trailing slash so the example never contains "//api".
  const exampleUrl = `${apiBaseUrl.replace(/\/+$/, '')}/api/v1/client/users/me`

  return (
    <div className="px-6 py-10 text-center">
      <div className="mx-auto flex size-10 items-center justify-center rounded-full bg-zinc-100">
        <KeyIcon className="size-5 text-zinc-500" />
      </div>
      <h3 className="mt-3 text-sm font-semibold text-zinc-900">No API keys yet</h3>
      <p className="mx-auto mt-1 max-w-md text-sm text-zinc-500">
        API keys let your scripts, servers and CI jobs call the Storra Cloud client API on your behalf. Send a key in
        the <code className="font-mono text-[0.8125rem] text-zinc-700">X-API-Key</code> header of every request:
      </p>
      <pre className="mx-auto mt-4 max-w-2xl overflow-x-auto rounded-lg bg-zinc-950 px-4 py-3 text-left font-mono text-xs leading-relaxed text-zinc-100">
        <code>{`curl -H "X-API-Key: sk_your_api_key_here" ${exampleUrl}`}</code>
      </pre>
    </div>
  )
}
