/**
 * The one dispatcher. Each domain declares its operations once, in
 * `src/main/<domain>/ops.ts`; ./op-table.ts merges those sets, and this file runs
 * an operation by name for the Electron shell, the web server, the CLI and the
 * keeper's recovery mode, loading only the set the operation is in and the
 * domains it needs (so `holdfast oncall` reads the rosters' code, not every
 * domain's). The contract every adapter and the renderer use is derived from
 * the merged table (src/shared/contract.ts).
 */
import type { z } from 'zod';
import { RESPONDER, type Session } from '../shared/access';
import type { ChangeEvent } from '../shared/events';
import { READABLE } from '../shared/issue-words';
import type { ResponderIdentity } from '../shared/sync';
import { fail, ok, type Result } from '../shared/result';
import type { Core } from './core/core';
import { asResponder } from './core/request-context';
import { internalMessage, toApiError, validationError } from './errors';
import { refusal } from './operations/access';
import type { OpContext } from './operations/context';
import type { AnyOperation } from './operations/op';
import { OPERATION_NAMES, OPERATION_SETS } from '../shared/operation-names';
import { DOMAINS, loadDomains, type Domain } from './core/domains';
import type { Operations, OpSetName } from './op-table';
import { openStoreRecovery, type RecoveryContext } from './recovery/context';
import { decodeResponder } from './sync/identity';

export type { Operations, OpSetName };
export type OperationName = keyof Operations;
/** What a caller sends (defaults not yet applied). */
export type InputOf<N extends OperationName> = z.input<Operations[N]['input']>;
/** What a handler receives, after the schema has parsed it. */
export type ParsedInputOf<N extends OperationName> = z.output<Operations[N]['input']>;
export type OutputOf<N extends OperationName> = Awaited<ReturnType<Operations[N]['handler']>>;

export const operationNames: readonly OperationName[] = OPERATION_NAMES;

export const isOperationName = (name: string): name is OperationName => Object.hasOwn(OPERATION_SETS, name);

/** Each domain's op set, loaded when an operation of it is first called. */
const OP_SET_LOADERS: { [S in OpSetName]: () => Promise<Operations> } = {
  recovery: async () => (await import('./recovery/ops')).recoveryOps as Operations,
  workspace: async () => (await import('./workspace/ops')).workspaceOps as Operations,
  runbooks: async () => (await import('./runbooks/ops')).runbookOps as Operations,
  rosters: async () => (await import('./rosters/ops')).rosterOps as Operations,
  incidents: async () => (await import('./incidents/ops')).incidentOps as Operations,
  postmortems: async () => (await import('./postmortems/ops')).postmortemOps as Operations,
  drills: async () => (await import('./drills/ops')).drillOps as Operations,
  slos: async () => (await import('./slos/ops')).sloOps as Operations,
  changes: async () => (await import('./changes/ops')).changeOps as Operations,
  sync: async () => (await import('./sync/ops')).syncOps as Operations,
};

/**
 * The domains whose services a set's reads use (its handlers' context). A write
 * loads every domain: its change events refresh the break-glass file, which
 * reads them all. The recovery operations need no open store.
 */
const READS_USE: { [S in OpSetName]: readonly Domain[] } = {
  recovery: [],
  workspace: DOMAINS,
  runbooks: ['runbooks'],
  rosters: ['rosters'],
  incidents: ['incidents'],
  postmortems: ['postmortems'],
  drills: ['drills'],
  slos: ['slos'],
  changes: ['changes'],
  sync: DOMAINS,
};

/** One operation's declaration, its set loaded if it was not yet, with the domains it runs over. */
export async function operationNamed(name: OperationName): Promise<AnyOperation> {
  const set = OPERATION_SETS[name];
  const operation: AnyOperation = (await OP_SET_LOADERS[set]())[name];
  await loadDomains(operation.access === 'read' ? [...READS_USE[set], ...(operation.loads ?? [])] : DOMAINS);
  return operation;
}

/** Where a change event goes: the event bus of whoever serves the operation. */
interface Announcer {
  emit(event: ChangeEvent): void;
}

/** What a process serves operations with. */
export interface Serving {
  /** The open store; undefined while it is not open (recovery mode): only the recovery operations run then. */
  core: { context: OpContext; events: Announcer } | undefined;
  /** What the recovery operations (src/main/recovery/ops.ts) work with; they need no open store. */
  recovery: { context: RecoveryContext; events: Announcer };
  /** Why an operation that needs the store cannot run now (its STORE_UNREADABLE message). */
  unavailable(): string;
}

/**
 * Runs one operation by name on untrusted input for a session: refuses an
 * unknown name, a call the session may not make and input its schema rejects,
 * runs the handler, and announces the change events the operation declares once
 * it has succeeded. Never throws.
 */
export async function serve(serving: Serving, name: string, rawInput: unknown, session: Session): Promise<Result<unknown>> {
  if (!isOperationName(name)) {
    const shown = name.length > 80 ? `${name.slice(0, 80)}…` : name;
    return fail('UNKNOWN_OPERATION', `Unknown operation "${shown}". Known operations: ${operationNames.join(', ')}.`);
  }
  const operation = await operationNamed(name);
  const target = OPERATION_SETS[name] === 'recovery' ? serving.recovery : serving.core;
  if (!target) return fail('STORE_UNREADABLE', serving.unavailable());
  const refused = refusal(session, operation.access);
  if (refused) return fail('FORBIDDEN', refused);
  const parsed = operation.input.safeParse(rawInput ?? {}, READABLE);
  if (!parsed.success) return { ok: false, error: toApiError(validationError(parsed.error)) };
  // The operation's own schema parsed the input, and its set names the context it runs over.
  const handler = operation.handler as (input: unknown, context: unknown, session: Session) => unknown;
  let output: unknown;
  try {
    const responder = actingResponder(session, operation.access);
    output = await asResponder(responder, () => handler(parsed.data, target.context, session));
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError.code !== 'INTERNAL') return { ok: false, error: apiError };
    console.error(`[holdfast] ${name} failed:`, error);
    return { ok: false, error: { ...apiError, message: internalMessage(error instanceof Error ? error.message : String(error), operation.summary) } };
  }
  announce(target.events, name, operation, parsed.data, output);
  return ok(output);
}

/**
 * Who a call that may write is by: the responder its console named, checked
 * (a name that cannot be one is refused in words before anything runs). A read
 * writes nothing, and a viewer stays anonymous, so theirs is not looked at.
 */
function actingResponder(session: Session, access: AnyOperation['access']): ResponderIdentity | null {
  if (access === 'read' || session.role !== 'responder') return null;
  return decodeResponder(session.responder);
}

/** The change events a succeeded operation declares; a listener's failure is logged and never undoes the answer. */
function announce(events: Announcer, name: string, operation: AnyOperation, input: unknown, output: unknown): void {
  try {
    const emits = operation.emits as ((input: unknown, output: unknown) => readonly ChangeEvent[]) | undefined;
    for (const event of emits?.(input, output) ?? []) events.emit(event);
  } catch (error) {
    console.error(`[holdfast] ${name} succeeded, but announcing its change failed:`, error);
  }
}

/**
 * Runs one operation on a core opened on its own (the CLI, tests) for a session,
 * a responder unless told otherwise. Never throws.
 */
export function dispatch(core: Core, name: string, rawInput: unknown, session: Session = RESPONDER): Promise<Result<unknown>> {
  const serving: Serving = {
    core: { context: core, events: core.events },
    recovery: { context: openStoreRecovery(core.options.dataDir), events: core.events },
    unavailable: () => `The data file ${core.databaseFile} is not open.`,
  };
  return serve(serving, name, rawInput, session);
}

/** `dispatch` with the types of the contract, for callers inside the core process. */
export function call<N extends OperationName>(core: Core, name: N, input: InputOf<N>): Promise<Result<OutputOf<N>>> {
  return dispatch(core, name, input) as Promise<Result<OutputOf<N>>>;
}
