import { afterEach, expect, it } from 'vitest'
import { eq, sql } from 'drizzle-orm'
import { apiKeys, users } from './schema.ts'
import type { TestDatabase } from './testing.ts'
import { describeEachDatabase } from './testing-suites.ts'

describeEachDatabase('database', (target) => {
  let handle: TestDatabase | undefined
  afterEach(async () => {
    await handle?.dispose()
    handle = undefined
  })

  // Issue 10 item 19: `npm test` must say which database each suite ran against.
  it('is titled with the database it runs against', () => {
    expect(expect.getState().currentTestName).toContain(`database [${target.name}] >`)
  })

  it('applies the migrations and round-trips rows', async () => {
    handle = await target.create()
    const { db } = handle.database
    const [user] = await db
      .insert(users)
      .values({ email: 'Ada@Example.com', passwordHash: 'x', plan: 'pro' })
      .returning()
    expect(user!.plan).toBe('pro')
    expect(user!.role).toBe('user')
    await db.insert(apiKeys).values({ userId: user!.id, prefix: 'sk_abc12345', keyHash: 'h'.repeat(64), label: 'L' })
    const rows = await db.select().from(apiKeys).where(eq(apiKeys.userId, user!.id))
    expect(rows).toHaveLength(1)
    expect(rows[0]!.createdAt).toBeInstanceOf(Date)
    expect(rows[0]!.lastUsed).toBeNull()
  })

  it('keeps emails unique regardless of case', async () => {
    handle = await target.create()
    const { db } = handle.database
    await db.insert(users).values({ email: 'ada@example.com', passwordHash: 'x' })
    await expect(db.insert(users).values({ email: 'ADA@example.com', passwordHash: 'x' })).rejects.toThrow()
  })

  it('keeps prefixes and hashes unique and plans constrained', async () => {
    handle = await target.create()
    const { db } = handle.database
    const [user] = await db.insert(users).values({ email: 'a@b.c', passwordHash: 'x' }).returning()
    await db.insert(apiKeys).values({ userId: user!.id, prefix: 'sk_aaaaaaaa', keyHash: '1', label: 'L' })
    await expect(
      db.insert(apiKeys).values({ userId: user!.id, prefix: 'sk_aaaaaaaa', keyHash: '2', label: 'L' }),
    ).rejects.toThrow()
    await expect(
      db.insert(apiKeys).values({ userId: user!.id, prefix: 'sk_bbbbbbbb', keyHash: '1', label: 'L' }),
    ).rejects.toThrow()
    await expect(db.execute(sql`update users set plan = 'gold'`)).rejects.toThrow()
  })

  it('delivers notifications to listeners', async () => {
    handle = await target.create()
    const received = new Promise<string>((resolve) => {
      void handle!.database.listen('storra_test', resolve)
    })
    // The listener connects asynchronously; keep notifying until it hears one.
    let payload: string | undefined
    for (let i = 0; i < 50 && payload === undefined; i++) {
      await handle.database.notify('storra_test', 'hello')
      payload = await Promise.race([received, new Promise<undefined>((r) => setTimeout(r, 50, undefined))])
    }
    expect(payload).toBe('hello')
  })
})
