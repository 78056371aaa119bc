import { readEnv } from './env.ts'
import { startServer } from './server.ts'

const config = readEnv()
const running = await startServer(config).catch((error: unknown) => {
  console.error(`storra: could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
const { logger } = running

const where = config.database.url ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.database.dataDir}`
logger.info(`Storra key service listening on ${running.url} (database: ${where})`)
if (process.stdout.isTTY || config.mode !== 'production') {
  console.log(`
  Storra is running: open ${running.url}/dashboard/
  Create the first account in another terminal:
    npm run storra -- users create --email you@example.com --password 'a-long-password' --plan pro
`)
}

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down: finishing in-flight requests')
    const forced = setTimeout(() => {
      logger.error('shutdown took too long; exiting')
      process.exit(1)
    }, 25_000)
    forced.unref()
    running
      .close()
      .then(() => {
        logger.info('stopped cleanly')
        process.exit(0)
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed')
        process.exit(1)
      })
  })
}
