/** The SLO screens' reads, cached by operation and input (src/renderer/api/queries.ts). */
import { useOp } from '../../api/queries';

export const useSloExclusions = (name: string) => useOp('listSloExclusions', { name });

/** The changes planned on the SLO's service over its window: the burn-down draws them as lines. */
export const useServiceChanges = (service: string | undefined, window: { from: string; to: string } | undefined) =>
  useOp('listChanges', { service: service ?? '', ...(window ?? {}) }, { enabled: service !== undefined && window !== undefined, keepPrevious: true });
