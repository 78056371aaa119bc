import { isAbsolute } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_WEB_DIST, readEnv } from '../src/env.ts'

const SECRET = 'a-session-secret-of-at-least-32-characters'

describe('readEnv', () => {
  it('builds the nested configuration with the documented defaults', () => {
    const config = readEnv({})
    expect(config).toMatchObject({
      mode: 'development',
      http: { port: 3000, host: '127.0.0.1', trustProxy: false },
      database: { url: undefined, poolSize: 10 },
      session: { secret: undefined, secureCookies: undefined },
      limits: {
        maxActiveKeys: 100,
        keyRequestsPerSecond: 100,
        failedKeyAttemptsPerIpPerMinute: 120,
        leakReportsPerIpPerHour: 60,
      },
      secretScanning: { keysFile: undefined },
      keys: { maxLifetimeDays: null, rotationQuietSeconds: 900, rotationSweepIntervalMs: 5_000 },
      cache: { keys: 100_000, ttlMs: 60_000 },
      audit: { retentionDays: 365 },
      web: { distDir: DEFAULT_WEB_DIST, allowedOrigins: [] },
      log: { level: 'info', requests: true },
    })
    expect(isAbsolute(config.database.dataDir)).toBe(true)
  })

  it('reads the leak report limit and resolves the secret-scanning keys file', () => {
    const config = readEnv({ STORRA_LEAK_REPORT_RATE_LIMIT: '5', STORRA_SECRET_SCANNING_KEYS_FILE: 'keys.json' })
    expect(config.limits.leakReportsPerIpPerHour).toBe(5)
    expect(isAbsolute(config.secretScanning.keysFile!)).toBe(true)
    expect(() => readEnv({ STORRA_LEAK_REPORT_RATE_LIMIT: '-1' })).toThrow(/STORRA_LEAK_REPORT_RATE_LIMIT/)
  })

  it('parses trust proxy, origins and session secrets once, here', () => {
    expect(readEnv({ STORRA_TRUST_PROXY: 'true' }).http.trustProxy).toBe(true)
    expect(readEnv({ STORRA_TRUST_PROXY: '2' }).http.trustProxy).toBe(2)
    expect(readEnv({ STORRA_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).http.trustProxy).toBe('loopback, 10.0.0.0/8')
    expect(readEnv({ STORRA_ALLOWED_ORIGINS: ' https://a.example , ,https://b.example' }).web.allowedOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ])
    expect(readEnv({ SESSION_SECRET: SECRET }).session.secret).toEqual({ 1: SECRET })
    expect(readEnv({ SESSION_SECRET: `2:${SECRET}x,1:${SECRET}` }).session.secret).toEqual({
      2: `${SECRET}x`,
      1: SECRET,
    })
    expect(readEnv({ STORRA_SECURE_COOKIES: 'yes', DATABASE_URL: 'postgres://h/db' })).toMatchObject({
      session: { secureCookies: true },
      database: { url: 'postgres://h/db' },
    })
  })

  it('reads the key lifecycle settings', () => {
    expect(readEnv({ STORRA_MAX_KEY_LIFETIME_DAYS: '90', STORRA_ROTATION_QUIET_SECONDS: '60' }).keys).toMatchObject({
      maxLifetimeDays: 90,
      rotationQuietSeconds: 60,
    })
    expect(readEnv({ STORRA_MAX_KEY_LIFETIME_DAYS: '' }).keys.maxLifetimeDays).toBeNull()
    expect(() => readEnv({ STORRA_MAX_KEY_LIFETIME_DAYS: '0' })).toThrow(/STORRA_MAX_KEY_LIFETIME_DAYS/)
    expect(() => readEnv({ STORRA_MAX_KEY_LIFETIME_DAYS: 'soon' })).toThrow(/STORRA_MAX_KEY_LIFETIME_DAYS/)
    expect(() => readEnv({ STORRA_ROTATION_QUIET_SECONDS: '0' })).toThrow(/STORRA_ROTATION_QUIET_SECONDS/)
  })

  it('refuses bad values with a message naming each variable', () => {
    expect(() => readEnv({ PORT: '70000', LOG_LEVEL: 'loud' })).toThrow(/PORT[\s\S]*LOG_LEVEL/)
    expect(() => readEnv({ SESSION_SECRET: 'short' })).toThrow(
      /Invalid configuration:\n {2}SESSION_SECRET: .*32 characters/,
    )
    expect(() => readEnv({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET: required in production/)
    expect(readEnv({ NODE_ENV: 'production', SESSION_SECRET: SECRET }).mode).toBe('production')
  })

  it('reads Stripe and mail settings: all three STRIPE_* or none, the API base as host, port and protocol', () => {
    const none = readEnv({})
    expect([none.stripe, none.mail, none.http.publicUrl]).toEqual([undefined, undefined, undefined])
    const stripe = { STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_1', STRIPE_PRICE_ID: 'price_1' }
    expect(readEnv({ ...stripe, STRIPE_API_BASE: 'http://127.0.0.1:12111' }).stripe).toEqual({
      secretKey: 'sk_test_1',
      webhookSecret: 'whsec_1',
      priceId: 'price_1',
      apiBase: { host: '127.0.0.1', port: 12111, protocol: 'http' },
    })
    expect(readEnv(stripe).stripe?.apiBase).toBeUndefined()
    expect(() => readEnv({ STRIPE_SECRET_KEY: 'sk_test_1' })).toThrow(
      /STRIPE_WEBHOOK_SECRET: required when any STRIPE_\* is set[\s\S]*STRIPE_PRICE_ID/,
    )
    expect(() => readEnv({ ...stripe, STRIPE_API_BASE: 'not a url' })).toThrow(/STRIPE_API_BASE/)
    expect(readEnv({ SMTP_URL: 'smtp://mail.example:587' }).mail).toEqual({
      url: 'smtp://mail.example:587',
      from: 'Storra Cloud <no-reply@localhost>',
    })
    expect(readEnv({ STORRA_PUBLIC_URL: 'https://keys.example.com/' }).http.publicUrl).toBe('https://keys.example.com')
  })

  it('reads REDIS_URL for limits shared across instances, absent by default', () => {
    expect(readEnv({}).redis.url).toBeUndefined()
    expect(readEnv({ REDIS_URL: '' }).redis.url).toBeUndefined()
    expect(readEnv({ REDIS_URL: 'redis://127.0.0.1:6379' }).redis.url).toBe('redis://127.0.0.1:6379')
    expect(readEnv({ REDIS_URL: 'rediss://:pw@cache.internal:6380/2' }).redis.url).toBe(
      'rediss://:pw@cache.internal:6380/2',
    )
    expect(() => readEnv({ REDIS_URL: 'http://cache' })).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/)
  })
})
