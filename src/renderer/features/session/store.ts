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

/** False on a viewer's console: it may look at everything and change nothing. */
export const useCanWrite = (): boolean => useSession((state) => state.role !== 'viewer');
