/**
 * The console's one data layer for what the core holds (TanStack Query): every
 * read is cached by operation and input (`[operation, input]`), kept until a
 * change event says it is stale (src/renderer/api/invalidation.ts), and shared by
 * every component that shows it. Writes go through `runWrite` (./mutations.ts).
 * zustand keeps UI state only (selection, filters, drafts, dialogs).
 */
import { keepPreviousData, notifyManager, QueryClient, useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract';
import type { ApiError, Result } from '../../shared/result';
import { api } from './client';

// Answers reach the screen in the same task they arrive in, not a timer later: nothing waits on a clock
// (a drill rehearsed on a paused test clock still sees its changes).
notifyManager.setScheduler(queueMicrotask);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // The core pushes a change event for everything it changes: what is cached is current until one says otherwise.
      staleTime: Infinity,
      gcTime: 10 * 60_000,
      // An answer is an answer (a refusal, a missing incident): asking again would give the same.
      retry: false,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      // Offline-first: the core is on this machine, whatever the browser thinks of the network.
      networkMode: 'always',
    },
    mutations: { networkMode: 'always', retry: false },
  },
});

/** A refusal or failure the core answered with, as an Error the data layer can carry. */
export class OpError extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
    this.name = 'OpError';
  }
}

/** The cache key of a read: the operation and its input. */
export const opKey = <N extends OperationName>(name: N, input: InputOf<N>): [N, InputOf<N>] => [name, input];

/** Runs a read through the client; a failure becomes an OpError (how a query fails). */
export async function fetchOp<N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const call = api[name] as (input: InputOf<N>) => Promise<Result<OutputOf<N>>>;
  const result = await call(input);
  if (!result.ok) throw new OpError(result.error);
  return result.value;
}

export interface UseOpOptions {
  /** False holds the read back (its input is not known yet, or this console may not ask). */
  enabled?: boolean;
  /**
   * While a new input's answer is on its way, keep showing the last one (a search as
   * it is typed, another date range): no empty flash for a query that takes a millisecond.
   */
  keepPrevious?: boolean;
  /** Forget the answer as soon as nothing shows it (a preview of a large body as typed: each version is worth nothing later). */
  forget?: boolean;
}

/** A read, cached by operation and input: `data` stays on screen while it is fetched again. */
export function useOp<N extends OperationName>(name: N, input: InputOf<N>, options: UseOpOptions = {}): UseQueryResult<OutputOf<N>, OpError> {
  return useQuery<OutputOf<N>, OpError>({
    queryKey: opKey(name, input),
    queryFn: () => fetchOp(name, input),
    enabled: options.enabled ?? true,
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...(options.forget ? { gcTime: 0 } : {}),
  });
}

/** The same read for several inputs at once (e.g. every open incident). */
export function useOps<N extends OperationName>(name: N, inputs: InputOf<N>[]): UseQueryResult<OutputOf<N>, OpError>[] {
  const queries = inputs.map((input) => ({ queryKey: opKey(name, input), queryFn: (): Promise<OutputOf<N>> => fetchOp(name, input) }));
  const results: UseQueryResult<OutputOf<N>, OpError>[] = useQueries({ queries });
  return results;
}

/**
 * A read outside React (a key pressed, a command run, an export): from the cache
 * when it holds a current answer, else from the core. `fresh` always asks the core
 * (an answer that depends on the moment, such as a status update's next-update time).
 */
export async function readOp<N extends OperationName>(name: N, input: InputOf<N>, options: { fresh?: boolean } = {}): Promise<Result<OutputOf<N>>> {
  try {
    const value = await queryClient.fetchQuery<OutputOf<N>, OpError>({
      queryKey: opKey(name, input),
      queryFn: () => fetchOp(name, input),
      ...(options.fresh ? { staleTime: 0 } : {}),
    });
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: error instanceof OpError ? error.apiError : { code: 'IO', message: error instanceof Error ? error.message : String(error) } };
  }
}

/** What the cache holds for a read, if anything (no request). */
export const peekOp = <N extends OperationName>(name: N, input: InputOf<N>): OutputOf<N> | undefined =>
  queryClient.getQueryData<OutputOf<N>>(opKey(name, input));

/** Puts an answer the console already has into the cache (what a write answered with). */
export function setOp<N extends OperationName>(name: N, input: InputOf<N>, update: OutputOf<N> | ((current: OutputOf<N> | undefined) => OutputOf<N> | undefined)): void {
  queryClient.setQueryData<OutputOf<N>>(opKey(name, input), update);
}

/** Changes every cached answer of an operation (whatever its input) that the updater returns a new value for. */
export function updateOps<N extends OperationName>(name: N, update: (current: OutputOf<N>, input: InputOf<N>) => OutputOf<N>): void {
  for (const [key, data] of queryClient.getQueriesData<OutputOf<N>>({ queryKey: [name] })) {
    if (data !== undefined) queryClient.setQueryData<OutputOf<N>>(key, update(data, key[1] as InputOf<N>));
  }
}

/** The message of a read that failed, for the screen; null while there is none. */
export const errorOf = (query: { error: OpError | null }): string | null => query.error?.message ?? null;
