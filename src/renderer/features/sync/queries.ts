/** Team sync's reads, cached by operation and input (src/renderer/api/queries.ts); sync.changed refreshes them. */
import { useOp } from '../../api/queries';

export const useSyncStatus = () => useOp('syncStatus', {});
export const useSyncConflict = (path: string) => useOp('syncConflict', { path }, { forget: true });
