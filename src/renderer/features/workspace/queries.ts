import { useOp } from '../../api/queries';

/** Where the data lives and what it holds (the demo banner, Backups, Settings). */
export const useWorkspaceInfo = () => useOp('getWorkspace', {});
