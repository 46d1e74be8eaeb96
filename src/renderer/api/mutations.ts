/**
 * How the console changes data: every write carries a request id, puts its own
 * answer into the cache, and tells the live updates (./live.ts) what that answer
 * gave, so its echo fetches only what the answer does not. Features build their
 * writes on `runWrite` (features/<f>/mutations.ts).
 */
import type { InputOf, OperationName, OutputOf } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { api } from './client';
import type { Target } from './invalidation';
import { ownWrites } from './live';
import { queryClient } from './queries';

/** Random per console (works where crypto.randomUUID does not: a plain-http page), then counted. */
const consoleId = Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) => byte.toString(16).padStart(2, '0')).join('');
let counter = 0;

export const newRequestId = (): string => `${consoleId}-${(++counter).toString(36)}`;

export interface WriteOptions<N extends OperationName> {
  /** Puts what the write answered into the cache (the saved runbook, the timeline's new event). */
  apply?: (value: OutputOf<N>) => void;
  /** The reads `apply` brings up to date: the write's echo leaves them alone. */
  gives?: readonly Target[];
  /** Reads the write makes stale that its answer does not give: fetched again as soon as it answers (not again on its echo). */
  refresh?: readonly Target[];
}

/** Runs one write; resolves to its result, with the cache already showing it when it succeeded. */
export async function runWrite<N extends OperationName>(name: N, input: InputOf<N>, options: WriteOptions<N> = {}): Promise<Result<OutputOf<N>>> {
  const requestId = newRequestId();
  // Known before the call: the echo can arrive before the answer does.
  ownWrites.expect(requestId, [...(options.gives ?? []), ...(options.refresh ?? [])]);
  const call = api[name] as (input: InputOf<N>, requestId: string) => Promise<Result<OutputOf<N>>>;
  const result = await call(input, requestId);
  if (result.ok) {
    options.apply?.(result.value);
    for (const target of options.refresh ?? []) void queryClient.invalidateQueries({ queryKey: target });
  }
  return result;
}
