import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import {
  CLI_REQUEST,
  createServices,
  createUser,
  deleteUser,
  findUserByEmail,
  issuePasswordResetLink,
  listApiKeys,
  listAuditEvents,
  listUsers,
  revokeAnyApiKey,
  ServiceError,
  setUserPlan,
  setUserRole,
  type Services,
} from '@storra/api'
import {
  confirmDeleteMessage,
  MAX_AUDIT_PAGE_SIZE,
  noAccountWithEmailMessage,
  noActiveKeyWithPrefixMessage,
  PASSWORD_ARGUMENT_WARNING,
  PASSWORD_SOURCE_MISSING,
  PASSWORDS_DIFFER,
  PLANS,
  ROLES,
  type AuditEvent,
  type Plan,
  type Role,
} from '@storra/core'
import { readEnv } from '../env.ts'
import { openServiceDatabase } from '../open-database.ts'

export interface CliIO {
  out(line: string): void
  err(line: string): void
  /** All of standard input (`--password-stdin`); absent: nothing to read. */
  readStdin?(): Promise<string>
  /** Asks for a secret without echoing it; absent when there is no terminal to ask on. */
  promptSecret?(question: string): Promise<string>
}

/** Left-aligned columns, two spaces apart, as `users list` and `keys list` print them. */
function printTable(io: CliIO, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  io.out(line(header))
  for (const row of rows) io.out(line(row))
}

/** The same failure with the CLI's words when the service says NOT_FOUND. */
function renameNotFound(message: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof ServiceError && error.code === 'NOT_FOUND') throw new ServiceError('NOT_FOUND', message)
    throw error
  }
}

function parsePlan(value: string): Plan {
  if (!(PLANS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`plan must be one of: ${PLANS.join(', ')}`)
  return value as Plan
}

function parseCount(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 100_000)
    throw new InvalidArgumentError('must be a whole number from 1 to 100000')
  return n
}

function parseRole(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value))
    throw new InvalidArgumentError(`role must be one of: ${ROLES.join(', ')}`)
  return value as Role
}

/** A refusal of the command line itself (exit code 2), decided before the database opens. */
class UsageError extends Error {}

/**
 * The new account's password: from standard input (`--password-stdin`, one trailing newline
 * dropped), the terminal (asked twice, not echoed), or `--password` (with a warning: it lands
 * in shell history and process lists).
 */
async function passwordFor(opts: { password?: string; passwordStdin?: boolean }, io: CliIO): Promise<string> {
  if (opts.passwordStdin) return ((await io.readStdin?.()) ?? '').replace(/\r?\n$/, '')
  if (opts.password !== undefined) {
    io.err(PASSWORD_ARGUMENT_WARNING)
    return opts.password
  }
  if (!io.promptSecret) throw new UsageError(PASSWORD_SOURCE_MISSING)
  const first = await io.promptSecret('Password: ')
  if ((await io.promptSecret('Repeat password: ')) !== first) throw new UsageError(PASSWORDS_DIFFER)
  return first
}

/**
 * `storra` administers accounts on the same database as the server: PostgreSQL when
 * DATABASE_URL is set, otherwise the embedded database (through a running server's socket).
 * `env` is the configuration to read (the process's own when omitted, as `readEnv` does).
 * Returns the process exit code.
 */
export async function runCli(argv: string[], io: CliIO, env?: NodeJS.ProcessEnv): Promise<number> {
  let action: ((services: Services) => Promise<void>) | undefined
  // Work before the database opens: reading the password, confirmations.
  let prepare: (() => Promise<void> | void) | undefined

  const program = new Command('storra')
    .description('Storra Cloud key service administration')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError('(run with --help for usage)')
  const users = program.command('users').description('manage accounts')

  users
    .command('create')
    .description('create an account')
    .requiredOption('--email <email>', 'email address (unique, case-insensitive)')
    .option('--password-stdin', 'read the password from standard input (for scripts)')
    .option('--password <password>', 'the password on the command line (visible to others; prefer the prompt)')
    .addOption(new Option('--plan <plan>', 'free or pro').argParser(parsePlan).default('free'))
    .option('--admin', 'give the account the admin role', false)
    .action((opts: { email: string; password?: string; passwordStdin?: boolean; plan: Plan; admin: boolean }) => {
      prepare = async () => {
        const password = await passwordFor(opts, io)
        action = async (services) => {
          const user = await createUser(services, {
            email: opts.email,
            password,
            plan: opts.plan,
            role: opts.admin ? 'admin' : 'user',
          })
          io.out(`Created ${user.role} account ${user.email} (plan ${user.plan}, id ${user.id}).`)
        }
      }
    })

  users
    .command('set-plan')
    .description("change an account's plan")
    .requiredOption('--email <email>', 'the account')
    .addOption(new Option('--plan <plan>', 'free or pro').argParser(parsePlan).makeOptionMandatory())
    .action((opts: { email: string; plan: Plan }) => {
      action = async (services) => {
        const user = await setUserPlan(services, { email: opts.email }, opts.plan, CLI_REQUEST).catch(
          renameNotFound(noAccountWithEmailMessage(opts.email)),
        )
        io.out(`${user.email} is now on the ${user.plan} plan.`)
      }
    })

  users
    .command('set-role')
    .description('make an account an admin or a user')
    .requiredOption('--email <email>', 'the account')
    .addOption(new Option('--role <role>', 'admin or user').argParser(parseRole).makeOptionMandatory())
    .action((opts: { email: string; role: Role }) => {
      action = async (services) => {
        const user = await setUserRole(services, { email: opts.email }, opts.role, CLI_REQUEST).catch(
          renameNotFound(noAccountWithEmailMessage(opts.email)),
        )
        io.out(`${user.email} now has the ${user.role} role.`)
      }
    })

  users
    .command('delete')
    .description('delete an account, revoking every key first')
    .requiredOption('--email <email>', 'the account')
    .option('--yes', 'confirm: the account and its keys are gone for good', false)
    .action((opts: { email: string; yes: boolean }) => {
      prepare = () => {
        if (!opts.yes) throw new UsageError(confirmDeleteMessage(opts.email))
      }
      action = async (services) => {
        const gone = await deleteUser(services, { email: opts.email }, CLI_REQUEST).catch(
          renameNotFound(noAccountWithEmailMessage(opts.email)),
        )
        io.out(`Deleted ${gone.email} (${gone.revoked_keys} active API keys revoked first).`)
      }
    })

  users
    .command('reset-password')
    .description('print a one-time password reset link (valid for 1 hour) for an account')
    .requiredOption('--email <email>', 'the account')
    .action((opts: { email: string }) => {
      action = async (services) => {
        const link = await issuePasswordResetLink(services, { email: opts.email }, new Date(), CLI_REQUEST).catch(
          renameNotFound(noAccountWithEmailMessage(opts.email)),
        )
        io.out(`Password reset link for ${link.email} (works once, until ${link.expires_at}):`)
        io.out(link.url)
      }
    })

  users
    .command('list')
    .description('list accounts')
    .option('--search <text>', 'only emails containing this text')
    .action((opts: { search?: string }) => {
      action = async (services) => {
        const rows = await listUsers(services, opts.search, 10_000)
        if (rows.length === 0) return io.out('No accounts.')
        printTable(
          io,
          ['EMAIL', 'PLAN', 'ROLE', 'ACTIVE KEYS', 'CREATED'],
          rows.map((r) => [r.email, r.plan, r.role, String(r.active_keys), r.created_at]),
        )
      }
    })

  const keys = program.command('keys').description("see and end any account's API keys")

  keys
    .command('list')
    .description("list an account's usable keys (never the secrets)")
    .requiredOption('--email <email>', 'the account')
    .option('--all', 'also expired and revoked keys', false)
    .action((opts: { email: string; all: boolean }) => {
      action = async (services) => {
        const user = await findUserByEmail(services, opts.email)
        if (!user) throw new ServiceError('NOT_FOUND', noAccountWithEmailMessage(opts.email))
        const rows = await listApiKeys(services, user.id, { state: opts.all ? 'all' : 'active' })
        if (rows.length === 0) return io.out(opts.all ? 'No keys.' : 'No usable keys (--all shows the others).')
        printTable(
          io,
          ['PREFIX', 'STATE', 'LABEL', 'CREATED', 'LAST USED', 'EXPIRES', 'REVOKED', 'REASON'],
          rows.map((k) => [
            k.prefix,
            k.state,
            k.label,
            k.created_at,
            k.last_used ?? '-',
            k.expires_at ?? 'never',
            k.revoked_at ?? '-',
            k.revoked_reason ?? '-',
          ]),
        )
      }
    })

  keys
    .command('revoke')
    .description('revoke any account\'s key at once, on every instance (recorded as reason "admin")')
    .requiredOption('--prefix <prefix>', 'the key prefix, e.g. sk_abc12345')
    .action((opts: { prefix: string }) => {
      action = async (services) => {
        await revokeAnyApiKey(services, opts.prefix, 'admin').catch(
          renameNotFound(noActiveKeyWithPrefixMessage(opts.prefix)),
        )
        io.out(`Revoked ${opts.prefix}.`)
      }
    })

  program
    .command('audit')
    .description("print an account's audit log, newest first")
    .requiredOption('--email <email>', 'the account')
    .addOption(new Option('--limit <n>', 'events to print').argParser(parseCount).default(100))
    .option('--json', 'one JSON object per line instead of a table', false)
    .action((opts: { email: string; limit: number; json: boolean }) => {
      action = async (services) => {
        const user = await findUserByEmail(services, opts.email)
        if (!user) throw new ServiceError('NOT_FOUND', noAccountWithEmailMessage(opts.email))
        const events: AuditEvent[] = []
        let cursor: string | undefined
        do {
          const page = await listAuditEvents(services, {
            userId: user.id,
            limit: Math.min(MAX_AUDIT_PAGE_SIZE, opts.limit - events.length),
            cursor,
          })
          events.push(...page.events)
          cursor = page.next_cursor ?? undefined
        } while (cursor && events.length < opts.limit)
        if (opts.json) return events.forEach((event) => io.out(JSON.stringify(event)))
        if (events.length === 0) return io.out(`No audit events for ${user.email}.`)
        io.out(['TIME', 'EVENT', 'ACTOR', 'KEY', 'IP', 'DETAILS'].join('  '))
        for (const e of events)
          io.out(
            [e.created_at, e.type, e.actor, e.key_prefix ?? '-', e.ip ?? '-', JSON.stringify(e.details)].join('  '),
          )
      }
    })

  try {
    await program.parseAsync(argv, { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2
    throw error
  }
  try {
    await prepare?.()
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.err(`storra: ${error.message}`)
    return 2
  }
  if (!action) {
    io.err(program.helpInformation().trimEnd())
    return 2
  }

  let config
  try {
    config = readEnv(env)
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error))
    return 2
  }
  let opened
  try {
    opened = await openServiceDatabase({ url: config.database.url, dataDir: config.database.dataDir, share: false })
  } catch (error) {
    io.err(`storra: cannot open the database: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
  try {
    const services = createServices(opened.database, {
      publicUrl: config.http.publicUrl ?? `http://localhost:${config.http.port}`,
    })
    await action(services)
    return 0
  } catch (error) {
    if (error instanceof ServiceError) {
      io.err(`storra: ${error.message}`)
      return 1
    }
    io.err(`storra: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  } finally {
    await opened.close()
  }
}
