import pino from 'pino'
import { startServer, type RunningServer } from '../../src/server.ts'
import { testServerConfig, type ServerConfigOverrides, type TestServer } from '../../src/testing.ts'

/**
 * A second server process-equivalent on the database a (closed) test server used: the same
 * PGlite directory or the same PostgreSQL database. Dispose the original afterwards to delete it.
 */
export function restartOnSameDatabase(
  previous: TestServer,
  overrides: ServerConfigOverrides = {},
): Promise<RunningServer> {
  const database = { dataDir: previous.dataDir, url: previous.target === 'postgres' ? previous.databaseUrl : undefined }
  return startServer(testServerConfig({ ...overrides, database: { ...overrides.database, ...database } }), {
    logger: pino({ level: 'silent' }),
  })
}
