import pino from 'pino'
import { startServer, type RunningServer, type ServerConfig } from '../../src/server.ts'
import { testServerConfig, type TestServer } from '../../src/testing.ts'

/**
 * A second server process-equivalent on the database a (closed) test server used: the same
 * PGlite directory or the same PostgreSQL database. Dispose the original afterwards to delete it.
 */
export function restartOnSameDatabase(
  previous: TestServer,
  overrides: Partial<ServerConfig> = {},
): Promise<RunningServer> {
  return startServer(
    testServerConfig({
      logger: pino({ level: 'silent' }),
      ...overrides,
      dataDir: previous.dataDir,
      DATABASE_URL: previous.target === 'postgres' ? previous.databaseUrl : undefined,
    }),
  )
}
