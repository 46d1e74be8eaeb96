import { queryClient, useOp } from '../../api/queries';

/** Whether the store's file is damaged, and the backups that can replace it (asked once when the console opens). */
export function useRecoveryState() {
  const query = useOp('recoveryState', {});
  // A core too old to know the operation, or out of reach, is not a damaged store: the console says why elsewhere.
  return query.data ?? null;
}

export const refreshRecoveryState = () => queryClient.invalidateQueries({ queryKey: ['recoveryState'] });
