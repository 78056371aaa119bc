/** The PostgreSQL server the bench makes its throwaway databases on (BENCH_DATABASE_URL); CI's local one by default. */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/** The port a server child listens on: the parent (child-process.ts) picks a free one and passes it as PORT. */
export function childPort(): number {
  return Number(process.env.PORT)
}

/** What a server child inherits from the bench: PATH to find binaries, HOME for tools that want one; nothing else. */
export function inheritedChildEnv(): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' }
}
