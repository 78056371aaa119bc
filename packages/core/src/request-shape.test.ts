import { describe, expect, it } from 'vitest'
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './request-shape.ts'

const nest = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown

describe('exceedsJsonDepth', () => {
  it('counts levels of arrays and objects', () => {
    expect(exceedsJsonDepth('text')).toBe(false)
    expect(exceedsJsonDepth({ label: 'x' }, 1)).toBe(false)
    expect(exceedsJsonDepth({ a: { b: 1 } }, 1)).toBe(true)
    expect(exceedsJsonDepth(nest(MAX_JSON_DEPTH))).toBe(false)
    expect(exceedsJsonDepth(nest(MAX_JSON_DEPTH + 1))).toBe(true)
  })

  it('measures very deep values without overflowing the stack', () => {
    expect(exceedsJsonDepth(nest(200_000))).toBe(true)
    expect(exceedsJsonDepth({ wide: Array.from({ length: 10_000 }, () => ({ x: [1] })) })).toBe(false)
  })
})
