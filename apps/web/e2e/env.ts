/** Runs `work` with NODE_ENV set to `value`, then puts back what was there (or nothing) whatever happens. */
export async function withNodeEnv<T>(value: string, work: () => Promise<T>): Promise<T> {
  const previous = process.env.NODE_ENV
  process.env.NODE_ENV = value
  try {
    return await work()
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = previous
  }
}
