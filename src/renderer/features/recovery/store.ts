import { create } from 'zustand';
import type { RecoveryState } from '../../../shared/recovery';
import { api } from '../../api/client';
import { restoreAndStartAfresh } from './restored';

interface RecoveryStore {
  /** Null until the core has answered. */
  state: RecoveryState | null;
  /** The backup being restored, while it is. */
  restoring: string | null;
  error: string | null;
  load: () => Promise<void>;
  restore: (file: string) => Promise<void>;
}

/** Whether the store's file is damaged, and the backups that can replace it. */
export const useRecovery = create<RecoveryStore>()((set, get) => ({
  state: null,
  restoring: null,
  error: null,
  load: async () => {
    const result = await api.recoveryState({});
    // A core too old to know the operation, or out of reach, is not a damaged store: the console says why elsewhere.
    if (result.ok) set({ state: result.value });
  },
  restore: async (file) => {
    if (get().restoring) return;
    set({ restoring: file, error: null });
    const error = await restoreAndStartAfresh(file);
    set({ restoring: null, error: error.message });
    void get().load();
  },
}));
