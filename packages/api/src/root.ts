import { adminRouter } from './router/admin.ts'
import { apiKeysRouter } from './router/api-keys.ts'
import { auditRouter } from './router/audit.ts'
import { authRouter } from './router/auth.ts'
import { billingRouter } from './router/billing.ts'
import { createTRPCRouter } from './trpc.ts'

export const appRouter = createTRPCRouter({
  auth: authRouter,
  apiKeys: apiKeysRouter,
  admin: adminRouter,
  audit: auditRouter,
  billing: billingRouter,
})

export type AppRouter = typeof appRouter
