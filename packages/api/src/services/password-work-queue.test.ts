import { describe, expect, it } from 'vitest'
import { ServiceError } from './service-error.ts'
import { PasswordWorkQueue } from './password-work-queue.ts'

function gate(): { open(): void; wait: Promise<void> } {
  let open!: () => void
  const wait = new Promise<void>((resolve) => (open = resolve))
  return { open, wait }
}

describe('PasswordWorkQueue', () => {
  it('runs at most `concurrency` jobs, queues `maxQueued`, refuses the rest with a 503 ServiceError', async () => {
    const queue = new PasswordWorkQueue({ concurrency: 2, maxQueued: 1, maxWaitMs: 60_000 })
    const g = gate()
    const order: number[] = []
    const jobs = [0, 1, 2].map((i) => queue.run(async () => (await g.wait, order.push(i), i)))
    expect(queue.load).toEqual({ active: 2, queued: 1 })
    const refused = await queue.run(() => Promise.resolve('never')).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ServiceError)
    expect((refused as ServiceError).status).toBe(503)
    expect((refused as ServiceError).retryAfterSeconds).toBe(1)
    g.open()
    expect(await Promise.all(jobs)).toEqual([0, 1, 2])
    expect(order.at(-1)).toBe(2) // the queued job ran after a slot was handed on
    expect(queue.load).toEqual({ active: 0, queued: 0 })
  })

  it('frees the slot when a job fails', async () => {
    const queue = new PasswordWorkQueue({ concurrency: 1, maxQueued: 0, maxWaitMs: 60_000 })
    await expect(queue.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await queue.run(() => Promise.resolve('ok'))).toBe('ok')
  })

  it('refuses a job that waited longer than maxWaitMs and forgets it', async () => {
    const queue = new PasswordWorkQueue({ concurrency: 1, maxQueued: 5, maxWaitMs: 10 })
    const g = gate()
    const holder = queue.run(() => g.wait)
    await expect(queue.run(() => Promise.resolve('late'))).rejects.toBeInstanceOf(ServiceError)
    expect(queue.load).toEqual({ active: 1, queued: 0 })
    g.open()
    await holder
    expect(queue.load).toEqual({ active: 0, queued: 0 })
  })
})
