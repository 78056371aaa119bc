/**
 * The PostgreSQL server the database tests also run on, e.g. `postgres://postgres@127.0.0.1:5432/test`;
 * unset (or empty) means PGlite only. Each test makes a fresh database of its own on that server.
 */
export const TEST_DATABASE_URL: string | undefined = process.env.TEST_DATABASE_URL
