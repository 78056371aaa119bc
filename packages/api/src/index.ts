export { appRouter, type AppRouter } from './root.ts'
export { createCallerFactory, type DashboardSession, type TRPCContext } from './trpc.ts'
export {
  auditListInput,
  changePasswordInput,
  keyFieldsBody,
  keyUsageInput,
  leakReportInput,
  listKeysQuery,
  loginInput,
  requestPasswordResetInput,
  resetPasswordInput,
  revokeKeyInput,
  rotateKeyBody,
  secretScanningAlertInput,
} from './router/inputs.ts'
export { SESSION_COOKIE_PROCEDURES } from './router/auth.ts'
export * from './schemas/index.ts'
export * from './services/index.ts'

import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server'
import type { AppRouter } from './root.ts'
export type RouterInputs = inferRouterInputs<AppRouter>
export type RouterOutputs = inferRouterOutputs<AppRouter>
