import type { z } from 'zod'
import type { ProcedurePath, ProcedureType } from '../shared/trpc-call.ts'
import {
  accountAuditInput,
  accountInput,
  auditListInput,
  changePasswordInput,
  createKeyInput,
  keyUsageInput,
  listKeysInput,
  listUserKeysInput,
  listUsersInput,
  noInput,
  revokeKeyInput,
  revokeUserKeyInput,
  rotateKeyInput,
  setPlanInput,
  setRoleInput,
  updateKeyInput,
} from './ipc-inputs.ts'

/** How main runs one allowlisted procedure: its tRPC type and the schema its input must pass first. */
export interface AllowedProcedure<Type = string> {
  type: Type
  input: z.ZodType
}

/**
 * The dashboard procedures the renderer may run through `trpc:call`, and nothing else: signing
 * in and out stay on their own channels because they handle the session cookie, which never
 * leaves main. Adding an operation to the app is one line here (checked against `AppRouter`:
 * a wrong path or type does not compile) and its use in the renderer.
 */
export const TRPC_ALLOWLIST = {
  'auth.me': { type: 'query', input: noInput },
  'apiKeys.list': { type: 'query', input: listKeysInput },
  'apiKeys.policy': { type: 'query', input: noInput },
  'apiKeys.leakRevocations': { type: 'query', input: noInput },
  'apiKeys.create': { type: 'mutation', input: createKeyInput },
  'apiKeys.update': { type: 'mutation', input: updateKeyInput },
  'apiKeys.rotate': { type: 'mutation', input: rotateKeyInput },
  'apiKeys.revoke': { type: 'mutation', input: revokeKeyInput },
  'apiKeys.usage': { type: 'query', input: keyUsageInput },
  'apiKeys.activity': { type: 'query', input: noInput },
  'audit.list': { type: 'query', input: auditListInput },
  'admin.listUsers': { type: 'query', input: listUsersInput },
  'admin.setPlan': { type: 'mutation', input: setPlanInput },
  'admin.listKeys': { type: 'query', input: listUserKeysInput },
  'admin.revokeKey': { type: 'mutation', input: revokeUserKeyInput },
  'admin.auditLog': { type: 'query', input: accountAuditInput },
  'admin.setRole': { type: 'mutation', input: setRoleInput },
  'admin.deleteUser': { type: 'mutation', input: accountInput },
  'admin.resetLink': { type: 'mutation', input: accountInput },
  // The answer's new session cookie stays in main's jar, like every other call's.
  'auth.changePassword': { type: 'mutation', input: changePasswordInput },
  'auth.logoutEverywhere': { type: 'mutation', input: noInput },
  'billing.status': { type: 'query', input: noInput },
  'billing.checkout': { type: 'mutation', input: noInput },
  'billing.portal': { type: 'mutation', input: noInput },
} as const satisfies { [Path in ProcedurePath]?: AllowedProcedure<ProcedureType<Path>> }

/** True for the paths in {@link TRPC_ALLOWLIST}; `__proto__` and friends are not. */
export function isAllowedProcedure(path: string): path is keyof typeof TRPC_ALLOWLIST {
  return Object.hasOwn(TRPC_ALLOWLIST, path)
}
