import { create } from 'zustand';
import type { Role } from '../../../shared/access';
import { api } from '../../api/client';

interface SessionState {
  /** Null until the core has said who this console is. */
  role: Role | null;
  load: () => Promise<void>;
}

/** Who this console is: a responder, or a viewer (the read-only link of `holdfast web`). */
export const useSession = create<SessionState>()((set) => ({
  role: null,
  load: async () => {
    const result = await api.getSession({});
    if (result.ok) set({ role: result.value.role });
  },
}));

/**
 * Whether this console may change data: only once the core has said it is a
 * responder's. A viewer's console (a wall display) offers no control that changes
 * anything, not even for a moment while it loads; the core refuses those
 * operations for a viewer whatever the page shows.
 */
export const useCanWrite = (): boolean => useSession((state) => state.role === 'responder');

/** The same, read outside React (a key pressed, a command run from the palette). */
export const canWrite = (): boolean => useSession.getState().role === 'responder';
