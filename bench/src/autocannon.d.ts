// autocannon ships no types; this declares only what the load worker uses.
declare module 'autocannon' {
  interface Request {
    method?: string
    path?: string
    headers?: Record<string, string>
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request
  }
  interface Options {
    url: string
    connections?: number
    duration?: number
    timeout?: number
    requests?: Request[]
  }
  interface Result {
    duration: number
    errors: number
    timeouts: number
    requests: { total: number; average: number }
    statusCodeStats: Record<string, { count: number }>
  }
  interface Instance {
    on(
      event: 'response',
      listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void,
    ): void
  }
  function autocannon(options: Options, done: (error: Error | null, result: Result) => void): Instance
  export default autocannon
}
