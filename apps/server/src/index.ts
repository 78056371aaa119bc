import { listUsers } from '@storra/api'
import { portInUseMessage } from '@storra/core'
import { readEnv } from './env.ts'
import { startServer } from './server.ts'
import { stopOnSignals } from './shutdown.ts'

const config = readEnv()
const running = await startServer(config).catch((error: unknown) => {
  // A busy port is the most common first-run problem: say which one and what to do, with no stack.
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const reason =
    code === 'EADDRINUSE'
      ? portInUseMessage(config.http.port, config.http.host)
      : error instanceof Error
        ? error.message
        : String(error)
  console.error(`storra: could not start: ${reason}`)
  process.exit(1)
})
const { logger } = running

const where = config.database.url ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.database.dataDir}`
const limits = config.redis.url ? 'shared through Redis (REDIS_URL)' : 'per instance'
logger.info(`Storra key service listening on ${running.url} (database: ${where}; rate limits: ${limits})`)
if (process.stdout.isTTY || config.mode !== 'production') {
  // Unknown (the query failed): better no hint than a wrong one.
  const hasAccount = await listUsers(running.services, undefined, 1).then(
    (rows) => rows.length > 0,
    () => true,
  )
  const next = hasAccount
    ? ''
    : `  Create the first account in another terminal:
    npm run storra -- users create --email you@example.com --password 'a-long-password' --plan pro
`
  console.log(`
  Storra is running: open ${running.url}/dashboard/
${next}`)
}

stopOnSignals(running, logger)
