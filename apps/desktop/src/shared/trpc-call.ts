import type { AppRouter, RouterInputs, RouterOutputs } from '@storra/api'
import type { AnyProcedure, TRPCRouterRecord as RouterRecord } from '@trpc/server'
import type { TRPC_ALLOWLIST } from '../main/trpc-allowlist.ts'
import type { DesktopResult } from './desktop-api.ts'

// Type-only: the renderer never loads @storra/api, @trpc/server or main's allowlist at run time.

/** Every procedure path of a router record, dotted as tRPC spells it: `apiKeys.list`. */
type PathsOf<Record extends RouterRecord, Prefix extends string = ''> = {
  [Key in keyof Record & string]: Record[Key] extends AnyProcedure
    ? `${Prefix}${Key}`
    : Record[Key] extends RouterRecord
      ? PathsOf<Record[Key], `${Prefix}${Key}.`>
      : never
}[keyof Record & string]

/** Walks a nested object along a dotted path. */
type At<Tree, Path extends string> = Path extends `${infer Head}.${infer Rest}`
  ? Head extends keyof Tree
    ? At<Tree[Head], Rest>
    : never
  : Path extends keyof Tree
    ? Tree[Path]
    : never

/** Any procedure of the dashboard router (`@storra/api`'s `AppRouter`). */
export type ProcedurePath = PathsOf<AppRouter['_def']['record']>
/** `query` or `mutation`, as the server declares it. */
export type ProcedureType<Path extends ProcedurePath> =
  At<AppRouter['_def']['record'], Path> extends { _def: { type: infer T } } ? T : never

/** The procedures the renderer may call through `trpc:call`: the keys of main's allowlist. */
type TrpcCallPath = keyof typeof TRPC_ALLOWLIST
type TrpcCallInput<Path extends TrpcCallPath> = At<RouterInputs, Path>
type TrpcCallOutput<Path extends TrpcCallPath> = At<RouterOutputs, Path>

/** What crosses the `trpc:call` channel: a procedure path and its input (absent for procedures without one). */
export interface TrpcCallRequest {
  path: string
  input?: unknown
}

/**
 * `window.api.call`: runs one allowlisted dashboard procedure in the main process, which adds
 * the session cookie. The input parameter may be left out when the procedure takes none.
 */
export type TrpcCall = <Path extends TrpcCallPath>(
  path: Path,
  ...input: undefined extends TrpcCallInput<Path> ? [input?: TrpcCallInput<Path>] : [input: TrpcCallInput<Path>]
) => Promise<DesktopResult<TrpcCallOutput<Path>>>
