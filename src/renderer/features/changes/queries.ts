/** The changes screens' reads, cached by operation and input (src/renderer/api/queries.ts). */
import { useOp } from '../../api/queries';

export const useChanges = () => useOp('listChanges', {});
export const useChange = (id: number) => useOp('getChange', { id });
export const useChangeWindows = () => useOp('listChangeWindows', {});
export const useChangeCalendar = (from: string, to: string) => useOp('changeCalendar', { from, to }, { keepPrevious: true });
export const useWhatChanged = (incidentId: number) => useOp('whatChanged', { incidentId });
export const useRunbookChoices = () => useOp('listRunbooks', {});
