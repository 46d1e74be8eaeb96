import { create } from 'zustand';
import type { BackupInfo } from '../../../shared/workspace';
import { api } from '../../api/client';
import { restoreAndStartAfresh } from '../recovery/restored';

interface BackupsState {
  backups: BackupInfo[] | null;
  error: string | null;
  /** What the last action did, for the status line. */
  message: string | null;
  busy: boolean;
  load: () => Promise<void>;
  create: () => Promise<void>;
  restore: (file: string) => Promise<void>;
}

/** The backups screen's view of the data folder's backups. */
export const useBackups = create<BackupsState>()((set, get) => ({
  backups: null,
  error: null,
  message: null,
  busy: false,
  load: async () => {
    const result = await api.listBackups({});
    set(result.ok ? { backups: result.value, error: null } : { error: result.error.message });
  },
  create: async () => {
    if (get().busy) return;
    set({ busy: true, message: null });
    const result = await api.createBackup({});
    set({ busy: false, ...(result.ok ? { message: `Backed up to ${result.value.file}.`, error: null } : { error: result.error.message }) });
    await get().load();
  },
  restore: async (file) => {
    if (get().busy) return;
    set({ busy: true, message: null });
    const error = await restoreAndStartAfresh(file);
    set({ busy: false, error: error.message });
  },
}));
