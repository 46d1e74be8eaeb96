import type { Role } from '../../../shared/access';
import { peekOp, useOp } from '../../api/queries';

/** Who this console is: a responder, or a viewer (the read-only link of `holdfast web`); null until the core has said. */
export const useRole = (): Role | null => useOp('getSession', {}).data?.role ?? null;

/**
 * Whether this console may change data: only once the core has said it is a
 * responder's. A viewer's console (a wall display) offers no control that changes
 * anything, not even for a moment while it loads; the core refuses those
 * operations for a viewer whatever the page shows.
 */
export const useCanWrite = (): boolean => useRole() === 'responder';

/** The same, read outside React (a key pressed, a command run from the palette). */
export const canWrite = (): boolean => peekOp('getSession', {})?.role === 'responder';
