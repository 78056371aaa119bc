import { describe, expect, it } from 'vitest'
import { CookieJar } from './cookie-jar.ts'

describe('CookieJar', () => {
  it('sends what Set-Cookie stored and replaces a cookie of the same name', () => {
    const jar = new CookieJar()
    expect(jar.header()).toBeUndefined()
    jar.storeFrom(['storra_session=first; Path=/; HttpOnly; SameSite=Lax', 'theme=dark'])
    expect(jar.header()).toBe('storra_session=first; theme=dark')
    jar.storeFrom(['storra_session=second; Path=/'])
    expect(jar.header()).toBe('storra_session=second; theme=dark')
  })

  it('deletes cookies the way servers do: empty value, Max-Age=0, or an Expires in the past', () => {
    const jar = new CookieJar()
    jar.storeFrom(['a=1', 'b=2', 'c=3', 'd=4'])
    jar.storeFrom(['a=; Path=/', 'b=gone; Max-Age=0', 'c=gone; Expires=Thu, 01 Jan 1970 00:00:00 GMT'])
    expect(jar.header()).toBe('d=4')
  })

  it('forgets cookies once they expire, with Max-Age taking precedence over Expires', () => {
    let now = Date.parse('2030-01-01T00:00:00Z')
    const jar = new CookieJar([], () => now)
    jar.storeFrom(['s=1; Expires=Thu, 01 Jan 2099 00:00:00 GMT; Max-Age=60'])
    expect(jar.snapshot()).toEqual([{ name: 's', value: '1', expiresAt: now + 60_000 }])
    now += 59_000
    expect(jar.isEmpty).toBe(false)
    now += 1_000
    expect(jar.isEmpty).toBe(true)
    expect(jar.header()).toBeUndefined()
  })

  it('drops expired cookies it is restored with and counts every change', () => {
    const now = Date.now()
    const jar = new CookieJar([
      { name: 'old', value: 'x', expiresAt: now - 1 },
      { name: 'live', value: 'y', expiresAt: now + 60_000 },
    ])
    expect(jar.header()).toBe('live=y')
    const before = jar.version
    jar.storeFrom(['ignored-without-equals', '=no-name'])
    expect(jar.version).toBe(before)
    jar.clear()
    expect(jar.version).toBe(before + 1)
    expect(jar.isEmpty).toBe(true)
  })
})
