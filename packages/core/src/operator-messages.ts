/**
 * Messages for the person running the server or the `storra` CLI (not API bodies): each names
 * what it is about and, where there is one, what to do next.
 */

/** The server could not listen because `port` on `host` is taken; suggests the next port. */
export function portInUseMessage(port: number, host: string): string {
  const next = port >= 65535 ? 3001 : port + 1
  return `Port ${port} on ${host} is already in use (another Storra server, or another program). Stop it, or pick another port: PORT=${next} npm start`
}

/** The CLI was asked about an account that does not exist (the dashboard's words, then which one). */
export function noAccountWithEmailMessage(email: string): string {
  return `Account not found. No account with email ${email}.`
}

/** `users create --password`: the password ends up in shell history and process lists. */
export const PASSWORD_ARGUMENT_WARNING =
  'warning: --password puts the password in shell history and process lists; prefer the prompt or --password-stdin.'

/** `users create` without a password source and no terminal to ask on. */
export const PASSWORD_SOURCE_MISSING =
  'a password is needed: run in a terminal to be asked for it, or pass it on standard input with --password-stdin.'

/** `users create` at the prompt: the two entries differ. */
export const PASSWORDS_DIFFER = 'the two passwords differ; nothing was created.'

/** `users delete` without `--yes`: what would happen, and how to confirm. */
export function confirmDeleteMessage(email: string): string {
  return `Deleting ${email} revokes every API key of the account and cannot be undone. Run again with --yes to confirm.`
}

/** `storra keys revoke` named a key that is unknown or already revoked. */
export function noActiveKeyWithPrefixMessage(prefix: string): string {
  return `API key not found. No unrevoked key with prefix ${prefix}.`
}
