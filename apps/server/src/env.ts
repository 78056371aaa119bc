import { isAbsolute, resolve } from 'node:path'
import { z } from 'zod'

// npm runs workspace scripts inside the workspace; INIT_CWD is where the person typed the
// command, so relative paths mean what they expect (the repository root for `npm start`).
const baseDir = process.env.INIT_CWD ?? process.cwd()

const integer = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback)
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .optional()
  .transform((v) => (v === undefined ? undefined : ['true', '1', 'yes'].includes(v)))

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: integer(3000).pipe(z.number().max(65535)),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  STORRA_DATA_DIR: z.string().min(1).default('.storra/data'),
  SESSION_SECRET: z.string().optional(),
  STORRA_SECURE_COOKIES: flag,
  STORRA_TRUST_PROXY: z.string().optional(),
  STORRA_ALLOWED_ORIGINS: z.string().optional(),
  STORRA_MAX_ACTIVE_KEYS: integer(100, 1),
  STORRA_KEY_CACHE_SIZE: integer(100_000),
  STORRA_KEY_CACHE_TTL_MS: integer(60_000, 1),
  STORRA_KEY_RATE_LIMIT: integer(100),
  STORRA_DB_POOL_SIZE: integer(10, 1),
  STORRA_WEB_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type Env = z.infer<typeof envSchema> & { dataDir: string }

/** Reads and validates the server's configuration; a bad value stops startup with a clear message. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
    throw new Error(`Invalid configuration:\n${problems}`)
  }
  const env = parsed.data
  if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
    throw new Error('Invalid configuration:\n  SESSION_SECRET: required in production (at least 32 characters)')
  }
  const dataDir = isAbsolute(env.STORRA_DATA_DIR) ? env.STORRA_DATA_DIR : resolve(baseDir, env.STORRA_DATA_DIR)
  return { ...env, dataDir }
}
