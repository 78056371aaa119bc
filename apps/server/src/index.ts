import { readEnv } from './env.ts'
import { startServer } from './server.ts'
import { stopOnSignals } from './shutdown.ts'

const env = readEnv()
const running = await startServer(env).catch((error: unknown) => {
  console.error(`storra: could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
const { logger } = running

const where = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${env.dataDir}`
logger.info(`Storra key service listening on ${running.url} (database: ${where})`)
if (process.stdout.isTTY || env.NODE_ENV !== 'production') {
  console.log(`
  Storra is running: open ${running.url}/dashboard/
  Create the first account in another terminal:
    npm run storra -- users create --email you@example.com --password 'a-long-password' --plan pro
`)
}

stopOnSignals(running, logger)
