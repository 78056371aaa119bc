export { appRouter, type AppRouter } from './root.ts'
export { createCallerFactory, type DashboardSession, type TRPCContext } from './trpc.ts'
export * from './services/index.ts'

import type { inferRouterOutputs } from '@trpc/server'
import type { AppRouter } from './root.ts'
export type RouterOutputs = inferRouterOutputs<AppRouter>
