import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import {
  CLI_REQUEST,
  createServices,
  createUser,
  findUserByEmail,
  listApiKeys,
  listAuditEvents,
  listUsers,
  revokeAnyApiKey,
  ServiceError,
  setUserPlan,
  type Services,
} from '@storra/api'
import {
  MAX_AUDIT_PAGE_SIZE,
  noAccountWithEmailMessage,
  noActiveKeyWithPrefixMessage,
  PLANS,
  type AuditEvent,
  type Plan,
} from '@storra/core'
import { readEnv } from '../env.ts'
import { openServiceDatabase } from '../open-database.ts'

export interface CliIO {
  out(line: string): void
  err(line: string): void
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

/**
 * `storra` administers accounts on the same database as the server: PostgreSQL when
 * DATABASE_URL is set, otherwise the embedded database (through a running server's socket).
 * `env` is the configuration to read (the process's own when omitted, as `readEnv` does).
 * Returns the process exit code.
 */
export async function runCli(argv: string[], io: CliIO, env?: NodeJS.ProcessEnv): Promise<number> {
  let action: ((services: Services) => Promise<void>) | undefined

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
    .requiredOption('--password <password>', 'password (at least 12 characters)')
    .addOption(new Option('--plan <plan>', 'free or pro').argParser(parsePlan).default('free'))
    .option('--admin', 'give the account the admin role', false)
    .action((opts: { email: string; password: string; plan: Plan; admin: boolean }) => {
      action = async (services) => {
        const user = await createUser(services, {
          email: opts.email,
          password: opts.password,
          plan: opts.plan,
          role: opts.admin ? 'admin' : 'user',
        })
        io.out(`Created ${user.role} account ${user.email} (plan ${user.plan}, id ${user.id}).`)
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
    await action(createServices(opened.database))
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
